using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class InsightJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Commissioner_SeesTheDependentOrganisationAndACliff_AndDownloadsCsv()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.Commissioner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "NHS North East London Integrated Care Board: commissioner dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Commissioner dashboard");
        // The other journey in this class records income for the kitchen, so the charity 80% funded by one fund is the dependent one checked here.
        var dependent = page.Locator("#dependency tbody tr", new() { HasText = "Tower Hamlets Sickle Cell Support" });
        await Assertions.Expect(dependent).ToContainTextAsync("Dependent");
        await Assertions.Expect(page.Locator("#cliffs tbody tr", new() { HasText = DemoFunding.DependentOrganisation })).ToContainTextAsync("E3");
        // The chart drew (JavaScript on) beside its table.
        await Assertions.Expect(page.Locator("canvas[data-cw-chart]").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download funding cliffs as CSV" }).ClickAsync());
        var text = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("organisation_id,organisation,area,", text, StringComparison.Ordinal);
        Assert.Contains(DemoFunding.DependentOrganisation, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationAdmin_RecordsOtherIncome_AndSeesTheirDependencyChange()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoFunding.DependentOrganisation }).ClickAsync();
        await Assertions.Expect(page.Locator(".cw-dependency-flag")).ToContainTextAsync("Dependent on one funder");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record other income" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Trading (sales, fees and charges)").CheckAsync();
        await page.GetByLabel("Amount in pounds").FillAsync("nothing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save income" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Amount in pounds").FillAsync("40000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save income" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("recorded");
        await Assertions.Expect(page.Locator(".cw-dependency-flag")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#income-by-funder")).ToContainTextAsync("Trading (sales, fees and charges)");
        await page.AssertAccessibleAsync();
    }
}
