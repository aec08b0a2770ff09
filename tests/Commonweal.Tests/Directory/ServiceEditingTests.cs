using Commonweal.Directory;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

public sealed class ServiceEditingTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> KitchenAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == "Bow Community Kitchen").Select(o => o.Id).SingleAsync(Cancel);
    }

    private static Dictionary<string, string> Form(string name, params string[] needs) => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = "Soup and bread every Wednesday, with company.",
        ["Input.Needs"] = Forms.Many(needs),
        ["Input.Status"] = nameof(ServiceStatus.Active),
        ["Input.AcceptingReferrals"] = "True",
        ["Input.TypicalWaitDays"] = "3",
        ["Input.MinimumAge"] = "18",
        ["Input.Email"] = "soup@bowkitchen.example.org",
    };

    private async Task<Guid> AddServiceAsync(HttpClient client, Guid organisation, string name)
    {
        var page = await Forms.ParseAsync(await client.SubmitAsync($"/organisations/{organisation}/services/new", Form(name, NeedsTaxonomy.TermId("community-meals").ToString())));
        Assert.Null(page.ErrorSummary());
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    [Fact]
    public async Task Provider_AddsAServiceToTheirOrganisation_WhichIsPublishedAtOnce()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var id = await AddServiceAsync(admin, kitchen, "Wednesday soup club");

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/services/{id}");
        Assert.Equal("Wednesday soup club", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Community meals and cooking", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Nobody has checked this information yet", page.QuerySelector(".nhsuk-warning-callout")!.TextContent);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Service.Created" && e.EntityId == id.ToString(), Cancel));
    }

    [Fact]
    public async Task Provider_WithBadValues_IsToldWhichFields()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var form = Form("", Guid.NewGuid().ToString());
        form["Input.MinimumAge"] = "30";
        form["Input.MaximumAge"] = "20";
        form["Input.Email"] = "soup-at-kitchen";

        var page = await Forms.ParseAsync(await admin.PostWithTokenAsync($"/organisations/{kitchen}/services/new", form));

        var summary = page.ErrorSummary();
        Assert.Contains("Enter the service's name", summary);
        Assert.Contains("Select needs from the list", summary);
        Assert.Contains("Maximum age must be the same as or more than the minimum age", summary);
        Assert.Contains("Enter an email address in the correct format", summary);
    }

    [Fact]
    public async Task Provider_EditingACheckedRecord_IsHeldForReview_ThenApprovedByASteward()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var id = await AddServiceAsync(admin, kitchen, "Saturday breakfast");
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        await commissioner.SubmitAsync($"/services/{id}", new Dictionary<string, string>(), "form[action*='handler=Assure']");

        var held = await Forms.ParseAsync(await admin.SubmitAsync($"/services/{id}/edit", Form("Saturday breakfast club", NeedsTaxonomy.TermId("community-meals").ToString())));

        Assert.Contains("will be reviewed", held.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Saturday breakfast", held.QuerySelector("h1")!.TextContent.Trim());
        var review = await commissioner.GetDocumentAsync("/directory/review");
        Assert.Contains("Saturday breakfast club", review.QuerySelector("main")!.TextContent);

        // Other tests leave changes of their own in the queue: approve this one.
        await commissioner.SubmitAsync("/directory/review", new Dictionary<string, string>(), $"form[action*='handler=Approve'][action*='changeId={await PendingChangeAsync(id)}']");

        await using var db = factory.CreateDbContext();
        var service = await db.Services.SingleAsync(s => s.Id == id, Cancel);
        Assert.Equal("Saturday breakfast club", service.Name);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), service.AssuredDate);
        Assert.Equal(DemoAccounts.Commissioner, service.AssurerEmail);
    }

    private async Task<Guid> PendingChangeAsync(Guid serviceId)
    {
        await using var db = factory.CreateDbContext();
        return await db.ServiceChanges.Where(c => c.ServiceId == serviceId && c.Status == ServiceChangeStatus.Pending).Select(c => c.Id).SingleAsync(Cancel);
    }

    [Fact]
    public async Task Steward_RejectingWithoutAReason_IsAskedForOne()
    {
        var kitchen = await KitchenAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var id = await AddServiceAsync(admin, kitchen, "Tuesday tea");
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        await commissioner.SubmitAsync($"/services/{id}", new Dictionary<string, string>(), "form[action*='handler=Assure']");
        await admin.SubmitAsync($"/services/{id}/edit", Form("Tuesday tea and cake", NeedsTaxonomy.TermId("community-meals").ToString()));

        var page = await Forms.ParseAsync(await commissioner.SubmitAsync(
            "/directory/review", new Dictionary<string, string> { ["Reason"] = "" }, $"form[action*='handler=Reject'][action*='changeId={await PendingChangeAsync(id)}']"));

        Assert.Contains("Enter a reason for rejecting", page.ErrorSummary());
        await using var db = factory.CreateDbContext();
        Assert.True(await db.ServiceChanges.AnyAsync(c => c.ServiceId == id && c.Status == ServiceChangeStatus.Pending, Cancel));
    }

    [Theory]
    [InlineData(DemoAccounts.Practitioner)]
    [InlineData(DemoAccounts.Evaluator)]
    public async Task Someone_WhoIsNotTheOrganisationsAdmin_CannotEditOrReview(string email)
    {
        var kitchen = await KitchenAsync();
        await using var db = factory.CreateDbContext();
        var service = await db.Services.FirstAsync(s => s.OrganisationId == kitchen, Cancel);
        var client = await factory.SignedInClientAsync(email);

        var edit = await client.PostWithTokenAsync($"/services/{service.Id}/edit", Form("Taken over", NeedsTaxonomy.TermId("food-banks").ToString()));
        var review = await client.GetAsync("/directory/review", Cancel);
        var assure = await client.PostWithTokenAsync($"/services/{service.Id}?handler=Assure", new Dictionary<string, string>());

        Assert.Equal("/access-denied", edit.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", review.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", assure.RequestMessage!.RequestUri!.AbsolutePath);
        await using var check = factory.CreateDbContext();
        Assert.Equal(service.Name, (await check.Services.SingleAsync(s => s.Id == service.Id, Cancel)).Name);
    }

    [Fact]
    public async Task OrganisationServices_ListsRecordsThatNeedChecking()
    {
        await using var db = factory.CreateDbContext();
        var stale = await db.Services.Include(s => s.Organisation).Where(s => s.AssuredDate == null).FirstAsync(Cancel);
        var platformAdmin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);

        var page = await platformAdmin.GetDocumentAsync($"/organisations/{stale.OrganisationId}/services");

        Assert.Contains(stale.Name, page.QuerySelector(".nhsuk-warning-callout")!.TextContent);
    }

    [Fact]
    public async Task Duplicates_AreFoundAndMergedWithEveryReferenceMoved()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var page = await commissioner.GetDocumentAsync("/directory/duplicates");
        Assert.Contains("Isle of Dogs health walks", page.QuerySelector("table")!.TextContent);
        await using var before = factory.CreateDbContext();
        var pair = (await DuplicateServices.FindAsync(before, cancellationToken: Cancel)).First(c => c.FirstName.Contains("walks", StringComparison.OrdinalIgnoreCase) || c.SecondName.Contains("walks", StringComparison.OrdinalIgnoreCase));
        var movedLocations = await before.ServiceAtLocations.Where(l => l.ServiceId == pair.SecondId).Select(l => l.LocationId).ToListAsync(Cancel);

        await commissioner.PostWithTokenAsync($"/directory/duplicates?handler=Merge&keep={pair.FirstId}&remove={pair.SecondId}", new Dictionary<string, string>());

        await using var after = factory.CreateDbContext();
        Assert.False(await after.Services.AnyAsync(s => s.Id == pair.SecondId, Cancel));
        var survivorLocations = await after.ServiceAtLocations.Where(l => l.ServiceId == pair.FirstId).Select(l => l.LocationId).ToListAsync(Cancel);
        Assert.Empty(movedLocations.Except(survivorLocations));
        Assert.True(await after.Schedules.AnyAsync(s => s.ServiceId == pair.FirstId, Cancel));
        Assert.True(await after.AuditEvents.AnyAsync(e => e.Action == "Service.Merged" && e.EntityId == pair.FirstId.ToString(), Cancel));
    }

    [Theory]
    [InlineData("Health walks", "Isle of Dogs health walks", true)]
    [InlineData("Debt advice clinic", "Debt advice", true)]
    [InlineData("Community lunch", "Job club", false)]
    public void Similar_ComparesMeaningfulWords(string a, string b, bool expected) =>
        Assert.Equal(expected, DuplicateServices.Similar(a, b));

    [Fact]
    public async Task ServicePage_UnknownService_IsNotFound()
    {
        var response = await factory.CreateClient().GetAsync($"/services/{Guid.NewGuid()}", Cancel);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
