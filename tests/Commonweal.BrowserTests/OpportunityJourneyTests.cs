using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class OpportunityJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Public_FindsWorkForASmallOrganisation()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Opportunities" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find an opportunity");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Suitable for small organisations and the voluntary sector").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h2").First).ToHaveTextAsync("1 opportunity found");
        await page.AssertAccessibleAsync();

        await page.Locator(".cw-results h3 a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community connections grants");
        await Assertions.Expect(page.Locator(".cw-lots")).ToContainTextAsync("Grant 10");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Commissioner_SeesTheFairnessCheckOnADraft_ThenPublishesWithAReason()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.Commissioner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Opportunities" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Integrated community wellbeing service" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cw-findings")).ToContainTextAsync("The minimum turnover of £10,000,000");
        var notice = page.Url;
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Give the reason these terms are justified");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit draft");
        await page.AssertAccessibleAsync();

        await page.GotoAsync(notice);
        await page.GetByLabel("Why are these terms justified?").FillAsync("Only one provider can run all three services together during the merger.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The opportunity has been published.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The commissioner's reason: Only one provider can run all three services together during the merger.");
        await page.AssertAccessibleAsync();
    }
}
