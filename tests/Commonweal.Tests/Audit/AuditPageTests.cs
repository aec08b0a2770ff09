using Commonweal.Seed;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Audit;

public sealed class AuditPageTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    [Fact]
    public async Task AuditLog_ForSomeoneWhoIsNotAPlatformAdmin_IsRefused()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var response = await commissioner.GetAsync("/admin/audit", TestContext.Current.CancellationToken);

        Assert.Equal("/access-denied", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AuditLog_ShowsTheSeedAndFindsATamperedEntry()
    {
        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);
        var page = await admin.GetDocumentAsync("/admin/audit?entity=Organisation");
        Assert.Contains("Organisation.Created", page.QuerySelector("table")!.TextContent);

        var intact = await Forms.ParseAsync(await admin.SubmitAsync("/admin/audit", new Dictionary<string, string>(), "form[action*='handler=Verify']"));
        Assert.Contains("Audit chain intact", intact.QuerySelector("[role=status]")!.TextContent);

        await factory.Database.TamperWithAuditLogAsync("UPDATE audit_events SET \"Summary\" = {0} WHERE \"Sequence\" = 3", "{}");

        var broken = await Forms.ParseAsync(await admin.SubmitAsync("/admin/audit", new Dictionary<string, string>(), "form[action*='handler=Verify']"));
        Assert.Contains("Audit chain broken at entry 3", broken.QuerySelector("[role=status]")!.TextContent);
    }
}
