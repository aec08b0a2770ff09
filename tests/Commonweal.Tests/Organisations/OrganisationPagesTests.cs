using System.Net;
using Commonweal.Organisations;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Organisations;

public sealed class OrganisationPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private async Task<Organisation> DemoOrganisationAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Name == name, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PublicPage_ShowsTheProfileWithoutSigningIn()
    {
        var kitchen = await DemoOrganisationAsync("Bow Community Kitchen");

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/organisations/{kitchen.Id}");

        Assert.Equal("Bow Community Kitchen", page.QuerySelector("h1")!.TextContent.Trim());
        var summary = page.QuerySelector(".nhsuk-summary-list")!.TextContent;
        Assert.Contains("GB-CHC-1190002", summary);
        Assert.Contains("third sector", summary);
        Assert.Null(page.QuerySelector("a[href$='/edit']"));
    }

    [Fact]
    public async Task PublicPage_UnknownOrganisation_IsNotFound()
    {
        var response = await factory.CreateClient().GetAsync($"/organisations/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_SearchesByNameAndPages()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/organisations?search=kitchen");

        var names = page.QuerySelectorAll("tbody a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Bow Community Kitchen"], names);

        var first = await factory.CreateBrowserClient().GetDocumentAsync("/organisations");
        var second = await factory.CreateBrowserClient().GetDocumentAsync("/organisations?page=2");
        Assert.Contains("page 2 of", second.QuerySelector("main")!.TextContent);
        Assert.Empty(first.QuerySelectorAll("tbody a").Select(a => a.TextContent).Intersect(second.QuerySelectorAll("tbody a").Select(a => a.TextContent)));
    }

    [Fact]
    public async Task Edit_ByTheOrganisationsAdmin_SavesAndAuditsTheChange()
    {
        var kitchen = await DemoOrganisationAsync("Bow Community Kitchen");
        var client = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var form = Profile(kitchen);
        form["Input.Volunteers"] = "41";
        form["Input.Website"] = "https://bowkitchen.example.org";

        var page = await Forms.ParseAsync(await client.SubmitAsync($"/organisations/{kitchen.Id}/edit", form));

        Assert.Null(page.ErrorSummary());
        Assert.Contains("Your changes have been saved", page.QuerySelector("[role=status]")!.TextContent);
        await using var db = factory.CreateDbContext();
        Assert.Equal(41, (await db.Organisations.SingleAsync(o => o.Id == kitchen.Id, TestContext.Current.CancellationToken)).Volunteers);
        var audit = await db.AuditEvents.Where(e => e.Action == "Organisation.Updated" && e.EntityId == kitchen.Id.ToString())
            .OrderByDescending(e => e.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"Volunteers\":{\"from\":35,\"to\":41}", audit.Summary);
        Assert.Equal("user:" + DemoAccounts.ProviderAdmin, audit.Actor);
    }

    [Fact]
    public async Task Edit_WithBadValues_NamesEachFieldAndSavesNothing()
    {
        var kitchen = await DemoOrganisationAsync("Bow Community Kitchen");
        var client = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var form = Profile(kitchen);
        form["Input.Website"] = "bowkitchen";
        form["Input.Email"] = "not-an-email";
        form["Input.Members"] = "-3";
        form["Input.Name"] = "";

        var page = await Forms.ParseAsync(await client.SubmitAsync($"/organisations/{kitchen.Id}/edit", form));

        var summary = page.ErrorSummary();
        Assert.Contains("Enter a website address starting with https://", summary);
        Assert.Contains("Enter an email address in the correct format", summary);
        Assert.Contains("Members must be a whole number", summary);
        Assert.Contains("Enter the organisation's name", summary);
        await using var db = factory.CreateDbContext();
        Assert.Equal("Bow Community Kitchen", (await db.Organisations.SingleAsync(o => o.Id == kitchen.Id, TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task Edit_NotANumber_IsAFieldErrorNotAFailure()
    {
        var kitchen = await DemoOrganisationAsync("Bow Community Kitchen");
        var client = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var form = Profile(kitchen);
        form["Input.Volunteers"] = "lots";

        var response = await client.SubmitAsync($"/organisations/{kitchen.Id}/edit", form);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("a[href='#Input_Volunteers']"));
    }

    [Theory]
    [InlineData(DemoAccounts.Practitioner)]
    [InlineData(DemoAccounts.Commissioner)]
    public async Task Edit_BySomeoneWhoIsNotItsAdmin_IsRefusedAndChangesNothing(string email)
    {
        var kitchen = await DemoOrganisationAsync("Bow Community Kitchen");
        var client = await factory.SignedInClientAsync(email);
        var noRedirects = factory.CreateClient(new() { AllowAutoRedirect = false });

        var get = await client.GetAsync($"/organisations/{kitchen.Id}/edit", TestContext.Current.CancellationToken);
        var form = Profile(kitchen);
        form["Input.Name"] = "Taken Over";
        var post = await client.PostWithTokenAsync($"/organisations/{kitchen.Id}/edit", form);
        var anonymous = await noRedirects.GetAsync($"/organisations/{kitchen.Id}/edit", TestContext.Current.CancellationToken);

        Assert.Equal("/access-denied", get.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", post.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal("Bow Community Kitchen", (await db.Organisations.SingleAsync(o => o.Id == kitchen.Id, TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task Mine_ForASingleOrganisationsAdmin_GoesToThatOrganisation()
    {
        var client = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var page = await client.GetDocumentAsync("/organisations/mine");

        Assert.Equal("Bow Community Kitchen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href$='/edit']"));
    }

    private static Dictionary<string, string> Profile(Organisation o)
    {
        var profile = OrganisationProfile.From(o);
        return new Dictionary<string, string>
        {
            ["Input.Name"] = profile.Name ?? "",
            ["Input.LegalForm"] = profile.LegalForm.ToString()!,
            ["Input.IdentifierScheme"] = profile.IdentifierScheme ?? "",
            ["Input.IdentifierNumber"] = profile.IdentifierNumber ?? "",
            ["Input.Activities"] = Forms.Many(profile.Activities.Select(a => a.ToString()).ToArray()),
            ["Input.IncomeBand"] = profile.IncomeBand?.ToString() ?? "",
            ["Input.Members"] = profile.Members?.ToString() ?? "",
            ["Input.Volunteers"] = profile.Volunteers?.ToString() ?? "",
            ["Input.Postcode"] = profile.Postcode ?? "",
            ["Input.Description"] = profile.Description ?? "",
        };
    }
}
