using Commonweal.Insight;
using Commonweal.Organisations;

namespace Commonweal.Tests.Insight;

public sealed class FundingCliffTests
{
    private static readonly Guid Org = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static FundingTerm T(decimal amount, string start, string end) => new(Org, amount, DateOnly.Parse(start), DateOnly.Parse(end));

    [Fact]
    public void Term_AnnualValue_IsAmountPerTwelveMonths()
    {
        Assert.Equal(12, T(1, "2025-04-01", "2026-03-31").Months);
        Assert.Equal(36, T(1, "2024-04-01", "2027-03-31").Months);
        Assert.Equal(30_000m, T(90_000, "2024-04-01", "2027-03-31").AnnualValue);
        Assert.Equal(6, T(1, "2026-01-01", "2026-06-30").Months);
    }

    [Fact]
    public void Term_WithoutPlannedEnd_IsOneYearFromStart()
    {
        var t = FundingTerm.Of(Org, 1000, new DateOnly(2025, 7, 1), null, null);

        Assert.Equal(new DateOnly(2025, 7, 1), t.Start);
        Assert.Equal(new DateOnly(2026, 6, 30), t.End);
    }

    [Fact]
    public void For_SplitsEndingIncomeAtSixAndTwelveMonths_AndFindsTheFall()
    {
        // Today 15 Jan 2026: six months is 15 Jul 2026, twelve is 15 Jan 2027.
        var terms = new[]
        {
            T(120_000, "2025-04-01", "2026-03-31"), // £120k a year ends 31 Mar 2026: within 6 months
            T(24_000, "2025-01-01", "2026-12-31"),  // 24 months, £12k a year, ends Dec 2026: within 12, not 6
            T(10_000, "2025-06-01", "2026-07-15"),  // ends exactly at six months: counted in six
            T(60_000, "2025-04-01", "2028-03-31"),  // 36 months, £20k a year, carries on
            T(50_000, "2024-01-01", "2025-12-31"),  // already ended: nothing
        };

        var c = FundingCliffs.For(Org, terms, Today);

        // 1 Jun 2025 to 15 Jul 2026 is 13 whole months: £9,230.77 a year.
        Assert.Equal(13, T(10_000, "2025-06-01", "2026-07-15").Months);
        var ten = 9_230.77m;
        Assert.Equal(120_000 + ten, c.EndingWithin6Months);
        Assert.Equal(120_000 + 12_000 + ten, c.EndingWithin12Months);
        Assert.Equal(3, c.CommitmentsEnding);
        Assert.Equal(120_000 + 12_000 + ten + 20_000, c.AnnualIncomeNow);
        Assert.Equal(20_000, c.AnnualIncomeInAYear);
        Assert.True(c.FallsByMoreThanHalf);
    }

    [Fact]
    public void For_ExactlyHalfLeft_IsNotAFallByMoreThanHalf()
    {
        var c = FundingCliffs.For(Org, [T(12_000, "2025-04-01", "2026-03-31"), T(24_000, "2025-04-01", "2027-03-31")], Today);

        Assert.Equal(24_000, c.AnnualIncomeNow);
        Assert.Equal(12_000, c.AnnualIncomeInAYear);
        Assert.False(c.FallsByMoreThanHalf);
    }

    [Fact]
    public void SectorShare_GroupsBySectorSizeAndYear_WithSharesOfEachYear()
    {
        var rows = SectorShare.Compute(
        [
            new SectorFlow(2025, Sector.Third, IncomeBand.Small, 25),
            new SectorFlow(2025, Sector.Third, IncomeBand.Micro, 5),
            new SectorFlow(2025, Sector.Private, IncomeBand.Major, 50),
            new SectorFlow(2025, Sector.Public, IncomeBand.SuperMajor, 20),
            new SectorFlow(2026, Sector.Third, IncomeBand.Small, 10),
        ]);

        Assert.Equal(5, rows.Count);
        var privateLarge = rows.Single(r => r.Year == 2025 && r.Sector == "Private");
        Assert.Equal(ProviderSize.Large, privateLarge.Size);
        Assert.Equal(0.5, privateLarge.ShareOfYear, 12);
        Assert.Equal(0.05, rows.Single(r => r.Year == 2025 && r.Size == ProviderSize.Micro).ShareOfYear, 12);
        Assert.Equal(1.0, rows.Single(r => r.Year == 2026).ShareOfYear, 12);
    }
}
