using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class BidJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Provider_FindsAGrantAsksAQuestionAndBids_CorrectingAMistakeOnTheWay()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);

        // Find: the grant round, from the public list.
        await page.GetByRole(AriaRole.Link, new() { Name = "Opportunities", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Community connections grants" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community connections grants");
        await page.AssertAccessibleAsync();

        // Ask: an anonymous question, before the clarification deadline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Questions and answers" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Your question").FillAsync("Can a grant pay volunteers' travel expenses?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Can a grant pay volunteers' travel expenses?").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Bid: on lot 4, answers to every criterion and a price.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bid for this opportunity" }).ClickAsync();
        await page.AssertAccessibleAsync();
        if (await page.Locator("input[name=OrganisationId]").CountAsync() > 0)
        {
            await page.Locator("input[name=OrganisationId]").First.CheckAsync();
        }

        await page.Locator("input[name=LotId]").Nth(3).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the bid" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bid for Community connections grants");
        await page.AssertAccessibleAsync();

        await page.Locator("a[href$='/answers']").First.ClickAsync();
        await page.AssertAccessibleAsync();
        var answers = page.Locator("textarea");
        for (var i = 0; i < await answers.CountAsync(); i++)
        {
            await answers.Nth(i).FillAsync($"Our answer {i + 1}: weekly drop-ins run by trained volunteers in Bow, with a hot meal.");
        }

        await page.GetByLabel("Price for the lot over the whole term (£)").FillAsync("fifteen thousand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Price for the lot over the whole term (£)").FillAsync("14500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting your bid");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£14,500");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit bid" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Submitted");
        await page.AssertAccessibleAsync();
    }
}
