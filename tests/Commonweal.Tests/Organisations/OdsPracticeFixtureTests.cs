using Commonweal.Importing;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Organisations;

/// <summary>The real ODS list of GP practices (January 2020), imported once per class.</summary>
public sealed class OdsPracticeFixtureTests(OdsPracticeFixtureTests.FirstImport first) : IClassFixture<OdsPracticeFixtureTests.FirstImport>
{
    private const int FixtureRows = 14_357;

    [Fact]
    public async Task Import_RealFixture_ReadsEveryRowAndAccountsForEach()
    {
        var report = await first.RunAsync(Fixtures.PathOf("nhs/epraccur.csv"));

        Assert.Equal(FixtureRows, report.Read);
        Assert.Equal(report.Read, report.Written + report.Rejected.Count);
        Assert.Equal($"read {FixtureRows}, written {report.Written}, rejected {report.Rejected.Count}", report.SummaryLine);
    }

    [Fact]
    public async Task Import_KnownPractice_HasItsOdsDetails()
    {
        await first.RunAsync(Fixtures.PathOf("nhs/epraccur.csv"));
        await using var db = first.Database.CreateContext();

        var practice = await db.Organisations.SingleAsync(o => o.Identifier == "GB-NHS-A81001", TestContext.Current.CancellationToken);

        Assert.Equal("The Densham Surgery", practice.Name);
        Assert.Equal("TS18 1HU", practice.Postcode);
        Assert.Equal(OrganisationStatus.Active, practice.Status);
        Assert.Equal(LegalForm.GpPractice, practice.LegalForm);
        Assert.Equal(Sector.Public, practice.Sector);
        Assert.Equal("00K", practice.CommissionerCode);
        Assert.Equal("01642 672351", practice.Phone);
        Assert.Equal(("The Health Centre", "Lawson Street", "Stockton-on-Tees"), (practice.AddressLine1, practice.AddressLine2, practice.Town));
        Assert.True(practice.Activities.HasFlag(Activities.DirectServiceProvider));
    }

    [Fact]
    public async Task Import_ClosedPractice_IsClosed()
    {
        await first.RunAsync(Fixtures.PathOf("nhs/epraccur.csv"));
        await using var db = first.Database.CreateContext();

        var practice = await db.Organisations.SingleAsync(o => o.Identifier == "GB-NHS-A81003", TestContext.Current.CancellationToken);

        Assert.Equal("Victoria Medical Practice", practice.Name);
        Assert.Equal(OrganisationStatus.Closed, practice.Status);
    }

    [Fact]
    public async Task Import_SameFileAgain_WritesNothingAndMakesNoDuplicates()
    {
        var path = Fixtures.PathOf("nhs/epraccur.csv");
        var firstReport = await first.RunAsync(path);
        var before = await DatabaseCounts.TakeAsync(first.Database);

        await using var db = first.Database.CreateContext();
        var again = await new OdsPracticeImport(db).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal($"read {FixtureRows}, written 0, rejected {firstReport.Rejected.Count}", again.SummaryLine);
        Assert.Equal(before, await DatabaseCounts.TakeAsync(first.Database));
        Assert.Equal(firstReport.Written, before.Organisations);
    }

    public sealed class FirstImport : IAsyncLifetime
    {
        private Task<ImportReport>? import;

        public TestDatabase Database { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync();
            await Database.MigrateAsync();
        }

        /// <summary>The report of the first import of the file into this class's database.</summary>
        public Task<ImportReport> RunAsync(string path) => import ??= ImportAsync(path);

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();

        private async Task<ImportReport> ImportAsync(string path)
        {
            await using var db = Database.CreateContext();
            return await new OdsPracticeImport(db).ImportAsync(path);
        }
    }
}
