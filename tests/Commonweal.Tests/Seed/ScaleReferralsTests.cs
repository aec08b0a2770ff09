using Commonweal.Audit;
using Commonweal.Referrals;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Seed;

public sealed class ScaleReferralsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TinyScale_MakesPeopleWithConsentAndCareTeams_AndReferralsInEveryState_ThatTheRulesLetTheirTeamRead()
    {
        // Without a progress reporter, as a library caller would: the batches must still end.
        await ScaleData.SeedAsync(() => database.Database.CreateContext(), 0.01, cancellationToken: Cancel);
        await ScaleDirectory.SeedAsync(() => database.Database.CreateContext(), 0.002, cancellationToken: Cancel);
        int peopleBefore, referralsBefore;
        await using (var counting = database.Database.CreateContext())
        {
            (peopleBefore, referralsBefore) = (await counting.People.CountAsync(Cancel), await counting.Referrals.CountAsync(Cancel));
        }

        var made = await ScaleReferrals.SeedAsync(() => database.Database.CreateContext(), 0.005, cancellationToken: Cancel);

        await using var db = database.Database.CreateContext();
        Assert.Equal(500, made);
        Assert.Equal(peopleBefore + 500, await db.People.CountAsync(Cancel));
        Assert.Equal(referralsBefore + 1_000, await db.Referrals.CountAsync(Cancel));
        Assert.Equal(7, await db.Referrals.Select(r => r.Status).Distinct().CountAsync(Cancel));
        Assert.All(await db.People.Select(p => p.NhsNumber).ToListAsync(Cancel), n => Assert.True(NhsNumber.IsValid(n)));
        // Each referral's last transition is its status: the history and the state agree.
        var mismatched = await db.Referrals.CountAsync(r => db.ReferralTransitions.Where(t => t.ReferralId == r.Id).OrderByDescending(t => t.At).ThenByDescending(t => t.To == r.Status).Select(t => t.To).First() != r.Status, Cancel);
        Assert.Equal(0, mismatched);
        var held = await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress, Cancel);
        Assert.Equal(held, await db.Services.SumAsync(s => s.ActiveReferrals, Cancel));

        // The registering practitioner reads the record through the one rule.
        var person = await db.People.FirstAsync(Cancel);
        var facts = await new PersonRecords(db).FactsAsync(person.Id, Cancel);
        var registrar = facts.Team.First(m => m.Source == CareTeamSource.Registration);
        var viewer = new Commonweal.Accounts.Viewer(registrar.UserId, "scale", false, [(registrar.OrganisationId, Commonweal.Accounts.MembershipRole.Practitioner)]);
        Assert.True(PersonAccess.ReadRecord(facts, viewer, db.Now).Allowed);
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: Cancel)).Intact);
    }
}
