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

    [Fact]
    public async Task Commissioner_RecordsAnAreaAndARareCondition_PublishesAPlan_AndPoolsAFund()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.Commissioner);
        async Task Choose(string label) => await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        async Task Fill(string label, string value) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

        await page.GotoAsync("/commissioning");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an area" }).ClickAsync();
        await Fill("Name", "Bethnal Green");
        await Fill("Outcodes", "E2, ZZ9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record area" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("ZZ9 is not a known outcode");
        await page.AssertAccessibleAsync();
        await Fill("Outcodes", "E2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record area" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bethnal Green");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a need or condition" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await Choose("Health condition");
        await Fill("Name", "Cystic fibrosis");
        await Fill("Prevalence", "9");
        await Choose("Number of people");
        await Choose("It is a rare condition (affecting fewer than 1 in 2,000 people)");
        await Fill("Orphanet code (optional)", "ORPHA:586");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record need or condition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#needs tbody tr", new() { HasText = "Cystic fibrosis" })).ToContainTextAsync("ORPHA:586");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a need or condition" }).ClickAsync();
        await Choose("Health condition");
        await Fill("Name", "Asthma");
        await Fill("Prevalence", "80");
        await Choose("Per 1,000 people");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record need or condition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#needs tbody tr")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Link, new() { Name = "Start a plan for this area" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await Fill("Title", "Bethnal Green health plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bethnal Green health plan");
        await Assertions.Expect(page.GetByText("Draft: only your organisation can see this plan")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set a budget for a need or condition" }).ClickAsync();
        await page.GetByLabel("Need or condition").SelectOptionAsync(new SelectOptionValue { Label = "Asthma" });
        await Fill("Amount in pounds", "50000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Plan published");
        var unprovided = page.Locator("#unprovided tbody tr");
        await Assertions.Expect(unprovided).ToHaveCountAsync(1);
        await Assertions.Expect(unprovided.First).ToContainTextAsync("Cystic fibrosis");
        await Assertions.Expect(unprovided.First).ToContainTextAsync("Rare");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish plan" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/commissioning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a pooled fund" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await Fill("Name", "Bethnal Green joint fund");
        await Fill("Commissioner 1: amount pooled (£)", "300,000");
        await Fill("Commissioner 1: agreed share (%)", "50");
        await page.GetByLabel("Commissioner 2", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "London Borough of Tower Hamlets" });
        await Fill("Commissioner 2: amount pooled (£)", "300,000");
        await Fill("Commissioner 2: agreed share (%)", "50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create pooled fund" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bethnal Green joint fund");
        await Assertions.Expect(page.Locator("#members tbody tr", new() { HasText = "London Borough of Tower Hamlets" })).ToContainTextAsync("£300,000");
        await page.AssertAccessibleAsync();
    }
}
