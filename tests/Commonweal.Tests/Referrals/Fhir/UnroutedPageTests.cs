using System.Net;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.Fhir;

public sealed class UnroutedPageTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queue_ListsTheReferralWithoutPersonalDetails_AndTheAdminRoutesItToAnOpenService()
    {
        var (scenario, id) = await ReferralRoutingTests.UnroutedAsync(factory.Database);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Null((await db.Referrals.SingleAsync(r => r.Id == id, Ct)).ServiceId);
        }

        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);
        var queue = await admin.GetDocumentAsync("/admin/unrouted");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/admin/unrouted/{id}']") is not null);
        Assert.Contains("Sunny Days Lunch Club", row.TextContent);
        Assert.Contains(scenario.Isolation.Name, row.TextContent);
        Assert.Contains("Priya Link Worker", row.TextContent);
        Assert.DoesNotContain(scenario.Person.FamilyName, queue.Body!.TextContent);
        Assert.DoesNotContain(scenario.Person.NhsNumber!, queue.Body.TextContent);

        var search = await admin.GetDocumentAsync($"/admin/unrouted/{id}?q={Uri.EscapeDataString(scenario.Service.Name)}");
        Assert.NotNull(search.QuerySelector($"input[type=radio][value='{scenario.Service.Id}']"));
        Assert.DoesNotContain(scenario.Person.FamilyName, search.Body!.TextContent);

        var routed = await Forms.ParseAsync(await admin.SubmitAsync($"/admin/unrouted/{id}?q={Uri.EscapeDataString(scenario.Service.Name)}",
            new Dictionary<string, string> { ["ServiceId"] = scenario.Service.Id.ToString() }));

        Assert.Null(routed.ErrorSummary());
        Assert.Contains($"routed to {scenario.Service.Name}", routed.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(routed.QuerySelector($"a[href='/admin/unrouted/{id}']"));
        await using var check = factory.CreateDbContext();
        Assert.Equal(scenario.Service.Id, (await check.Referrals.SingleAsync(r => r.Id == id, Ct)).ServiceId);
    }

    [Fact]
    public async Task Route_ToAServiceNotAcceptingReferrals_ShowsTheReasonBesideTheField()
    {
        var (scenario, id) = await ReferralRoutingTests.UnroutedAsync(factory.Database);
        await using (var db = factory.CreateDbContext())
        {
            await db.Services.Where(s => s.Id == scenario.Service.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AcceptingReferrals, false), Ct);
        }

        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);
        var page = await Forms.ParseAsync(await admin.SubmitAsync($"/admin/unrouted/{id}?q={Uri.EscapeDataString(scenario.Service.Name)}",
            new Dictionary<string, string> { ["ServiceId"] = scenario.Service.Id.ToString() }));

        Assert.Contains("not accepting referrals", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#ServiceId-error, .nhsuk-error-message"));
        await using var check = factory.CreateDbContext();
        Assert.Null((await check.Referrals.SingleAsync(r => r.Id == id, Ct)).ServiceId);
    }

    [Fact]
    public async Task Queue_ForSomeoneWhoIsNotAPlatformAdmin_IsRefused()
    {
        var (_, id) = await ReferralRoutingTests.UnroutedAsync(factory.Database);
        var practitioner = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var queue = await practitioner.GetAsync("/admin/unrouted", Ct);
        var route = await practitioner.GetAsync($"/admin/unrouted/{id}", Ct);
        var post = await practitioner.PostWithTokenAsync($"/admin/unrouted/{id}", new Dictionary<string, string> { ["ServiceId"] = Guid.NewGuid().ToString() });

        Assert.Equal("/access-denied", queue.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", route.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", post.RequestMessage!.RequestUri!.AbsolutePath);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/unrouted", Ct)).StatusCode);
    }
}
