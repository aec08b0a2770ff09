using System.Text;
using Commonweal.Insight;
using Commonweal.Insight.Giving;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Insight;

/// <summary>
/// A file bringing more grants than the funding records table holds has the table's indexes set aside
/// while it writes and built again before it commits (SQLite). This database starts with none, so
/// every import here does that.
/// </summary>
public sealed class GrantImportIndexTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    /// <summary>More than one of the import's batches, so a refusal comes after grants were written.</summary>
    private const int Grants = GrantImport.BatchSize + 1_000;

    private readonly GrantFiles files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_LeavesEveryIndexAsItWas_WhenRefusedAfterWritingAndWhenWritten_AndAuditsEachNewCharityOnce()
    {
        var indexes = await IndexesAsync();

        var refused = await GrantFiles.ImportAsync(database.Database, await files.WriteAsync("json", File(Grants, lastAmount: "\"lots\"")));

        var rejection = Assert.Single(refused.Rejected);
        Assert.Contains($"$.grants[{Grants - 1}].amountAwarded", rejection.ToString(), StringComparison.Ordinal);
        Assert.Equal(indexes, await IndexesAsync());
        await using (var db = database.Database.CreateContext())
        {
            Assert.Equal(0, await db.FundingRecords.CountAsync(Cancel));
        }

        var written = await GrantFiles.ImportAsync(database.Database, await files.WriteAsync("json", File(Grants, lastAmount: "75")));

        Assert.Equal($"read {Grants}, written {Grants}, rejected 0", written.SummaryLine);
        Assert.Equal(indexes, await IndexesAsync());
        await using (var db = database.Database.CreateContext())
        {
            if (db.Database.IsSqlite())
            {
                // SQLite checks every index against its table's rows: a rebuilt index missing any row fails this.
                Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").ToListAsync(Cancel));
            }

            // Each charity the file brought is created and audited once, and not updated by a later batch's save.
            Assert.Equal(51, await db.AuditEvents.CountAsync(e => e.Action == "Organisation.Created", Cancel));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "Organisation.Updated", Cancel));

            var last = await db.FundingRecords.SingleAsync(f => f.Source == FundingSource.Grant && f.SourceKey == $"360G-TEST-IDX-{Grants - 1}", Cancel);
            Assert.Equal(75m, last.Amount);

            // The unique index is a constraint again: a second record of the same grant for the same recipient is refused.
            db.FundingRecords.Add(new FundingRecord
            {
                Source = FundingSource.Grant, SourceKey = last.SourceKey, RecipientOrganisationId = last.RecipientOrganisationId,
                FunderName = last.FunderName, Amount = 1m, Currency = "GBP", RecordedAt = DateTime.UtcNow,
            });
            var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            Assert.Contains("unique", duplicate.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<List<string>> IndexesAsync()
    {
        var indexes = await StoredSchema.IndexesAsync(database.Database);
        Assert.Contains(indexes, i => i.Contains("funding_records", StringComparison.Ordinal));
        return indexes;
    }

    /// <summary>A 360Giving package of <paramref name="count"/> grants to fifty charities, the last for <paramref name="lastAmount"/>.</summary>
    private static string File(int count, string lastAmount)
    {
        var json = new StringBuilder("{\"grants\": [");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""
                {"id": "360G-TEST-IDX-{{i}}", "title": "Grant {{i}}", "description": "d", "currency": "GBP",
                 "amountAwarded": {{(i == count - 1 ? lastAmount : "100")}}, "awardDate": "2025-05-01",
                 "recipientOrganization": [{"id": "GB-CHC-{{1_190_100 + i % 50}}", "name": "Charity {{i % 50}}"}],
                 "fundingOrganization": [{"id": "GB-CHC-1000150", "name": "Index Trust"}]}
                """);
        }

        return json.Append("]}").ToString();
    }

    public void Dispose() => files.Dispose();
}
