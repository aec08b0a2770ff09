using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

public sealed class AwardRecordingTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly Actor Commissioner = new(Guid.NewGuid(), "Test Commissioner");
    private static readonly DateOnly Publication = new(2027, 1, 4);

    private sealed record Arranged(Guid OpportunityId, Guid LotId, Guid Charity, Guid Partner, MovableTime Time);

    /// <summary>A fair two-lot opportunity published on 4 January 2027, and two suppliers.</summary>
    private async Task<Arranged> PublishedAsync()
    {
        var time = new MovableTime(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await using var db = fixture.Database.CreateContext(Commissioner, time);
        var icb = new Organisation { Name = $"ICB {Guid.NewGuid():N}", LegalForm = LegalForm.IntegratedCareBoard };
        var charity = new Organisation { Name = $"Charity {Guid.NewGuid():N}", LegalForm = LegalForm.RegisteredCharity, IncomeBand = IncomeBand.Small };
        var partner = new Organisation { Name = $"CIC {Guid.NewGuid():N}", LegalForm = LegalForm.CommunityInterestCompany };
        db.Organisations.AddRange(icb, charity, partner);
        await db.SaveChangesAsync(Cancel);
        var o = await OpportunityEditing.CreateAsync(db, ProcurementTestData.FairDraft(icb.Id, Publication), Commissioner.UserId, Cancel);
        Assert.True(OpportunityLifecycle.Publish(o, Commissioner, db.Now).Succeeded);
        await db.SaveChangesAsync(Cancel);
        return new Arranged(o.Id, o.Lots.OrderBy(l => l.Number).First().Id, charity.Id, partner.Id, time);
    }

    private async Task MoveAsync(Arranged a, OpportunityStatus to, DateTime at)
    {
        a.Time.Now = at;
        await using var db = fixture.Database.CreateContext(Commissioner, a.Time);
        var o = await db.Opportunities.Include(x => x.Transitions).SingleAsync(x => x.Id == a.OpportunityId, Cancel);
        Assert.True(OpportunityLifecycle.Transition(o, to, Commissioner, at).Succeeded);
        await db.SaveChangesAsync(Cancel);
    }

    private AwardRecording Recording(Arranged a, out Commonweal.Data.CommonwealDbContext db)
    {
        db = fixture.Database.CreateContext(Commissioner, a.Time);
        return new AwardRecording(db);
    }

    private async Task<Opportunity> LoadAsync(Guid id)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Opportunities.Include(o => o.Transitions).SingleAsync(o => o.Id == id, Cancel);
    }

    private async Task<List<Award>> AwardsAsync(Guid opportunityId)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Awards.Include(x => x.Suppliers).Include(x => x.Contracts).Where(x => x.OpportunityId == opportunityId).ToListAsync(Cancel);
    }

    [Fact]
    public async Task Intention_WhileOpenForBids_IsRefusedWithAResult_AndNothingIsSaved()
    {
        var a = await PublishedAsync();
        var recording = Recording(a, out var db);
        await using (db)
        {
            var (result, award) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Charity, 600_000, a.LotId), Cancel);

            Assert.Equal(AwardErrors.WrongState, result.ErrorCode);
            Assert.Contains("open for bids", result.Message);
            Assert.Null(award);
        }

        Assert.Empty(await AwardsAsync(a.OpportunityId));
        Assert.Equal(OpportunityStatus.Published, (await LoadAsync(a.OpportunityId)).Status);
    }

    [Fact]
    public async Task Intention_Standstill_Contract_FollowTheLifecycle()
    {
        var a = await PublishedAsync();
        var deadline = (await LoadAsync(a.OpportunityId)).SubmissionDeadline;
        await MoveAsync(a, OpportunityStatus.Closed, deadline);
        await MoveAsync(a, OpportunityStatus.Evaluation, deadline.AddDays(1));
        a.Time.Now = deadline.AddDays(20);

        // Intention to award: to a consortium, for lot 1.
        Guid awardId;
        var recording = Recording(a, out var db);
        await using (db)
        {
            var (noLot, _) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Charity, 600_000), Cancel);
            Assert.Equal(AwardErrors.LotRequired, noLot.ErrorCode);
            var (leadTwice, _) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Charity, 600_000, a.LotId, [a.Charity]), Cancel);
            Assert.Equal(AwardErrors.InvalidSuppliers, leadTwice.ErrorCode);
            var (result, award) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Charity, 600_000, a.LotId, [a.Partner]), Cancel);
            Assert.True(result.Succeeded, result.Message);
            awardId = award!.Id;
            var (again, _) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Partner, 500_000, a.LotId), Cancel);
            Assert.Equal(AwardErrors.AlreadyAwarded, again.ErrorCode);
        }

        Assert.Equal(OpportunityStatus.IntentionToAward, (await LoadAsync(a.OpportunityId)).Status);
        var pending = Assert.Single(await AwardsAsync(a.OpportunityId));
        Assert.Equal(AwardStatus.Pending, pending.Status);
        Assert.Equal(a.Time.Now.UtcDateTime, pending.IntentionToAwardAt);
        Assert.Equal(a.Charity, Assert.Single(pending.Suppliers, s => s.IsLead).OrganisationId);
        Assert.Contains(pending.Suppliers, s => !s.IsLead && s.OrganisationId == a.Partner);

        var contract = new ContractInput(600_000, new DateOnly(2027, 5, 4), new DateOnly(2031, 5, 3), 30m, a.Time.Now.UtcDateTime);
        recording = Recording(a, out db);
        await using (db)
        {
            // No contract before the standstill.
            var (early, _) = await recording.RecordContractAsync(awardId, contract, Cancel);
            Assert.Equal(AwardErrors.WrongState, early.ErrorCode);
            Assert.True((await recording.StartStandstillAsync(a.OpportunityId, Cancel)).Succeeded);
        }

        var standstillEnds = (await LoadAsync(a.OpportunityId)).StandstillEndsAt!.Value;
        Assert.Equal(standstillEnds, Assert.Single(await AwardsAsync(a.OpportunityId)).StandstillEndsAt);

        a.Time.Now = standstillEnds.AddMinutes(-1);
        recording = Recording(a, out db);
        await using (db)
        {
            var (during, _) = await recording.RecordContractAsync(awardId, contract with { SignedAt = a.Time.Now.UtcDateTime }, Cancel);
            Assert.Equal(ProcurementErrors.StandstillNotOver, during.ErrorCode);
        }

        Assert.Equal(OpportunityStatus.Standstill, (await LoadAsync(a.OpportunityId)).Status);

        a.Time.Now = standstillEnds.AddHours(1);
        recording = Recording(a, out db);
        await using (db)
        {
            var (tooMuch, _) = await recording.RecordContractAsync(awardId, contract with { OutcomeLinkedPaymentPercent = 101m, SignedAt = a.Time.Now.UtcDateTime }, Cancel);
            Assert.Equal(AwardErrors.InvalidContract, tooMuch.ErrorCode);
            Assert.Contains("0% to 100%", tooMuch.Message);
            var (result, saved) = await recording.RecordContractAsync(awardId, contract with { SignedAt = a.Time.Now.UtcDateTime }, Cancel);
            Assert.True(result.Succeeded, result.Message);
            Assert.NotNull(saved);
        }

        var awarded = await LoadAsync(a.OpportunityId);
        Assert.Equal(OpportunityStatus.Awarded, awarded.Status);
        Assert.Contains(awarded.Transitions, t => t.From == OpportunityStatus.Standstill && t.To == OpportunityStatus.Awarded);
        var active = Assert.Single(await AwardsAsync(a.OpportunityId));
        Assert.Equal(AwardStatus.Active, active.Status);
        Assert.Equal(a.Time.Now.UtcDateTime, active.ConfirmedAt);
        var recorded = Assert.Single(active.Contracts);
        Assert.Equal(ContractStatus.Active, recorded.Status);
        Assert.Equal(30m, recorded.OutcomeLinkedPaymentPercent);
        Assert.Equal(600_000m, recorded.Value);

        recording = Recording(a, out db);
        await using (db)
        {
            var (second, _) = await recording.RecordContractAsync(awardId, contract with { SignedAt = a.Time.Now.UtcDateTime }, Cancel);
            Assert.Equal(AwardErrors.ContractExists, second.ErrorCode);
            Assert.Equal(AwardErrors.ContractExists, (await recording.CancelAsync(awardId, "Changed our minds", Cancel)).ErrorCode);
        }
    }

    [Fact]
    public async Task CancelledAward_FreesTheLot_AndTakesNoContract()
    {
        var a = await PublishedAsync();
        var deadline = (await LoadAsync(a.OpportunityId)).SubmissionDeadline;
        await MoveAsync(a, OpportunityStatus.Closed, deadline);
        await MoveAsync(a, OpportunityStatus.Evaluation, deadline.AddDays(1));
        var recording = Recording(a, out var db);
        await using (db)
        {
            var (_, first) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Charity, 600_000, a.LotId), Cancel);
            Assert.Equal(ProcurementErrors.ReasonRequired, (await recording.CancelAsync(first!.Id, " ", Cancel)).ErrorCode);
            Assert.True((await recording.CancelAsync(first.Id, "The supplier withdrew.", Cancel)).Succeeded);
            var (refused, _) = await recording.RecordContractAsync(first.Id, new ContractInput(1, new DateOnly(2027, 5, 4), new DateOnly(2028, 5, 3)), Cancel);
            Assert.Equal(AwardErrors.Cancelled, refused.ErrorCode);
            var (second, _) = await recording.RecordIntentionAsync(a.OpportunityId, new AwardInput(a.Partner, 590_000, a.LotId), Cancel);
            Assert.True(second.Succeeded, second.Message);
        }

        var awards = await AwardsAsync(a.OpportunityId);
        Assert.Equal([AwardStatus.Pending, AwardStatus.Cancelled], awards.OrderBy(x => x.Status).Select(x => x.Status));
        Assert.Equal("The supplier withdrew.", awards.Single(x => x.Status == AwardStatus.Cancelled).CancellationReason);
    }
}
