using Commonweal.Directory;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

public sealed class PostcodeImportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Commonweal.Importing.ImportReport> ImportAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"postcodes-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv, Cancel);
        try
        {
            await using var db = database.Database.CreateContext();
            return await new PostcodeImport(db).ImportAsync(path, cancellationToken: Cancel);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_FullPostcodes_RejectsBadRowsAndIsIdempotent()
    {
        const string Csv = "pcds,lat,long\ne3 2an,51.5288,-0.0228\nNOT A CODE,51.5,-0.1\nE1 6AN,abc,-0.07\nE14 9GE,51.5,-0.02\nE3 2AN,51.6,-0.03\n";

        var first = await ImportAsync(Csv);
        var second = await ImportAsync(Csv);

        Assert.Equal("read 5, written 2, rejected 3", first.SummaryLine);
        Assert.Equal([3, 4, 6], first.Rejected.Select(r => r.Row));
        Assert.Contains("latitude", first.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("read 5, written 0, rejected 3", second.SummaryLine);
        await using var db = database.Database.CreateContext();
        var bow = await db.PostcodeCentroids.SingleAsync(p => p.Code == "E3 2AN", Cancel);
        Assert.Equal(51.5288, bow.Latitude);
    }

    [Fact]
    public async Task Import_OutcodeFixture_LoadsEveryDistrict()
    {
        var path = Fixtures.PathOf("postcodes/outcode-centroids.csv");
        await using var db = database.Database.CreateContext();

        var report = await new PostcodeImport(db).ImportAsync(path, cancellationToken: Cancel);

        Assert.True(report.Read >= 2972, $"read {report.Read}");
        Assert.Equal(report.Read, report.Written + report.Rejected.Count);
        Assert.True(report.Rejected.Count < 10, string.Join("; ", report.Rejected));
        var e3 = await db.PostcodeCentroids.AsNoTracking().SingleAsync(p => p.Code == "E3", Cancel);
        Assert.Equal(51.528805, e3.Latitude);
    }
}
