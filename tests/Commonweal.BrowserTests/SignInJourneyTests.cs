using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class SignInJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_FromTheFrontPage_ReachesTheCommissionersHome()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.AssertAccessibleAsync();

        // A mistake first: the error summary must be accessible too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your email address");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Email address").FillAsync(DemoAccounts.Commissioner);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome, Tom Okafor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commissioning" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
    }
}
