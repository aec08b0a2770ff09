using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Seed;

public sealed class ScaleDataTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Seed_TinyScale_CreatesExpectedCountsWithValidUniqueIdentifiers()
    {
        var counts = await ScaleData.SeedAsync(() => database.Database.CreateContext(), 0.002, cancellationToken: TestContext.Current.CancellationToken);

        await using var db = database.Database.CreateContext();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var identifiers = organisations.Where(o => o.Identifier is not null).Select(o => o.Identifier!).ToList();
        Assert.Equal((100, 20), (counts.Organisations, counts.Users));
        Assert.Equal(100, organisations.Count);
        Assert.Equal(20, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(counts.Memberships, await db.Memberships.CountAsync(TestContext.Current.CancellationToken));
        Assert.InRange(counts.Memberships, 20, 40);
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.All(identifiers, id => Assert.Equal(id, OrgIdentifier.Parse(id).Identifier));
        Assert.All(organisations, o => Assert.Equal(o.Postcode, Postcodes.Normalise(o.Postcode)));
        Assert.True(organisations.Select(o => o.LegalForm).Distinct().Count() >= 5, "expected a mix of legal forms");
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task SeedCommand_ScaleNotPositive_IsRefused()
    {
        var run = await CliHarness.RunAsync(database.Database, "seed", "--scale", "0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--scale must be a positive number", run.Output);
    }
}
