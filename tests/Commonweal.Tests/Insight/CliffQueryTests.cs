using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

/// <summary>
/// The cliff list read from the database: the figures, the order, and each organisation's services
/// and needs, the same whether a few organisations are asked for (filtered in SQL), many (filtered
/// in memory) or all (whole-table reads).
/// </summary>
public sealed class CliffQueryTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Arranged(string Tag, Guid A, Guid B, Guid C, Guid D, Guid E, Guid[] DropIns);

    /// <summary>
    /// One-year grants, so each annual value is its amount. C loses £24,000 in 9 months; A and B £12,000
    /// each (A in 2 months, B in 9: the tie is broken by name); E £6,000 in 1 month and has no services;
    /// D's grant runs past a year, so D and its service are in no list. A has services named so that
    /// ordinal order differs from a culture's ("alley garden" after "Walk"), two with the same name (then
    /// by id), one with no needs, and a lunch club linked to food twice and to befriending.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var directory = new DirectoryTestData(() => database.Database.CreateContext());
        await using var db = database.Database.CreateContext();
        Organisation Org(string name, string? postcode) => new() { Name = $"{name} {tag}", LegalForm = LegalForm.RegisteredCharity, Postcode = postcode };
        var funder = new Organisation { Name = $"Funder {tag}", LegalForm = LegalForm.IntegratedCareBoard };
        var (a, b, c, d, e) = (Org("A", "E3 2AN"), Org("B", "e3 5bs"), Org("C", "E14 0AA"), Org("D", "E1 6AN"), Org("E", null));
        db.Organisations.AddRange(funder, a, b, c, d, e);
        FundingRecord Grant(Organisation to, decimal amount, DateOnly end)
        {
            var r = new FundingRecord { Source = FundingSource.Grant, FunderOrganisationId = funder.Id, FunderName = funder.Name, RecipientOrganisationId = to.Id, Amount = amount, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            var start = end.AddDays(1).AddYears(-1);
            r.SetDates(start, start, end);
            return r;
        }

        db.FundingRecords.AddRange(
            Grant(a, 12_000, Today.AddMonths(2)), Grant(b, 12_000, Today.AddMonths(9)), Grant(c, 24_000, Today.AddMonths(9)),
            Grant(d, 50_000, Today.AddMonths(14)), Grant(e, 6_000, Today.AddMonths(1)));
        await db.SaveChangesAsync(Cancel);

        var taxonomy = await directory.TaxonomyAsync($"Needs {tag}");
        var (food, befriending, walking) = (await directory.TermAsync(taxonomy, $"Food {tag}"), await directory.TermAsync(taxonomy, $"Befriending {tag}"), await directory.TermAsync(taxonomy, $"Walking {tag}"));
        await directory.ServiceAsync(a, "Walk", terms: [walking]);
        await directory.ServiceAsync(a, "alley garden", terms: [walking]);
        await directory.ServiceAsync(a, "Lunch club", terms: [food, befriending, food]);
        var dropIns = new[] { (await directory.ServiceAsync(a, "Drop-in")).Id, (await directory.ServiceAsync(a, "Drop-in", terms: [befriending])).Id };
        await directory.ServiceAsync(b, "Advice", terms: [befriending]);
        await directory.ServiceAsync(c, "Food bank", terms: [food]);
        await directory.ServiceAsync(d, "Not at risk", terms: [food]);
        return new Arranged(tag, a.Id, b.Id, c.Id, d.Id, e.Id, dropIns);
    }

    [Theory]
    [InlineData("few")]
    [InlineData("many")]
    [InlineData("all")]
    public async Task Cliffs_OrderByLossThenName_WithEachOrganisationsServicesAndNeeds_HoweverManyAreAskedFor(string scope)
    {
        var x = await ArrangeAsync();
        Guid[] ours = [x.A, x.B, x.C, x.D, x.E];
        // Over 500 ids are filtered in memory rather than passed as SQL parameters.
        IReadOnlyCollection<Guid>? asked = scope switch
        {
            "few" => ours,
            "many" => [.. ours, .. Enumerable.Range(0, 600).Select(_ => Guid.CreateVersion7())],
            _ => null,
        };
        await using var db = database.Database.CreateContext();
        var queries = new InsightQueries(db, TimeProvider.System);

        var twelve = (await queries.CliffsAsync(12, asked, Cancel)).Where(c => ours.Contains(c.OrganisationId)).ToList();
        var six = (await queries.CliffsAsync(6, asked, Cancel)).Where(c => ours.Contains(c.OrganisationId)).ToList();

        Assert.Equal([x.C, x.A, x.B, x.E], twelve.Select(c => c.OrganisationId));
        Assert.Equal([24_000m, 12_000m, 12_000m, 6_000m], twelve.Select(c => c.Figures.EndingWithin12Months));
        Assert.Equal(["E14", "E3", "E3", null], twelve.Select(c => c.Area));
        var a = twelve[1];
        string[] dropIns = [.. x.DropIns.Order().Select(id => id.ToString())];
        Assert.Equal(["Drop-in", "Drop-in", "Lunch club", "Walk", "alley garden"], a.ServicesAtRisk.Select(s => s.Name));
        Assert.Equal(dropIns, a.ServicesAtRisk.Take(2).Select(s => s.Id.ToString()));
        Assert.Equal([$"Befriending {x.Tag}", $"Food {x.Tag}"], a.ServicesAtRisk[2].Needs);
        Assert.Empty(a.ServicesAtRisk.Single(s => s.Id == x.DropIns[0]).Needs);
        Assert.Equal([$"Befriending {x.Tag}", $"Food {x.Tag}", $"Walking {x.Tag}"], a.Needs);
        Assert.Empty(twelve[3].ServicesAtRisk);
        Assert.Empty(twelve[3].Needs);
        // Within six months only A's and E's grants end; the loss is then the six-month figure.
        Assert.Equal([x.A, x.E], six.Select(c => c.OrganisationId));
        Assert.Equal(a.ServicesAtRisk.Select(s => (s.Id, s.Name, string.Join(',', s.Needs))), six[0].ServicesAtRisk.Select(s => (s.Id, s.Name, string.Join(',', s.Needs))));
    }

    [Fact]
    public async Task CliffReport_ByNeed_ListsEachServiceOnceEvenWhenLinkedToTheNeedTwice_AndLeavesOutOrganisationsWithNoCliff()
    {
        var x = await ArrangeAsync();
        await using var db = database.Database.CreateContext();

        var report = await new InsightQueries(db, TimeProvider.System).CliffReportAsync(12, [x.A, x.B, x.C, x.D, x.E], Cancel);

        var food = Assert.Single(report.ByNeed, n => n.Need == $"Food {x.Tag}");
        Assert.Equal([x.C, x.A], food.Organisations);
        Assert.Equal(["Food bank", "Lunch club"], food.ServicesAtRisk.Select(s => s.Name));
        Assert.Equal(36_000m, food.EndingWithin12Months);
        Assert.DoesNotContain(report.ByArea.SelectMany(r => r.ServicesAtRisk), s => s.Name == "Not at risk");
        var e3 = Assert.Single(report.ByArea, r => r.Area.Equals("E3", StringComparison.OrdinalIgnoreCase));
        Assert.Equal([x.A, x.B], e3.Organisations);
        Assert.Equal(6, e3.ServicesAtRisk.Count);
    }
}
