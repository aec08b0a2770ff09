using System.Net;
using AngleSharp.Html.Dom;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed class CarePlanPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_AddsGoalAndAction_ThroughTheForms_AndThePlanSaysWhoChangedThem()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var plan = $"/people/{s.PersonId}/care-plan";

        var goal = await linkWorker.SubmitAsync($"{plan}/goals", new Dictionary<string, string> { ["Input.Text"] = "I want to cook for my grandchildren", ["Input.Status"] = "Active" });
        Assert.Equal(HttpStatusCode.OK, goal.StatusCode);
        Assert.EndsWith(plan, goal.RequestMessage!.RequestUri!.AbsolutePath);

        var form = await linkWorker.GetDocumentAsync($"{plan}/actions");
        var owners = form.QuerySelectorAll("select[name='Input.OwnerOrganisationId'] option").OfType<IHtmlOptionElement>()
            .Where(o => o.Value != "").Select(o => o.Text).ToList();
        // Only the care team's organisations can own an action.
        Assert.Equal([CareTeamScenario.GpPracticeName, CareTeamScenario.LinkWorkersName, CareTeamScenario.CouncilName], owners.Order());

        await linkWorker.SubmitAsync($"{plan}/actions", new Dictionary<string, string>
        {
            ["Input.Description"] = "Book a place on the cooking course", ["Input.OwnerOrganisationId"] = s.LinkWorkers.ToString(), ["Input.DueDate"] = "3/3/2027",
        });

        var page = await linkWorker.GetDocumentAsync(plan);
        Assert.Contains("I want to cook for my grandchildren", page.QuerySelector(".cw-goals")!.TextContent);
        Assert.Contains($"Changed by {s.LinkWorker.Name} ({CareTeamScenario.LinkWorkersName}) at ", page.QuerySelector(".cw-goals")!.TextContent);
        var actions = page.QuerySelector(".cw-actions")!.TextContent;
        Assert.Contains("Book a place on the cooking course", actions);
        Assert.Contains("3 March 2027", actions);
    }

    [Fact]
    public async Task ActionForm_WithoutOwnerOrDescription_OrWithAnImpossibleDate_ShowsTheErrorSummary()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var missing = await Forms.ParseAsync(await gp.SubmitAsync($"/people/{s.PersonId}/care-plan/actions", new Dictionary<string, string> { ["Input.Description"] = "" }));
        var summary = missing.QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.Contains("Enter what will be done", summary);
        Assert.Contains("Select the organisation that owns the action", summary);
        Assert.NotNull(missing.QuerySelector(".nhsuk-error-summary a[href='#Input_OwnerOrganisationId']"));

        var date = await Forms.ParseAsync(await gp.SubmitAsync($"/people/{s.PersonId}/care-plan/actions", new Dictionary<string, string>
        {
            ["Input.Description"] = "Medication review", ["Input.OwnerOrganisationId"] = s.GpPractice.ToString(), ["Input.DueDate"] = "31/2/2027",
        }));
        Assert.Contains("Due date must be a real date", date.QuerySelector(".nhsuk-error-summary")!.TextContent);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.CarePlanActions.AnyAsync(a => a.PersonId == s.PersonId, Cancel));
    }

    [Fact]
    public async Task Concern_RaisedOnThePage_IsAcknowledgedByTheSafeguardingLeadOnItsPage()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);

        var empty = await Forms.ParseAsync(await linkWorker.SubmitAsync($"/people/{s.PersonId}/concerns/new", new Dictionary<string, string>()));
        Assert.Contains("Select the kind of concern", empty.QuerySelector(".nhsuk-error-summary")!.TextContent);

        var raised = await linkWorker.SubmitAsync($"/people/{s.PersonId}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Safeguarding", ["Input.Severity"] = "High", ["Input.Description"] = "Says she is frightened of her son",
        });
        var concernUrl = raised.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/concerns/", concernUrl);

        var lead = await factory.SignedInClientAsync(s.CouncilSafeguardingLead.Email);
        var before = await lead.GetDocumentAsync(concernUrl);
        Assert.Contains(before.QuerySelectorAll("form button"), b => b.TextContent.Contains("Acknowledge the concern", StringComparison.Ordinal));
        Assert.Contains("Says she is frightened of her son", before.Body!.TextContent);
        Assert.Contains("not the rest of the person's record", before.Body.TextContent);
        Assert.Null(before.QuerySelector("a[href$='/care-plan']"));

        var after = await Forms.ParseAsync(await lead.SubmitAsync(concernUrl, new Dictionary<string, string>(), "form.cw-acknowledge"));
        var table = after.QuerySelector(".cw-acknowledgements")!.TextContent;
        Assert.Contains($"By {s.CouncilSafeguardingLead.Name} at ", table);
        Assert.Equal(2, after.QuerySelectorAll(".cw-acknowledgements .nhsuk-tag").Length);
        Assert.DoesNotContain(after.QuerySelectorAll("form button"), b => b.TextContent.Contains("Acknowledge", StringComparison.Ordinal));

        var banner = (await linkWorker.GetDocumentAsync($"/people/{s.PersonId}/care-plan")).QuerySelector(".cw-concern-banner")!.TextContent;
        Assert.Contains("High severity safeguarding concern", banner);
        Assert.Contains($"Acknowledged by {CareTeamScenario.CouncilName}", banner);
        Assert.Contains("Not yet acknowledged by", banner);
    }

    [Fact]
    public async Task Concern_ClosedOnItsPage_WithAnOutcome_LeavesTheBanner_AndStaysOnItsPage()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var raised = await linkWorker.SubmitAsync($"/people/{s.PersonId}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Wellbeing", ["Input.Severity"] = "Medium", ["Input.Description"] = "Has stopped going out; curtains closed all day",
        });
        var concernUrl = raised.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.NotNull((await linkWorker.GetDocumentAsync($"/people/{s.PersonId}")).QuerySelector(".cw-concern-banner"));

        var empty = await Forms.ParseAsync(await linkWorker.SubmitAsync(concernUrl, new Dictionary<string, string> { ["Closing.Outcome"] = " " }, "form.cw-close"));
        Assert.Contains("Enter the outcome: what was done about the concern", empty.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.NotNull(empty.QuerySelector(".nhsuk-error-summary a[href='#Closing_Outcome']"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.Concerns.AnyAsync(c => c.PersonId == s.PersonId && c.ClosedAt != null, Cancel));
        }

        var closed = await Forms.ParseAsync(await linkWorker.SubmitAsync(concernUrl, new Dictionary<string, string>
        {
            ["Closing.Outcome"] = "Went with her to the lunch club; she is going again on Tuesdays",
        }, "form.cw-close"));
        Assert.Contains("Concern closed", closed.QuerySelector("[role=status]")!.TextContent);
        var summary = closed.QuerySelector(".nhsuk-summary-list")!.TextContent;
        Assert.Contains($"By {s.LinkWorker.Name} ({CareTeamScenario.LinkWorkersName}) at ", summary);
        Assert.Contains("Went with her to the lunch club", summary);
        Assert.Null(closed.QuerySelector("form.cw-close"));

        Assert.Null((await linkWorker.GetDocumentAsync($"/people/{s.PersonId}")).QuerySelector(".cw-concern-banner"));
        var list = (await linkWorker.GetDocumentAsync("/concerns")).QuerySelector(".cw-concerns")!;
        Assert.Contains("Closed", list.QuerySelector($"tr:has(a[href='{concernUrl}'])")!.TextContent);

        // A second close (a form left open elsewhere) is refused, saying who closed it.
        var gp = await factory.SignedInClientAsync(s.Gp.Email);
        var again = await Forms.ParseAsync(await gp.PostWithTokenAsync($"{concernUrl}?handler=Close", new Dictionary<string, string> { ["Closing.Outcome"] = "Closed again" }));
        Assert.Contains($"This concern was closed by {s.LinkWorker.Name}", again.QuerySelector(".nhsuk-error-summary")!.TextContent);

        var outsider = await factory.SignedInClientAsync(s.Outsider.Email);
        var refused = await outsider.PostWithTokenAsync($"{concernUrl}?handler=Close", new Dictionary<string, string> { ["Closing.Outcome"] = "Intruder" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(s.LinkWorker.Id, (await db.Concerns.SingleAsync(c => c.PersonId == s.PersonId, Cancel)).ClosedByUserId);
        }
    }
}
