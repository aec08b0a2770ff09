using Commonweal.Accounts;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Organisations;

public sealed class InvitationTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private async Task<Guid> KitchenAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == "Bow Community Kitchen").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> InviteAsync(HttpClient admin, Guid organisationId, string email, MembershipRole role)
    {
        var page = await Forms.ParseAsync(await admin.SubmitAsync($"/organisations/{organisationId}/members",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role.ToString() }));
        Assert.Null(page.ErrorSummary());
        return new Uri(page.QuerySelector(".cw-invitation-link")!.TextContent.Trim()).PathAndQuery;
    }

    [Fact]
    public async Task Invite_ThenAcceptAsANewUser_MakesThemAMember()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var link = await InviteAsync(admin, kitchen, "colleague@bowkitchen.example", MembershipRole.Practitioner);

        var newcomer = factory.CreateBrowserClient();
        var joined = await Forms.ParseAsync(await newcomer.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Kofi Boateng",
            ["Input.Password"] = "Kitchen-Rota-2026",
            ["Input.ConfirmPassword"] = "Kitchen-Rota-2026",
        }));

        Assert.Contains("You have joined Bow Community Kitchen", joined.QuerySelector("[role=status]")!.TextContent);
        await using var db = factory.CreateDbContext();
        var membership = await db.Memberships.Include(m => m.User).SingleAsync(m => m.User!.Email == "colleague@bowkitchen.example", TestContext.Current.CancellationToken);
        Assert.Equal(kitchen, membership.OrganisationId);
        Assert.Equal(MembershipRole.Practitioner, membership.Role);
        var home = await newcomer.GetDocumentAsync("/");
        Assert.Contains("Practitioner", home.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task InvitationLink_WorksOnlyOnce()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var link = await InviteAsync(admin, kitchen, "once@bowkitchen.example", MembershipRole.Evaluator);
        var account = new Dictionary<string, string> { ["Input.DisplayName"] = "Once Only", ["Input.Password"] = "Only-Once-2026", ["Input.ConfirmPassword"] = "Only-Once-2026" };
        await factory.CreateBrowserClient().SubmitAsync(link, account);

        var again = await factory.CreateBrowserClient().GetDocumentAsync(link);

        Assert.Equal("This invitation link is not valid", again.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task InvitationLink_WithAMadeUpToken_IsNotValid()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/invitations/made-up-token");

        Assert.Equal("This invitation link is not valid", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Invite_WithoutAnEmailOrRole_NamesTheFields()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var page = await Forms.ParseAsync(await admin.SubmitAsync($"/organisations/{kitchen}/members", new Dictionary<string, string> { ["Input.Email"] = "nobody" }));

        Assert.Contains("Enter an email address in the correct format", page.ErrorSummary());
        Assert.Contains("Select a role", page.ErrorSummary());
    }

    [Fact]
    public async Task Invite_CommissionerIntoAGpPractice_IsRefused()
    {
        await using var db = factory.CreateDbContext();
        var practice = await db.Organisations.Where(o => o.Name == "Bow Road Surgery").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
        var platformAdmin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);

        var page = await Forms.ParseAsync(await platformAdmin.PostWithTokenAsync($"/organisations/{practice}/members",
            new Dictionary<string, string> { ["Input.Email"] = "gp@example.org", ["Input.Role"] = nameof(MembershipRole.Commissioner) }));

        Assert.Contains("cannot have commissioners", page.ErrorSummary());
    }

    [Fact]
    public async Task MembersPage_ForSomeoneWhoIsNotItsAdmin_IsRefused()
    {
        var kitchen = await KitchenAsync();
        var practitioner = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var response = await practitioner.PostWithTokenAsync($"/organisations/{kitchen}/members",
            new Dictionary<string, string> { ["Input.Email"] = "intruder@example.org", ["Input.Role"] = nameof(MembershipRole.Admin) });

        Assert.Equal("/access-denied", response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == "intruder@example.org", TestContext.Current.CancellationToken));
    }
}
