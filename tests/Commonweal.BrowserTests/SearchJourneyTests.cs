using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class SearchJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Public_FindsAServiceNearThemAndOpensIt()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find services" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Postcode or area").FillAsync("nowhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a real postcode or area");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("What are you looking for?").FillAsync("debt");
        await page.GetByLabel("Postcode or area").FillAsync("E1");
        await page.GetByLabel("Distance").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h2").First).ToContainTextAsync("found");
        await page.AssertAccessibleAsync();

        await page.Locator(".cw-results h3 a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-summary-list").Filter(new() { HasText = "Who can use it" })).ToContainTextAsync("How to refer");
        await page.AssertAccessibleAsync();
    }
}
