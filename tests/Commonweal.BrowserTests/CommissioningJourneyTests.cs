using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class CommissioningJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Commissioner_OpensThePlan_SeesTheRareConditionFirstAndTheOverlap_ThenThePooledFund()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.Commissioner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "NHS North East London Integrated Care Board: commissioner dashboard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plans, needs and pooled funds of NHS North East London Integrated Care Board" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tower Hamlets community health and wellbeing plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tower Hamlets community health and wellbeing plan");
        var first = page.Locator("#unprovided tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(DemoCommissioning.RareCondition);
        await Assertions.Expect(first).ToContainTextAsync("Rare");
        await Assertions.Expect(page.Locator("#overlaps tbody tr", new() { HasText = "Food" })).ToContainTextAsync("Bow Community Kitchen");
        await Assertions.Expect(page.Locator("canvas[data-cw-chart]").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download spend against burden as CSV" }).ClickAsync());
        var text = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("condition,rare,burden,", text, StringComparison.Ordinal);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoCommissioning.PoolName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemoCommissioning.PoolName);
        await Assertions.Expect(page.Locator("#members tbody tr").First).ToContainTextAsync("£600,000");
        await Assertions.Expect(page.Locator("#members tbody tr", new() { HasText = "London Borough of Tower Hamlets" })).ToContainTextAsync("40%");
        await page.AssertAccessibleAsync();
    }
}
