using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

/// <summary>
/// Dependency for every organisation at once (the command line's and the benchmark's), worked by hand.
/// In 2021-22: A has £6,000 from F1 (two records of £3,000), £2,000 from F2; B £5,000 from each of F1 and F2;
/// C £1,000 from F2 only. Records are added in an order that mixes organisations, so the figures of
/// one cannot run into the next's. A record in 2022-23 for A is in no figure for 2021-22.
/// </summary>
public sealed class DependencyForAllTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task DependencyForAll_GivesEachOrganisationItsOwnShares()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = database.Database.CreateContext();
        Organisation Org(string name) => new() { Name = $"{name} {tag}", LegalForm = LegalForm.RegisteredCharity };
        var (a, b, c, f1, f2) = (Org("A"), Org("B"), Org("C"), Org("F1"), Org("F2"));
        db.Organisations.AddRange(a, b, c, f1, f2);
        FundingRecord Grant(Organisation from, Organisation to, decimal amount, int year)
        {
            var r = new FundingRecord { Source = FundingSource.Grant, FunderOrganisationId = from.Id, FunderName = from.Name, RecipientOrganisationId = to.Id, Amount = amount, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            var start = new DateOnly(year, 6, 1);
            r.SetDates(start, start, start.AddMonths(6));
            return r;
        }

        db.FundingRecords.AddRange(
            Grant(f1, a, 3_000, 2021), Grant(f1, b, 5_000, 2021), Grant(f2, c, 1_000, 2021), Grant(f2, a, 2_000, 2021),
            Grant(f2, b, 5_000, 2021), Grant(f1, a, 3_000, 2021), Grant(f2, a, 50_000, 2022));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var all = (await new InsightQueries(db, TimeProvider.System).DependencyForAllAsync(2021, TestContext.Current.CancellationToken))
            .Where(d => d.Name.EndsWith(tag, StringComparison.Ordinal)).ToList();

        Assert.Equal([a.Name, b.Name, c.Name], all.Select(d => d.Name));
        var (ofA, ofB, ofC) = (all[0].Figures, all[1].Figures, all[2].Figures);
        Assert.Equal((8_000m, 0.75, 0.625, true, true), (ofA.TotalIncome, ofA.LargestShare, ofA.Hhi, ofA.DependsOnOneFunder, ofA.Concentrated));
        Assert.Equal([(f1.Name, 6_000m), (f2.Name, 2_000m)], ofA.Funders.Select(f => (f.Funder, f.Amount)));
        // Exactly a half and an index of exactly 0.5: flagged as concentrated but not as depending on one funder.
        Assert.Equal((10_000m, 0.5, 0.5, false, true), (ofB.TotalIncome, ofB.LargestShare, ofB.Hhi, ofB.DependsOnOneFunder, ofB.Concentrated));
        Assert.Equal((1_000m, 1.0, 1.0, f2.Name), (ofC.TotalIncome, ofC.LargestShare, ofC.Hhi, ofC.LargestFunder));
    }
}
