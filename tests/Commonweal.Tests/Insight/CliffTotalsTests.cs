using Commonweal.Insight;

namespace Commonweal.Tests.Insight;

public sealed class CliffTotalsTests
{
    private static readonly Guid A = Guid.CreateVersion7(), B = Guid.CreateVersion7(), C = Guid.CreateVersion7(), D = Guid.CreateVersion7();

    private static OrganisationCliff Cliff(Guid id, string? area, decimal six, decimal twelve, params ServiceAtRisk[] services) =>
        new(id, $"Org {id}", area, new CliffFigures(id, six, twelve, twelve, 0, 1), services);

    private static ServiceAtRisk Service(string name, params string[] needs) => new(Guid.CreateVersion7(), name, needs);

    /// <summary>
    /// A: E3, £12,000 within 6 and 12 months, a lunch club (befriending, food) and a walk (physical activity).
    /// B: e3 (any case), £24,000 within 12 only, an advice service (befriending).
    /// C: E14, £6,000 within 6, no services. D: no postcode, £1,000 within 12.
    /// </summary>
    private static readonly IReadOnlyList<OrganisationCliff> Cliffs =
    [
        Cliff(A, "E3", 12_000, 12_000, Service("Lunch club", "Befriending", "Food"), Service("Walk", "Physical activity")),
        Cliff(B, "e3", 0, 24_000, Service("Advice", "Befriending")),
        Cliff(C, "E14", 6_000, 6_000),
        Cliff(D, null, 0, 1_000),
    ];

    [Fact]
    public void ByArea_AddsUpEachOutcode_AndEachCommissioningAreaOverItsOutcodes()
    {
        var areas = new[]
        {
            new CommissioningAreaOutcodes(Guid.CreateVersion7(), "Tower Hamlets", "East London ICB", ["E1", "E3", "E14"]),
            new CommissioningAreaOutcodes(Guid.CreateVersion7(), "Bow", "Council", ["E3"]),
            new CommissioningAreaOutcodes(Guid.CreateVersion7(), "Manchester", "Council", ["M1"]),
        };

        var rows = CliffTotals.ByArea(Cliffs, areas);

        var e3 = Assert.Single(rows, r => r.Kind == AreaKind.Outcode && r.Area.Equals("E3", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((12_000m, 36_000m), (e3.EndingWithin6Months, e3.EndingWithin12Months));
        Assert.Equal([A, B], e3.Organisations);
        Assert.Equal(["Lunch club", "Walk", "Advice"], e3.ServicesAtRisk.Select(s => s.Name));
        var e14 = Assert.Single(rows, r => r.Area == "E14");
        Assert.Equal((6_000m, 6_000m), (e14.EndingWithin6Months, e14.EndingWithin12Months));
        Assert.Empty(e14.ServicesAtRisk);
        var unknown = Assert.Single(rows, r => r.Area == CliffTotals.AreaNotKnown);
        Assert.Equal(1_000m, unknown.EndingWithin12Months);
        var towerHamlets = Assert.Single(rows, r => r.Area == "Tower Hamlets");
        Assert.Equal(AreaKind.CommissioningArea, towerHamlets.Kind);
        Assert.Equal("East London ICB", towerHamlets.Commissioner);
        Assert.Equal((18_000m, 42_000m), (towerHamlets.EndingWithin6Months, towerHamlets.EndingWithin12Months));
        Assert.Equal(3, towerHamlets.Organisations.Count);
        var bow = Assert.Single(rows, r => r.Area == "Bow");
        Assert.Equal((12_000m, 36_000m), (bow.EndingWithin6Months, bow.EndingWithin12Months));
        // An area with no organisation in the list has no row; the largest loss comes first.
        Assert.DoesNotContain(rows, r => r.Area == "Manchester");
        Assert.Equal(42_000m, rows[0].EndingWithin12Months);
    }

    [Fact]
    public void ByNeed_CountsEachOrganisationsWholeLossOnceUnderEveryNeedItsServicesMeet()
    {
        var rows = CliffTotals.ByNeed(Cliffs);

        Assert.Equal(["Befriending", "Food", "Physical activity"], rows.Select(r => r.Need));
        var befriending = rows[0];
        Assert.Equal((12_000m, 36_000m), (befriending.EndingWithin6Months, befriending.EndingWithin12Months));
        Assert.Equal([A, B], befriending.Organisations);
        Assert.Equal(["Lunch club", "Advice"], befriending.ServicesAtRisk.Select(s => s.Name));
        // A's whole £12,000 counts under food and under physical activity, each met by one of its services.
        var food = rows.Single(r => r.Need == "Food");
        Assert.Equal((12_000m, 12_000m), (food.EndingWithin6Months, food.EndingWithin12Months));
        Assert.Equal(["Lunch club"], food.ServicesAtRisk.Select(s => s.Name));
        Assert.Equal(["Walk"], rows.Single(r => r.Need == "Physical activity").ServicesAtRisk.Select(s => s.Name));
    }

    [Fact]
    public void ByNeed_AServiceListingANeedTwice_IsOneServiceAtRiskUnderIt()
    {
        var rows = CliffTotals.ByNeed([Cliff(A, "E3", 0, 5_000, Service("Lunch club", "Food", "Befriending", "Food"), Service("Walk", "Walking"))]);

        var food = Assert.Single(rows, r => r.Need == "Food");
        Assert.Equal(["Lunch club"], food.ServicesAtRisk.Select(s => s.Name));
        Assert.Equal([A], food.Organisations);
        Assert.Equal(5_000m, food.EndingWithin12Months);
        Assert.Equal(["Walk"], rows.Single(r => r.Need == "Walking").ServicesAtRisk.Select(s => s.Name));
    }
}
