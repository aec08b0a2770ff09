using System.Net;
using Commonweal.Referrals;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals;

/// <summary>The demo area's people: what a newcomer should find on first run.</summary>
public sealed class DemoReferralsTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryReferralState_IsSeeded_WithValidNhsNumbers()
    {
        await using var db = factory.CreateDbContext();
        var states = await db.Referrals.Select(r => r.Status).Distinct().ToListAsync(Cancel);

        Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), states.Order());
        Assert.All(await db.People.Select(p => p.NhsNumber).ToListAsync(Cancel), n => Assert.True(NhsNumber.IsValid(n) && n!.StartsWith("999", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AminasCareTeam_SpansAGpPractice_TheCouncil_AndTwoCommunityOrganisations()
    {
        await using var db = factory.CreateDbContext();
        var amina = StableIds.For("person:Amina Begum");

        var organisations = await db.CareTeamMembers.Where(m => m.PersonId == amina).Select(m => m.Organisation!.Name).Distinct().ToListAsync(Cancel);

        Assert.Contains("Bow Road Surgery", organisations);
        Assert.Contains("London Borough of Tower Hamlets", organisations);
        Assert.Contains("Bow Community Kitchen", organisations);
        Assert.Contains("Stepney Money Advice", organisations);
    }

    [Fact]
    public async Task DemoGp_SeesAmina_AndTheDemoCommissionerDoesNot()
    {
        var amina = StableIds.For("person:Amina Begum");
        var gp = await factory.SignedInClientAsync(DemoAccounts.GeneralPractitioner);
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        Assert.Contains("Amina Begum", await gp.GetStringAsync($"/people/{amina}", Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/people/{amina}", Cancel)).StatusCode);
    }
}
