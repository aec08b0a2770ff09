using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Commonweal.Accounts;
using Commonweal.Commissioning;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Commissioning;

/// <summary>
/// The commissioning forms over HTTP: each records through CommissioningEditing, shows the
/// validators' messages at their fields, writes nothing on error and refuses outsiders.
/// </summary>
public sealed class CommissioningFormsTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// An ICB and a council; a commissioner of the ICB, one of both, one of a council elsewhere
    /// (the outsider) and an ICB member who is not a commissioner.
    /// </summary>
    private sealed record People(Guid Icb, Guid Council, Guid Elsewhere, string Commissioner, string Both, string Outsider, string IcbAdmin);

    private async Task<People> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        var icb = new Organisation { Name = $"ICB {tag}", LegalForm = LegalForm.IntegratedCareBoard };
        var council = new Organisation { Name = $"Council {tag}", LegalForm = LegalForm.LocalAuthority };
        var elsewhere = new Organisation { Name = $"Elsewhere {tag}", LegalForm = LegalForm.LocalAuthority };
        db.Organisations.AddRange(icb, council, elsewhere);
        await db.SaveChangesAsync(Cancel);
        var people = new People(icb.Id, council.Id, elsewhere.Id, $"icb-{tag}@commonweal.example", $"both-{tag}@commonweal.example",
            $"outsider-{tag}@commonweal.example", $"admin-{tag}@commonweal.example");
        await ProcurementTestData.CommissionerAsync(db, people.Commissioner, icb.Id);
        var both = await ProcurementTestData.CommissionerAsync(db, people.Both, icb.Id);
        db.Memberships.Add(new Membership { UserId = both.Id, OrganisationId = council.Id, Role = MembershipRole.Commissioner });
        await db.SaveChangesAsync(Cancel);
        await ProcurementTestData.CommissionerAsync(db, people.Outsider, elsewhere.Id);
        await ProcurementTestData.CommissionerAsync(db, people.IcbAdmin, icb.Id, MembershipRole.Admin);
        return people;
    }

    private async Task<NeedsArea> AreaAsync(Guid commissioner, string name = "Bow")
    {
        await using var db = factory.CreateDbContext();
        var result = await new CommissioningEditing(db).AddAreaAsync(new AreaInput { Commissioner = commissioner, Name = name, Outcodes = ["E3"] }, Cancel);
        return result.Value!;
    }

    private async Task<int> CountAsync<T>(Func<Commonweal.Data.CommonwealDbContext, IQueryable<T>> rows)
    {
        await using var db = factory.CreateDbContext();
        return await rows(db).CountAsync(Cancel);
    }

    private Task<int> AuditEventsAsync() => CountAsync(db => db.AuditEvents);

    /// <summary>The page shown again with the message in the summary and at the field.</summary>
    private static async Task AssertRefusedAtAsync(HttpResponseMessage response, string field, string words)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(words, page.ErrorSummary() ?? "", StringComparison.OrdinalIgnoreCase);
        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        var atField = page.QuerySelector($"#{id}-error")?.TextContent ?? "";
        Assert.True(atField.Contains(words, StringComparison.OrdinalIgnoreCase), $"No error '{words}' at {field}: {page.ErrorSummary()}");
    }

    private static string H1(IDocument page) => page.QuerySelector("h1")!.TextContent.Trim();

    [Fact]
    public async Task Post_Area_RecordsIt_ThenTheIndexListsIt()
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();

        var response = await client.SubmitAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Name"] = "Poplar", ["Input.Outcodes"] = "e14, E3" });

        var page = await Forms.ParseAsync(response);
        Assert.Equal("Poplar", H1(page));
        await using var db = factory.CreateDbContext();
        var area = await db.NeedsAreas.SingleAsync(a => a.CommissionerOrganisationId == people.Icb, Cancel);
        Assert.Equal(["E14", "E3"], area.Outcodes);
        Assert.True(await AuditEventsAsync() > audits);
        Assert.Contains($"/commissioning/areas/{area.Id}", await client.GetStringAsync("/commissioning", Cancel));
    }

    [Theory]
    [InlineData("", "E3", "Input.Name", "Enter the area's name")]
    [InlineData("Bow", "", "Input.Outcodes", "Enter at least one outcode")]
    [InlineData("Bow", "E3, not-a-code", "Input.Outcodes", "Enter an outcode like E3")]
    [InlineData("Bow", "E3, ZZ9", "Input.Outcodes", "ZZ9 is not a known outcode")]
    [InlineData("Bow", "E3, e3", "Input.Outcodes", "E3 is entered more than once")]
    public async Task Post_Area_WithBadInput_NamesTheField_AndWritesNothing(string name, string outcodes, string field, string words)
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();

        var response = await client.SubmitAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Outcodes"] = outcodes });

        await AssertRefusedAtAsync(response, field, words);
        Assert.Equal(0, await CountAsync(db => db.NeedsAreas.Where(a => a.CommissionerOrganisationId == people.Icb)));
        Assert.Equal(audits, await AuditEventsAsync());
    }

    [Fact]
    public async Task Post_Area_ForSeveralCommissioners_AsksWhich_AndRefusesAnotherOrganisation()
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Both);

        var none = await client.SubmitAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Name"] = "Bow", ["Input.Outcodes"] = "E3" });
        await AssertRefusedAtAsync(none, "Input.Commissioner", "Select the commissioner");
        var other = await client.SubmitAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Commissioner"] = people.Elsewhere.ToString(), ["Input.Name"] = "Bow", ["Input.Outcodes"] = "E3" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        await client.SubmitAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Commissioner"] = people.Council.ToString(), ["Input.Name"] = "Bow", ["Input.Outcodes"] = "E3" });

        Assert.Equal(1, await CountAsync(db => db.NeedsAreas.Where(a => a.CommissionerOrganisationId == people.Council)));
        Assert.Equal(0, await CountAsync(db => db.NeedsAreas.Where(a => a.CommissionerOrganisationId == people.Elsewhere)));
    }

    [Fact]
    public async Task AreaPages_RefuseOutsiders_AndMembersWhoDoNotCommission()
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        var outsider = await factory.SignedInClientAsync(people.Outsider);
        var admin = await factory.SignedInClientAsync(people.IcbAdmin);
        var need = new Dictionary<string, string> { ["Input.Kind"] = "Condition", ["Input.Name"] = "Asthma", ["Input.Prevalence"] = "12", ["Input.PrevalenceUnit"] = "Count" };

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/commissioning/areas/{area.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostWithTokenAsync($"/commissioning/areas/{area.Id}/needs/new", need)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/commissioning/areas/{area.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/commissioning/areas/{area.Id}/needs/new", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync($"/commissioning/areas/{area.Id}/needs/new", need)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync("/commissioning/areas/new", new Dictionary<string, string> { ["Input.Name"] = "Bow", ["Input.Outcodes"] = "E3" })).StatusCode);
        Assert.Equal(0, await CountAsync(db => db.AreaNeeds.Where(n => n.AreaId == area.Id)));
        Assert.Equal(1, await CountAsync(db => db.NeedsAreas.Where(a => a.CommissionerOrganisationId == people.Icb)));
    }

    [Fact]
    public async Task Post_Need_RecordsARareConditionWithItsOrphanetCode()
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        var client = await factory.SignedInClientAsync(people.Commissioner);

        var response = await client.SubmitAsync($"/commissioning/areas/{area.Id}/needs/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Condition", ["Input.Name"] = "Duchenne muscular dystrophy", ["Input.Prevalence"] = "12", ["Input.PrevalenceUnit"] = "Count",
            ["Input.Burden"] = "120", ["Input.BurdenUnit"] = "Dalys", ["Input.Rare"] = "True", ["Input.OrphanetCode"] = "ORPHA:262",
        });

        var page = await Forms.ParseAsync(response);
        var row = page.QuerySelectorAll("#needs tbody tr").Single().TextContent;
        Assert.Contains("Rare", row);
        Assert.Contains("ORPHA:262", row);
        Assert.Contains("120 DALYs", row);
        await using var db = factory.CreateDbContext();
        var need = await db.AreaNeeds.SingleAsync(n => n.AreaId == area.Id, Cancel);
        Assert.True(need.IsRare);
        Assert.Equal(("ORPHA:262", 12m, PrevalenceUnit.Count), (need.OrphanetCode, need.Prevalence!.Value, need.PrevalenceUnit!.Value));
    }

    [Theory]
    [InlineData("", "Asthma", "12", "", "", "Input.Kind", "Select condition or social need")]
    [InlineData("Condition", "", "12", "Count", "", "Input.Name", "Enter the name")]
    [InlineData("Condition", "Asthma", "", "", "", "Input.Prevalence", "Enter the prevalence")]
    [InlineData("Condition", "Asthma", "lots", "Count", "", "Input.Prevalence", "Prevalence must be a number")]
    [InlineData("Condition", "Asthma", "12", "", "", "Input.PrevalenceUnit", "Select per 1,000 or count")]
    [InlineData("Condition", "Asthma", "1200", "PerThousand", "", "Input.Prevalence", "1,000 or less")]
    [InlineData("Condition", "Duchenne", "12", "Count", "ORPHA262", "Input.OrphanetCode", "ORPHA: and digits")]
    [InlineData("Social", "Food", "", "", "", "Input.Term", "Select the need from the needs taxonomy")]
    public async Task Post_Need_WithBadInput_NamesTheField_AndWritesNothing(string kind, string name, string prevalence, string unit, string orphanet, string field, string words)
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();

        var response = await client.SubmitAsync($"/commissioning/areas/{area.Id}/needs/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind, ["Input.Name"] = name, ["Input.Prevalence"] = prevalence, ["Input.PrevalenceUnit"] = unit, ["Input.OrphanetCode"] = orphanet,
        });

        await AssertRefusedAtAsync(response, field, words);
        Assert.Equal(0, await CountAsync(db => db.AreaNeeds.Where(n => n.AreaId == area.Id)));
        Assert.Equal(audits, await AuditEventsAsync());
    }

    [Fact]
    public async Task Post_Need_SocialNeedMarkedRare_IsRefusedAtTheRareBox()
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var term = (await Forms.GetDocumentAsync(client, $"/commissioning/areas/{area.Id}/needs/new")).QuerySelectorAll("#Input_Term option").Last().GetAttribute("value")!;

        var response = await client.SubmitAsync($"/commissioning/areas/{area.Id}/needs/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Social", ["Input.Name"] = "Food", ["Input.Term"] = term, ["Input.EstimatedPeople"] = "900", ["Input.Rare"] = "True",
        });

        await AssertRefusedAtAsync(response, "Input.Rare", "Only a health condition can be rare");
        Assert.Equal(0, await CountAsync(db => db.AreaNeeds.Where(n => n.AreaId == area.Id)));
    }

    [Fact]
    public async Task Post_Plan_StartsADraft_ThenPublishingMakesItPublic()
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        var client = await factory.SignedInClientAsync(people.Commissioner);

        var response = await client.SubmitAsync($"/commissioning/plans/new?area={area.Id}", new Dictionary<string, string> { ["Input.Area"] = area.Id.ToString(), ["Input.Year"] = "2031", ["Input.Title"] = "Bow plan" });

        var page = await Forms.ParseAsync(response);
        Assert.Equal("Bow plan", H1(page));
        await using var db = factory.CreateDbContext();
        var plan = await db.CommissioningPlans.AsNoTracking().SingleAsync(p => p.AreaId == area.Id, Cancel);
        Assert.Equal((2031, people.Icb, false), (plan.Year, plan.CommissionerOrganisationId, plan.IsPublished));
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/commissioning/plans/{plan.Id}", Cancel)).StatusCode);

        var published = await client.SubmitAsync($"/commissioning/plans/{plan.Id}", new Dictionary<string, string>(), "form[action*='handler=Publish']");

        Assert.Contains("Plan published", (await Forms.ParseAsync(published)).QuerySelector("[role=status]")!.TextContent);
        Assert.True((await db.CommissioningPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id, Cancel)).IsPublished);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/commissioning/plans/{plan.Id}", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData(false, "2031", "Plan", "Input.Area", "Select one of the commissioner's own areas")]
    [InlineData(true, "soon", "Plan", "Input.Year", "Financial year must be a whole number")]
    [InlineData(true, "1999", "Plan", "Input.Year", "from 2000 to 2100")]
    [InlineData(true, "", "Plan", "Input.Year", "Enter the financial year")]
    [InlineData(true, "2031", "", "Input.Title", "Enter the plan's title")]
    [InlineData(true, "2030", "Plan", "Input.Year", "already has a plan for this area and year")]
    public async Task Post_Plan_WithBadInput_NamesTheField_AndWritesNothing(bool withArea, string year, string title, string field, string words)
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        await using (var db = factory.CreateDbContext())
        {
            await new CommissioningEditing(db).AddPlanAsync(new PlanInput { Commissioner = people.Icb, Area = area.Id, Year = 2030, Title = "Existing" }, Cancel);
        }

        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();

        var response = await client.SubmitAsync("/commissioning/plans/new", new Dictionary<string, string>
        {
            ["Input.Area"] = withArea ? area.Id.ToString() : "", ["Input.Year"] = year, ["Input.Title"] = title,
        });

        await AssertRefusedAtAsync(response, field, words);
        Assert.Equal(1, await CountAsync(db => db.CommissioningPlans.Where(p => p.AreaId == area.Id)));
        Assert.Equal(audits, await AuditEventsAsync());
    }

    [Fact]
    public async Task Plans_RefuseOutsiders_AnotherCommissionersAreaAndPublishingByOthers()
    {
        var people = await ArrangeAsync();
        var area = await AreaAsync(people.Icb);
        Guid plan;
        await using (var db = factory.CreateDbContext())
        {
            plan = (await new CommissioningEditing(db).AddPlanAsync(new PlanInput { Commissioner = people.Icb, Area = area.Id, Year = 2030, Title = "Draft" }, Cancel)).Value!.Id;
        }

        var outsider = await factory.SignedInClientAsync(people.Outsider);
        var admin = await factory.SignedInClientAsync(people.IcbAdmin);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // The outsider's own commissioner has no areas, so the form is not even offered: the request is crafted.
        var intoOther = await outsider.PostWithTokenAsync("/commissioning/plans/new", new Dictionary<string, string> { ["Input.Area"] = area.Id.ToString(), ["Input.Year"] = "2031", ["Input.Title"] = "Theirs" });
        await AssertRefusedAtAsync(intoOther, "Input.Area", "Select one of the commissioner's own areas");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/commissioning/plans/new", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostWithTokenAsync($"/commissioning/plans/{plan}?handler=Publish", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync($"/commissioning/plans/{plan}?handler=Publish", new Dictionary<string, string>())).StatusCode);
        Assert.Empty((await Forms.GetDocumentAsync(admin, $"/commissioning/plans/{plan}")).QuerySelectorAll("form[action*='handler=Publish']"));
        // With a valid token (the sign-in page's), so that the refusal is the sign-in challenge, not the token check.
        var token = (await anonymous.GetDocumentAsync("/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signIn = await anonymous.PostAsync($"/commissioning/plans/{plan}?handler=Publish", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("sign-in", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await CountAsync(db => db.CommissioningPlans.Where(p => p.AreaId == area.Id && p.PublishedAt != null)));
        Assert.Equal(1, await CountAsync(db => db.CommissioningPlans.Where(p => p.AreaId == area.Id)));
    }

    private static Dictionary<string, string> Pool(People people, string icbShare = "60", string councilShare = "40", string councilAmount = "400,000") => new()
    {
        ["Input.Name"] = "Bow fund",
        ["Input.Members[0].Organisation"] = people.Icb.ToString(), ["Input.Members[0].Amount"] = "£600,000", ["Input.Members[0].Share"] = icbShare,
        ["Input.Members[1].Organisation"] = people.Council.ToString(), ["Input.Members[1].Amount"] = councilAmount, ["Input.Members[1].Share"] = councilShare,
    };

    [Fact]
    public async Task Post_Pool_CreatesItWithTheAgreedShares()
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);

        var response = await client.SubmitAsync("/commissioning/pools/new", Pool(people));

        Assert.Equal("Bow fund", H1(await Forms.ParseAsync(response)));
        await using var db = factory.CreateDbContext();
        var pool = await db.PooledFunds.Include(p => p.Members).SingleAsync(p => p.Members.Any(m => m.OrganisationId == people.Icb), Cancel);
        Assert.Equal([(people.Icb, 600_000m, 60m), (people.Council, 400_000m, 40m)],
            pool.Members.OrderByDescending(m => m.SharePercent).Select(m => (m.OrganisationId, m.Amount, m.SharePercent)).ToArray());
    }

    public static TheoryData<string, string, string, string> BadPools => new()
    {
        { "Input.Members[1].Share", "30", "Input.Members", "The shares must add up to 100%" },
        { "Input.Members[1].Amount", "lots", "Input.Members[1].Amount", "Amount must be a number of pounds" },
        { "Input.Members[1].Organisation", "", "Input.Members[1].Organisation", "Select the commissioner, or clear the row" },
        { "Input.Members[0].Organisation", "{elsewhere}", "Input.Members", "Include an organisation you commission for" },
        { "Input.Name", "", "Input.Name", "Enter the pooled fund's name" },
    };

    [Theory]
    [MemberData(nameof(BadPools))]
    public async Task Post_Pool_WithBadInput_NamesTheField_AndWritesNothing(string change, string value, string field, string words)
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();
        var pools = await CountAsync(db => db.PooledFunds);
        var form = Pool(people);
        form[change] = value.Replace("{elsewhere}", people.Elsewhere.ToString(), StringComparison.Ordinal);

        var response = await client.SubmitAsync("/commissioning/pools/new", form);

        await AssertRefusedAtAsync(response, field, words);
        Assert.Equal(pools, await CountAsync(db => db.PooledFunds));
        Assert.Equal(audits, await AuditEventsAsync());
    }

    [Fact]
    public async Task Post_Pool_WithABlankRowBetween_NamesTheRowAsTyped()
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var form = Pool(people);
        foreach (var part in new[] { "Organisation", "Amount", "Share" })
        {
            form[$"Input.Members[2].{part}"] = form[$"Input.Members[1].{part}"];
            form[$"Input.Members[1].{part}"] = "";
        }

        form["Input.Members[2].Share"] = "0";

        var response = await client.SubmitAsync("/commissioning/pools/new", form);

        await AssertRefusedAtAsync(response, "Input.Members[2].Share", "Share must be more than 0%");
    }

    [Fact]
    public async Task Post_Pool_ByNoCommissioner_IsForbidden()
    {
        var people = await ArrangeAsync();
        var admin = await factory.SignedInClientAsync(people.IcbAdmin);
        var pools = await CountAsync(db => db.PooledFunds);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/commissioning/pools/new", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync("/commissioning/pools/new", Pool(people))).StatusCode);
        Assert.Equal(pools, await CountAsync(db => db.PooledFunds));
    }

    private async Task<(Guid Pool, Guid Joint, Guid WithOutsider)> PoolWithOpportunitiesAsync(People people)
    {
        await using var db = factory.CreateDbContext();
        var pool = (await new CommissioningEditing(db).AddPoolAsync(new PoolInput
        {
            Name = "Bow fund",
            Members = [new() { Organisation = people.Icb, Amount = 600_000, Share = 60 }, new() { Organisation = people.Council, Amount = 400_000, Share = 40 }],
        }, Cancel)).Value!;
        var sequence = Random.Shared.Next(50_000, 99_999);
        Opportunity Opportunity(string title, params Guid[] commissioners)
        {
            var o = new Opportunity { Title = title, ReferenceYear = 2091, ReferenceSequence = sequence++ };
            o.Reference = OpportunityReferences.Format(o.ReferenceYear, o.ReferenceSequence);
            o.Commissioners.AddRange(commissioners.Select(c => new OpportunityCommissioner { OpportunityId = o.Id, OrganisationId = c, SharePercent = 100m / commissioners.Length }));
            db.Opportunities.Add(o);
            return o;
        }

        var joint = Opportunity("Joint", people.Icb, people.Council);
        var withOutsider = Opportunity("With outsider", people.Icb, people.Elsewhere);
        await db.SaveChangesAsync(Cancel);
        return (pool.Id, joint.Id, withOutsider.Id);
    }

    [Fact]
    public async Task Post_Draw_LetsAJointOpportunityDrawOnThePool()
    {
        var people = await ArrangeAsync();
        var (pool, joint, _) = await PoolWithOpportunitiesAsync(people);
        var client = await factory.SignedInClientAsync(people.Commissioner);

        var response = await client.SubmitAsync($"/commissioning/pools/{pool}", new Dictionary<string, string> { ["Draw.Opportunity"] = joint.ToString() }, "form[action*='handler=Draw']");

        var page = await Forms.ParseAsync(response);
        Assert.Contains("Joint", page.QuerySelector("#drawing")!.TextContent);
        Assert.Equal(1, await CountAsync(db => db.PoolOpportunities.Where(p => p.PooledFundId == pool && p.OpportunityId == joint)));
    }

    [Theory]
    [InlineData("", "Select the opportunity that will draw on the fund")]
    [InlineData("outsider", "not a member: Elsewhere")]
    public async Task Post_Draw_WithBadChoice_NamesTheField_AndWritesNothing(string choice, string words)
    {
        var people = await ArrangeAsync();
        var (pool, _, withOutsider) = await PoolWithOpportunitiesAsync(people);
        var client = await factory.SignedInClientAsync(people.Commissioner);
        var audits = await AuditEventsAsync();

        var response = await client.SubmitAsync($"/commissioning/pools/{pool}",
            new Dictionary<string, string> { ["Draw.Opportunity"] = choice == "" ? "" : withOutsider.ToString() }, "form[action*='handler=Draw']");

        await AssertRefusedAtAsync(response, "Draw.Opportunity", words);
        Assert.Equal(0, await CountAsync(db => db.PoolOpportunities.Where(p => p.PooledFundId == pool)));
        Assert.Equal(audits, await AuditEventsAsync());
    }

    [Fact]
    public async Task Post_Draw_ByACommissionerOutsideThePool_IsForbidden()
    {
        var people = await ArrangeAsync();
        var (pool, joint, _) = await PoolWithOpportunitiesAsync(people);
        var outsider = await factory.SignedInClientAsync(people.Outsider);

        var response = await outsider.PostWithTokenAsync($"/commissioning/pools/{pool}?handler=Draw", new Dictionary<string, string> { ["Draw.Opportunity"] = joint.ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.PoolOpportunities.Where(p => p.PooledFundId == pool)));
    }

    [Fact]
    public async Task Api_Area_WithUnknownOrRepeatedOutcodes_NamesEachOne_AndWritesNothing()
    {
        var people = await ArrangeAsync();
        var client = await factory.SignedInClientAsync(people.Commissioner);

        var response = await client.PostAsJsonAsync("/api/commissioning/areas", new { commissioner = people.Icb, name = "Bow", outcodes = new[] { "E3", "ZZ9", "e3" } }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("E3 is entered more than once", errors.GetProperty("outcodes[2]")[0].GetString());
        var unknown = await client.PostAsJsonAsync("/api/commissioning/areas", new { commissioner = people.Icb, name = "Bow", outcodes = new[] { "E3", "ZZ9" } }, Cancel);
        var unknownErrors = (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("ZZ9 is not a known outcode", unknownErrors.GetProperty("outcodes[1]")[0].GetString());
        Assert.Equal(0, await CountAsync(db => db.NeedsAreas.Where(a => a.CommissionerOrganisationId == people.Icb)));
    }

    [Fact]
    public async Task KnownOutcodes_CountsAnOutcodeKnownOnlyThroughItsFullPostcodes()
    {
        await using var db = factory.CreateDbContext();
        var code = $"X{Random.Shared.Next(10, 99)}";
        db.PostcodeCentroids.Add(new Commonweal.Directory.PostcodeCentroid { Code = $"{code} 1AA", Latitude = 51.5, Longitude = -0.1 });
        await db.SaveChangesAsync(Cancel);

        var known = await Commonweal.Directory.PostcodeLocator.KnownOutcodesAsync(db, [code, "E3", "ZZ9"], Cancel);

        Assert.Equal(["E3", code], known.Order(StringComparer.Ordinal));
    }
}
