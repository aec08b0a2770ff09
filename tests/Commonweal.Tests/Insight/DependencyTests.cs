using Commonweal.Insight;

namespace Commonweal.Tests.Insight;

public sealed class DependencyTests
{
    private static FunderIncome F(string funder, decimal amount, FundingSource source = FundingSource.Grant) => new(funder, funder, source, amount);

    [Fact]
    public void Compute_NoIncome_HasNoSharesAndNoFlags()
    {
        var d = Dependency.Compute([]);

        Assert.Equal(0, d.TotalIncome);
        Assert.Empty(d.Funders);
        Assert.Equal(0, d.Hhi);
        Assert.Null(d.EquivalentFunders);
        Assert.False(d.Flagged);
    }

    [Fact]
    public void Compute_OneFunder_IsWhollyDependent()
    {
        var d = Dependency.Compute([F("ICB", 40_000)]);

        Assert.Equal(1.0, d.LargestShare);
        Assert.Equal(1.0, d.Hhi);
        Assert.Equal(1.0, d.EquivalentFunders);
        Assert.True(d.DependsOnOneFunder);
        Assert.True(d.Concentrated);
    }

    [Fact]
    public void Compute_ExactlyHalf_IsNotFlaggedAsDependent()
    {
        // 50 / 25 / 25: largest share 0.5 exactly; HHI 0.25 + 0.0625 + 0.0625 = 0.375.
        var d = Dependency.Compute([F("A", 50), F("B", 25), F("C", 25)]);

        Assert.Equal(0.5, d.LargestShare);
        Assert.False(d.DependsOnOneFunder);
        Assert.Equal(0.375, d.Hhi, 12);
        Assert.True(d.Concentrated);
        Assert.Equal(1 / 0.375, d.EquivalentFunders!.Value, 12);
    }

    [Fact]
    public void Compute_JustOverHalf_IsFlagged()
    {
        var d = Dependency.Compute([F("A", 50.01m), F("B", 49.99m)]);

        Assert.True(d.DependsOnOneFunder);
        Assert.Equal("A", d.LargestFunder);
    }

    [Fact]
    public void Compute_FourEqualFunders_HhiExactlyAQuarter_IsNotConcentrated()
    {
        var d = Dependency.Compute([F("A", 10), F("B", 10), F("C", 10), F("D", 10)]);

        Assert.Equal(0.25, d.Hhi, 12);
        Assert.Equal(4.0, d.EquivalentFunders!.Value, 12);
        Assert.False(d.Concentrated);
        Assert.False(d.DependsOnOneFunder);
    }

    [Fact]
    public void Compute_RecordsOfOneFunderAddUp_AndSharesAreOfTheTotal()
    {
        // A: 30 + 30 = 60, B: 30, donations 10 → shares 0.6, 0.3, 0.1; HHI 0.36 + 0.09 + 0.01 = 0.46.
        var d = Dependency.Compute([F("A", 30), F("B", 30), F("A", 30), F("Donations", 10, FundingSource.OtherIncome)]);

        Assert.Equal(100, d.TotalIncome);
        Assert.Equal(["A", "B", "Donations"], d.Funders.Select(f => f.Funder));
        Assert.Equal(0.6, d.Funders[0].Share, 12);
        Assert.Equal(0.46, d.Hhi, 12);
        Assert.True(d.DependsOnOneFunder);
    }
}
