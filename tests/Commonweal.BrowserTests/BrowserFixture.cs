using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

/// <summary>
/// The site on a real Kestrel port with its own database, and Debian's Chromium driven by
/// Playwright. Nothing is downloaded: without /usr/bin/chromium the tests skip locally and fail
/// in CI (CI=true), where .ci/run installs it.
/// </summary>
public sealed class BrowserFixture : CommonwealFactory
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }
    public string BaseAddress { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network: without these Chromium keeps trying to reach Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on the site, or a skip/fail when there is no Chromium.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason + " In CI the browser tests must run.");
            }

            Assert.Skip(reason);
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the sign-in form as a demo account.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
