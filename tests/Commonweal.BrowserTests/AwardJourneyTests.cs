using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class AwardJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Public_SeesWhoWasAwardedWhat_AndFindsTheOpenData()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/opportunities");
        await page.GetByRole(AriaRole.Link, new() { Name = "contracts awarded" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contracts awarded");
        await Assertions.Expect(page.Locator(".cw-awards")).ToContainTextAsync(DemoAwards.LeadSupplier);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Social prescribing link workers" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cw-award")).ToContainTextAsync("30% of the value");
        await page.AssertAccessibleAsync();

        await page.Locator(".cw-ocds-link a").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("compiledRelease");
    }
}
