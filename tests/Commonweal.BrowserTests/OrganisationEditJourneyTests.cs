using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class OrganisationEditJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ProviderAdmin_EditsTheirOrganisation_CorrectingAMistakeOnTheWay()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "My organisation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bow Community Kitchen");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit organisation" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Postcode").FillAsync("nowhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a real postcode");
        await page.AssertAccessibleAsync();

        await page.Locator(".nhsuk-error-summary a").First.ClickAsync();
        await page.GetByLabel("Postcode").FillAsync("E3 4AB");
        await page.GetByLabel("Volunteers (optional)").FillAsync("38");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your changes have been saved");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("E3 4AB");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("38");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Public_BrowsesTheOrganisationList()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/organisations");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Search by name or identifier").FillAsync("carers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mile End Carers Centre" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mile End Carers Centre");
        await page.AssertAccessibleAsync();
    }
}
