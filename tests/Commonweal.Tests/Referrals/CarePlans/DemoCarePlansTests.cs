using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.Referrals.Concerns;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed class DemoCarePlansTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_SpansTheTeamsOrganisations_WithAConcernAcknowledgedByOneNotAnother_Once()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        await using (var db = factory.CreateDbContext())
        {
            var email = $"community-{Guid.NewGuid():N}@commonweal.example";
            var org = await db.Organisations.Where(o => o.Name == "Bow Community Kitchen").Select(o => o.Id).SingleAsync(Cancel);
            await ProcurementTestData.CommissionerAsync(db, email, org, MembershipRole.Practitioner);
            Assert.True((await new CareTeams(db, new PersonRecords(db)).AddAsync(s.PersonId, email, org, "Volunteer coordinator", s.Gp.Viewer, Cancel)).Succeeded);

            Assert.True(await DemoCarePlans.AddAsync(db, s.PersonId, Cancel));
            Assert.False(await DemoCarePlans.AddAsync(db, s.PersonId, Cancel));
        }

        await using var check = factory.CreateDbContext();
        var owners = await check.CarePlanActions.Where(a => a.PersonId == s.PersonId).Select(a => a.OwnerOrganisation!.Name).ToListAsync(Cancel);
        Assert.Equal(4, owners.Distinct().Count());
        Assert.Contains(CareTeamScenario.GpPracticeName, owners);
        Assert.Contains(CareTeamScenario.CouncilName, owners);
        Assert.True(await check.CarePlanGoals.CountAsync(g => g.PersonId == s.PersonId, Cancel) >= 2);
        Assert.True(await check.CarePlanReviews.AnyAsync(r => r.PersonId == s.PersonId, Cancel));

        // The demo safeguarding lead sees it in their list, acknowledged for the council and waiting for the others.
        await using var db2 = factory.CreateDbContext();
        var demoLead = await db2.Users.SingleAsync(u => u.Email == DemoAccounts.SafeguardingLead, Cancel);
        var viewer = new Viewer(demoLead.Id, demoLead.DisplayName, false, [(s.Council, MembershipRole.SafeguardingLead)]);
        var concern = Assert.Single(await new ConcernWork(db2, new PersonRecords(db2)).MineAsync(viewer, Cancel), v => v.Concern.PersonId == s.PersonId);
        Assert.Equal(ConcernSeverity.High, concern.Concern.Severity);
        Assert.Equal(ConcernKind.Safeguarding, concern.Concern.Kind);
        Assert.Equal(demoLead.DisplayName, concern.Organisations.Single(o => o.OrganisationId == s.Council).Acknowledgement!.By);
        Assert.Contains(concern.Organisations, o => o.Acknowledgement is null);
    }
}
