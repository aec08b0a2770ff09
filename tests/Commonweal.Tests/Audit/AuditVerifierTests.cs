using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Audit;

/// <summary>Each test tampers with the log, so each has a database of its own.</summary>
public sealed class AuditVerifierTests : IAsyncLifetime
{
    private const int Entries = 5;
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        for (var i = 1; i <= Entries; i++)
        {
            await using var db = database.CreateContext();
            db.Organisations.Add(new Organisation { Name = $"Chain Link Group {i}", LegalForm = LegalForm.UnincorporatedCommunityGroup });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Verify_IntactChain_PassesWithoutWriting()
    {
        var result = await VerifyAsync(batchSize: 2);

        Assert.True(result.Intact);
        Assert.Equal(Entries, result.Checked);
        Assert.Equal(Entries, (await DatabaseCounts.TakeAsync(database)).AuditEvents);
    }

    [Fact]
    public async Task Verify_SummaryAlteredDirectly_IsReportedAtThatEntry()
    {
        await ExecuteAsync("UPDATE audit_events SET \"Summary\" = {0} WHERE \"Sequence\" = 3", "{\"Name\":\"Someone Else\"}");

        var result = await VerifyAsync();

        Assert.Equal((3L, "hash does not match its contents"), (result.Break!.Sequence, result.Break.Reason));
        Assert.Equal(await IdOfAsync(3), result.Break.Id);
        Assert.Equal(2, result.Checked);
    }

    [Fact]
    public async Task Verify_EntryRehashedAfterAlteration_IsReportedAtTheNextEntry()
    {
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 3, TestContext.Current.CancellationToken);
            entry.Summary = "{}";
            await ExecuteAsync("UPDATE audit_events SET \"Summary\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = 3", entry.Summary, AuditChain.ComputeHash(entry));
        }

        var result = await VerifyAsync();

        Assert.Equal((4L, "previous hash does not match entry 3"), (result.Break!.Sequence, result.Break.Reason));
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_IsReportedAsMissing()
    {
        await ExecuteAsync("DELETE FROM audit_events WHERE \"Sequence\" = 3");

        var result = await VerifyAsync(batchSize: 2);

        Assert.Equal((4L, "entry 3 is missing"), (result.Break!.Sequence, result.Break.Reason));
        Assert.Equal(await IdOfAsync(4), result.Break.Id);
    }

    [Fact]
    public async Task AuditVerifyCommand_ReportsIntactAndBrokenChains()
    {
        var intact = await CliHarness.RunAsync(database, "audit", "verify");
        await ExecuteAsync("UPDATE audit_events SET \"Actor\" = 'someone else' WHERE \"Sequence\" = 2");
        var broken = await CliHarness.RunAsync(database, "audit", "verify");

        Assert.Equal((0, $"Audit chain intact: {Entries} entries"), (intact.ExitCode, intact.Lines[^1]));
        Assert.Equal((1, $"Audit chain broken at entry 2 ({await IdOfAsync(2)}): hash does not match its contents"), (broken.ExitCode, broken.Lines[^1]));
    }

    private async Task<AuditVerification> VerifyAsync(int batchSize = 1_000)
    {
        await using var db = database.CreateContext();
        return await AuditVerifier.VerifyAsync(db, batchSize, TestContext.Current.CancellationToken);
    }

    /// <summary>Tampers as someone with full database access would: past the context and the append-only triggers.</summary>
    private Task ExecuteAsync(string sql, params object[] parameters) => database.TamperWithAuditLogAsync(sql, parameters);

    private async Task<Guid> IdOfAsync(long sequence)
    {
        await using var db = database.CreateContext();
        return await db.AuditEvents.Where(e => e.Sequence == sequence).Select(e => e.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
