using Commonweal.Procurement;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement;

public sealed class OpportunityPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> ReferenceOfAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Reference).SingleAsync(Cancel);
    }

    private Dictionary<string, string> Form(string title, string turnover = "")
    {
        using var db = factory.CreateDbContext();
        var icb = db.Organisations.Where(o => o.Name == "NHS North East London Integrated Care Board").Select(o => o.Id).Single();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "Befriending for older people living alone.",
            ["Input.Type"] = nameof(OpportunityType.Contract),
            ["Input.Process"] = nameof(ProcurementProcess.CompetitiveProcess),
            ["Input.Commissioners[0].OrganisationId"] = icb.ToString(),
            ["Input.Commissioners[0].Share"] = "100",
            ["Input.TotalValue"] = "1200000",
            ["Input.PublicationDate"] = Day(0),
            ["Input.ClarificationDate"] = Day(20),
            ["Input.SubmissionDate"] = Day(30),
            ["Input.EvaluationEnd"] = Day(60),
            ["Input.ContractStart"] = Day(130),
            ["Input.ContractEnd"] = today.AddDays(130).AddYears(4).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Lots[0].Title"] = "Bow",
            ["Input.Lots[0].Value"] = "600000",
            ["Input.Lots[1].Title"] = "Poplar",
            ["Input.Lots[1].Value"] = "600000",
            ["Input.Outcodes"] = "E3, e14",
            ["Input.MinimumAnnualTurnover"] = turnover,
        };
        return form;
    }

    [Fact]
    public async Task Commissioner_SeesTheirDraftAndWhatTheFairnessCheckFound()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var reference = await ReferenceOfAsync(DemoProcurement.UnfairDraftId);

        var list = await commissioner.GetDocumentAsync("/opportunities");
        var page = await commissioner.GetDocumentAsync($"/opportunities/{reference}");

        Assert.Contains("Integrated community wellbeing service", list.QuerySelector(".cw-drafts")!.TextContent);
        var codes = page.QuerySelectorAll(".cw-finding").Select(f => f.GetAttribute("data-code")).Order().ToList();
        Assert.Equal([FairnessCheck.Codes.MobilisationTooShort, FairnessCheck.Codes.ResponseWindowTooShort, FairnessCheck.Codes.SocialValueWeightTooLow, FairnessCheck.Codes.TurnoverOutOfProportion], codes);
        Assert.Contains("The minimum turnover of £10,000,000 is more than twice the annual contract value of £4,000,000.", page.QuerySelector(".cw-findings")!.TextContent);
        Assert.NotNull(page.QuerySelector("textarea[name=OverrideReason]"));
    }

    [Fact]
    public async Task Commissioner_CreatesADraftThroughTheForm_AndPublishesIt()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var created = await Forms.ParseAsync(await commissioner.SubmitAsync("/opportunities/new", Form("Befriending in Bow and Poplar")));

        Assert.Null(created.ErrorSummary());
        Assert.Equal("Befriending in Bow and Poplar", created.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("found nothing", created.QuerySelector("main")!.TextContent);
        var url = created.Url;
        var published = await Forms.ParseAsync(await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "form[action*='handler=Publish']"));
        Assert.Contains("has been published", published.QuerySelector("[role=status]")!.TextContent);

        var reference = url.Split('/')[^1].Split('#')[0];
        await using var db = factory.CreateDbContext();
        var o = await db.Opportunities.Include(x => x.Areas).Include(x => x.Lots).SingleAsync(x => x.Reference == reference, Cancel);
        Assert.Equal(OpportunityStatus.Published, o.Status);
        Assert.Equal(["E14", "E3"], o.Areas.Select(a => a.Outcode).Order(StringComparer.Ordinal));
        Assert.Equal(2, o.Lots.Count);
        Assert.True(o.SuitableForSmallOrganisations);
        Assert.Equal(new TimeOnly(12, 0), TimeOnly.FromDateTime(Timetable.UkLocal(o.SubmissionDeadline)));
    }

    [Fact]
    public async Task Post_PublishPageWithFairnessErrors_IsRefusedUntilAReasonIsGiven()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var created = await Forms.ParseAsync(await commissioner.SubmitAsync("/opportunities/new", Form("Specialist carers' service", turnover: "900000")));
        var url = created.Url.Split('#')[0];

        var refused = await Forms.ParseAsync(await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["OverrideReason"] = "" }, "form[action*='handler=Publish']"));
        Assert.Contains("Give the reason these terms are justified", refused.ErrorSummary());

        const string reason = "Only providers of this size can carry the pooled carers' budget this year.";
        await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["OverrideReason"] = reason }, "form[action*='handler=Publish']");

        var publicPage = await factory.CreateBrowserClient().GetDocumentAsync(url);
        Assert.Contains(reason, publicPage.QuerySelector(".cw-fairness-override")!.TextContent);
        Assert.Contains("Open for bids", publicPage.QuerySelector("main")!.TextContent);
        Assert.Null(publicPage.QuerySelector("form[action*='handler=Publish']"));
    }

    [Fact]
    public async Task Commissioner_WithBadValues_IsToldWhichFields()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var form = Form("");
        form["Input.ContractEnd"] = form["Input.ContractStart"];
        form["Input.ClarificationDate"] = "31/02/2027x";
        form["Input.Criteria[0].Weight"] = "30";

        var page = await Forms.ParseAsync(await commissioner.PostWithTokenAsync("/opportunities/new", form));

        var summary = page.ErrorSummary();
        Assert.Contains("Enter a title", summary);
        Assert.Contains("Contract end date must be after the start date", summary);
        Assert.Contains("Clarification deadline must be a real date", summary);
        Assert.Contains("Criteria weights must add up to 100%; they add up to 30%", summary);
    }

    [Fact]
    public async Task NewPage_IsForCommissionersOnly()
    {
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var anonymous = await factory.CreateBrowserClient().GetAsync("/opportunities/new", Cancel);
        var refused = await provider.GetAsync("/opportunities/new", Cancel);

        Assert.Equal("/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ListPage_PaginatesTenAtATime()
    {
        await using (var db = factory.CreateDbContext())
        {
            var icb = await db.Organisations.Where(o => o.Name == "NHS North East London Integrated Care Board").Select(o => o.Id).SingleAsync(Cancel);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < 11; i++)
            {
                var draft = ProcurementTestData.FairDraft(icb, today, $"Paged opportunity {i:D2}");
                draft.Outcodes = ["N1"];
                var o = await OpportunityEditing.CreateAsync(db, draft, null, Cancel);
                Assert.True(OpportunityLifecycle.Publish(o, Commonweal.Audit.Actor.System, db.Now).Succeeded);
                await db.SaveChangesAsync(Cancel);
            }
        }

        var client = factory.CreateBrowserClient();
        var first = await client.GetDocumentAsync("/opportunities?Input.Outcode=N1");
        var second = await client.GetDocumentAsync("/opportunities?Input.Outcode=N1&page=2");

        Assert.Contains("11 opportunities found", first.QuerySelector("main")!.TextContent);
        Assert.Equal(10, first.QuerySelectorAll(".cw-results > li").Length);
        Assert.Single(second.QuerySelectorAll(".cw-results > li"));
        Assert.Contains("page=2", first.QuerySelector(".nhsuk-pagination")!.InnerHtml);
    }
}
