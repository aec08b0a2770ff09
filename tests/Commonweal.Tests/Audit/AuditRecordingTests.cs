using Commonweal.Accounts;
using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Audit;

/// <summary>Every change is written to the hash chain in the same transaction as the change itself.</summary>
public sealed class AuditRecordingTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Save_NewAndChangedRows_AppendLinkedEventsWithBeforeAndAfter()
    {
        var actor = new Actor(Guid.CreateVersion7(), "user:tester@example.org");
        var organisation = new Organisation { Name = "Chain Test Trust", LegalForm = LegalForm.RegisteredCharity, Volunteers = 3 };
        await using (var db = database.CreateContext(actor))
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(Cancel);
            organisation.Volunteers = 4;
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = database.CreateContext();
        var events = await check.AuditEvents.OrderBy(e => e.Sequence).ToListAsync(Cancel);
        Assert.Equal(["Organisation.Created", "Organisation.Updated"], events.Select(e => e.Action));
        Assert.Equal(AuditChain.Genesis, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.All(events, e => Assert.Equal(AuditChain.ComputeHash(e), e.Hash));
        Assert.Contains("\"Volunteers\":{\"from\":3,\"to\":4}", events[1].Summary);
        Assert.Equal(actor.UserId, events[1].ActorUserId);
        Assert.Equal("Third", (await check.Organisations.SingleAsync(Cancel)).Sector.ToString());
    }

    [Fact]
    public async Task Save_UserWithPassword_NeverCopiesTheHashIntoTheLog()
    {
        await using (var db = database.CreateContext())
        {
            db.Users.Add(new User { DisplayName = "Hash Holder", UserName = "hash@example.org", Email = "hash@example.org", PasswordHash = "SECRET-HASH-VALUE" });
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = database.CreateContext();
        var created = await check.AuditEvents.SingleAsync(e => e.Action == "User.Created", Cancel);
        Assert.DoesNotContain("SECRET-HASH-VALUE", created.Summary);
        Assert.Contains("\"PasswordHash\":\"(redacted)\"", created.Summary);
    }

    [Fact]
    public async Task Change_ToAnAuditEvent_IsRefused()
    {
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation { Name = "Append Only Group", LegalForm = LegalForm.UnincorporatedCommunityGroup });
            await db.SaveChangesAsync(Cancel);
        }

        await using var tamper = database.CreateContext();
        var entry = await tamper.AuditEvents.FirstAsync(Cancel);
        entry.Summary = "{}";

        await Assert.ThrowsAsync<InvalidOperationException>(() => tamper.SaveChangesAsync(Cancel));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET \"Actor\" = 'someone else'")]
    [InlineData("DELETE FROM audit_events")]
    public async Task RawSql_ThatChangesTheLog_IsRefusedByTheDatabase(string sql)
    {
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation { Name = "Trigger Test Group", LegalForm = LegalForm.UnincorporatedCommunityGroup });
            await db.SaveChangesAsync(Cancel);
        }

        await using var tamper = database.CreateContext();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => tamper.Database.ExecuteSqlRawAsync(sql, Cancel));
        Assert.Equal(1, await tamper.AuditEvents.CountAsync(Cancel));
    }

    [Fact]
    public async Task FailedSave_WritesNeitherTheChangeNorItsEvent()
    {
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation { Name = "First Holder", LegalForm = LegalForm.RegisteredCharity, Identifier = "GB-CHC-1111111" });
            await db.SaveChangesAsync(Cancel);
        }

        var before = await CountEventsAsync();
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation { Name = "Duplicate Holder", LegalForm = LegalForm.RegisteredCharity, Identifier = "GB-CHC-1111111" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
        }

        Assert.Equal(before, await CountEventsAsync());
    }

    private async Task<int> CountEventsAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEvents.CountAsync(Cancel);
    }
}
