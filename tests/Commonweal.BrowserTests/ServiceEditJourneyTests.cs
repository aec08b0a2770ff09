using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class ServiceEditJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ProviderAdmin_AddsAServiceAndSeesItsPage()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "My organisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Manage services" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Services");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a service" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Service name").FillAsync("Wednesday soup club");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select at least one need the service meets");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("What the service does").FillAsync("Soup, bread and company every Wednesday lunchtime.");
        await page.GetByLabel("Food: Community meals and cooking").CheckAsync();
        await page.GetByLabel("Typical wait, in days (optional)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wednesday soup club");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The service has been saved");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list").Filter(new() { HasText = "Who can use it" })).ToContainTextAsync("2 days");
        await page.AssertAccessibleAsync();
    }
}
