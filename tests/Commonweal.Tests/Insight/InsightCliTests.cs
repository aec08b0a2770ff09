using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

public sealed class InsightCliTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Import360Giving_ThenDependencyCsv_PrintsHeaderAndOneRowPerRecipient()
    {
        var import = await CliHarness.RunAsync(database.Database, "import", "360giving", Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json"));
        // The file's grants were awarded from 2019 to 2021; 2020-21 is the financial year they fill most.
        var csv = await CliHarness.RunAsync(database.Database, "insight", "dependency", "--csv", "--year", "2020");
        var bad = await CliHarness.RunAsync(database.Database, "import", "360giving", "/nowhere/grants.json");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("read 783, written 783, rejected 0", import.Lines[^1]);
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Lines;
        Assert.Equal("organisation_id,organisation,financial_year,total_income_gbp,funders,largest_funder,largest_share,hhi,equivalent_funders,largest_share_over_half,hhi_over_quarter", lines[0]);
        Assert.True(lines.Length > 10, csv.Output);
        // Every recipient of a single funder's grants depends on it wholly.
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",A B Charitable Trust,1.0000,1.0000,1.0000,yes,yes", l, StringComparison.Ordinal));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Nothing was written", bad.Output, StringComparison.Ordinal);
    }
}
