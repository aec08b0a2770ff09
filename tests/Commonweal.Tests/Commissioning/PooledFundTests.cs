using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Commissioning;

/// <summary>
/// An ICB (60%, £600,000) and a council (40%, £400,000) pool £1,000,000. A joint opportunity of
/// both draws on it, with an active contract of £150,000 and a cancelled one of £1,000,000 (not
/// spend). Hand-computed: spend £150,000; the ICB's £90,000 (remaining £510,000), the council's
/// £60,000 (remaining £340,000).
/// </summary>
public sealed class PooledFundTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Arranged(Guid Icb, Guid Council, Guid Third, string IcbEmail, string CouncilEmail, string ThirdEmail, string ProviderEmail, Guid Joint, Guid WithThird);

    private async Task<Arranged> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        var icb = new Organisation { Name = $"ICB {tag}", LegalForm = LegalForm.IntegratedCareBoard };
        var council = new Organisation { Name = $"Council {tag}", LegalForm = LegalForm.LocalAuthority };
        var third = new Organisation { Name = $"Third {tag}", LegalForm = LegalForm.LocalAuthority };
        var provider = new Organisation { Name = $"Provider {tag}", LegalForm = LegalForm.RegisteredCharity };
        db.Organisations.AddRange(icb, council, third, provider);
        var sequence = Random.Shared.Next(50_000, 99_999);
        Opportunity Opportunity(string title, params (Organisation Org, decimal Share)[] commissioners)
        {
            var o = new Opportunity
            {
                Title = $"{title} {tag}", ReferenceYear = 2090, ReferenceSequence = sequence++, TotalValue = 150_000,
                ContractStart = new DateOnly(2027, 4, 1), ContractEnd = new DateOnly(2028, 3, 31),
            };
            o.Reference = OpportunityReferences.Format(o.ReferenceYear, o.ReferenceSequence);
            o.Commissioners.AddRange(commissioners.Select(c => new OpportunityCommissioner { OpportunityId = o.Id, OrganisationId = c.Org.Id, SharePercent = c.Share }));
            db.Opportunities.Add(o);
            return o;
        }

        var joint = Opportunity("Joint", (icb, 50), (council, 50));
        var withThird = Opportunity("With a third", (icb, 50), (third, 50));
        void Contract(Opportunity o, decimal value, ContractStatus status)
        {
            var award = new Award { OpportunityId = o.Id, Value = value, Date = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc), Status = AwardStatus.Active };
            award.Suppliers.Add(new AwardSupplier { AwardId = award.Id, OrganisationId = provider.Id, IsLead = true });
            award.Contracts.Add(new Contract { AwardId = award.Id, Value = value, Start = o.ContractStart, End = o.ContractEnd, Status = status, RecordedAt = DateTime.UtcNow });
            db.Awards.Add(award);
        }

        Contract(joint, 150_000, ContractStatus.Active);
        Contract(joint, 1_000_000, ContractStatus.Cancelled);
        await db.SaveChangesAsync(Cancel);
        var a = new Arranged(icb.Id, council.Id, third.Id, $"icb-{tag}@commonweal.example", $"council-{tag}@commonweal.example", $"third-{tag}@commonweal.example",
            $"provider-{tag}@commonweal.example", joint.Id, withThird.Id);
        await ProcurementTestData.CommissionerAsync(db, a.IcbEmail, icb.Id);
        await ProcurementTestData.CommissionerAsync(db, a.CouncilEmail, council.Id);
        await ProcurementTestData.CommissionerAsync(db, a.ThirdEmail, third.Id);
        await ProcurementTestData.CommissionerAsync(db, a.ProviderEmail, provider.Id, MembershipRole.Admin);
        return a;
    }

    private static object Pool(Arranged a, decimal icbShare = 60, decimal councilShare = 40) => new
    {
        name = "Integrated care fund",
        members = new[] { new { organisation = a.Icb, amount = 600_000m, share = icbShare }, new { organisation = a.Council, amount = 400_000m, share = councilShare } },
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Fact]
    public async Task Get_Pool_ReportsContributionsAndSpendSplitByShares()
    {
        var a = await ArrangeAsync();
        var icb = await factory.SignedInClientAsync(a.IcbEmail);
        var pool = await PlanFiguresTests.PostAsync(icb, "/api/commissioning/pools", Pool(a));
        var link = await icb.PostAsJsonAsync($"/api/commissioning/pools/{pool}/opportunities", new { opportunity = a.Joint }, Cancel);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);

        var council = await factory.SignedInClientAsync(a.CouncilEmail);
        var body = await council.GetFromJsonAsync<JsonElement>($"/api/commissioning/pools/{pool}", Cancel);

        Assert.Equal(1_000_000m, body.GetProperty("totalContribution").GetDecimal());
        Assert.Equal(150_000m, body.GetProperty("totalSpend").GetDecimal());
        var members = body.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("organisationId").GetGuid());
        Assert.Equal(600_000m, members[a.Icb].GetProperty("contribution").GetDecimal());
        Assert.Equal(90_000m, members[a.Icb].GetProperty("spend").GetDecimal());
        Assert.Equal(510_000m, members[a.Icb].GetProperty("remaining").GetDecimal());
        Assert.Equal(60_000m, members[a.Council].GetProperty("spend").GetDecimal());
        Assert.Equal(340_000m, members[a.Council].GetProperty("remaining").GetDecimal());
        Assert.Single(body.GetProperty("contracts").EnumerateArray());
    }

    [Fact]
    public async Task Post_Pool_SharesNotSummingTo100_OrMissing_AreRefusedNamingTheField()
    {
        var a = await ArrangeAsync();
        var icb = await factory.SignedInClientAsync(a.IcbEmail);

        var errors = await ProblemAsync(await icb.PostAsJsonAsync("/api/commissioning/pools", Pool(a, 60, 30), Cancel));
        Assert.Contains("The shares must add up to 100%", errors.GetProperty("members").EnumerateArray().Select(e => e.GetString()));

        var missing = new { name = "Fund", members = new object[] { new { organisation = a.Icb, amount = 1m, share = 100m }, new { organisation = a.Council, amount = 1m } } };
        errors = await ProblemAsync(await icb.PostAsJsonAsync("/api/commissioning/pools", missing, Cancel));
        Assert.True(errors.TryGetProperty("members[1].share", out _), errors.ToString());

        var unknown = new { name = "Fund", members = new[] { new { organisation = a.Icb, amount = 1m, share = 50m }, new { organisation = Guid.NewGuid(), amount = 1m, share = 50m } } };
        errors = await ProblemAsync(await icb.PostAsJsonAsync("/api/commissioning/pools", unknown, Cancel));
        Assert.True(errors.TryGetProperty("members[1].organisation", out _), errors.ToString());
    }

    [Fact]
    public async Task Post_Link_OpportunityWithACommissionerOutsideThePool_IsRefusedNamingThem()
    {
        var a = await ArrangeAsync();
        var icb = await factory.SignedInClientAsync(a.IcbEmail);
        var pool = await PlanFiguresTests.PostAsync(icb, "/api/commissioning/pools", Pool(a));

        var errors = await ProblemAsync(await icb.PostAsJsonAsync($"/api/commissioning/pools/{pool}/opportunities", new { opportunity = a.WithThird }, Cancel));

        var message = errors.GetProperty("opportunity")[0].GetString()!;
        Assert.Contains("must be a member of the pool", message);
        Assert.Contains("Third", message);
        var body = await icb.GetFromJsonAsync<JsonElement>($"/api/commissioning/pools/{pool}", Cancel);
        Assert.Equal(0m, body.GetProperty("totalSpend").GetDecimal());
    }

    [Fact]
    public async Task Pool_IsForItsMembersOnly_NotAnonymousAnotherCommissionerOrAProvider()
    {
        var a = await ArrangeAsync();
        var icb = await factory.SignedInClientAsync(a.IcbEmail);
        var pool = await PlanFiguresTests.PostAsync(icb, "/api/commissioning/pools", Pool(a));
        var third = await factory.SignedInClientAsync(a.ThirdEmail);
        var provider = await factory.SignedInClientAsync(a.ProviderEmail);

        Assert.False((await factory.CreateClient().GetAsync($"/api/commissioning/pools/{pool}", Cancel)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await third.GetAsync($"/api/commissioning/pools/{pool}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/commissioning/pools/{pool}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await third.GetAsync($"/commissioning/pools/{pool}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await third.PostAsJsonAsync($"/api/commissioning/pools/{pool}/opportunities", new { opportunity = a.Joint }, Cancel)).StatusCode);
        // A pool can only be created by a commissioner of one of its members.
        Assert.NotEqual(HttpStatusCode.Created, (await third.PostAsJsonAsync("/api/commissioning/pools", Pool(a), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/commissioning/pools", Pool(a), Cancel)).StatusCode);

        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await icb.GetStringAsync($"/commissioning/pools/{pool}", Cancel), Cancel);
        var rows = page.QuerySelectorAll("tr.cw-pool-member").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("£600,000", rows[0]);
        Assert.Contains("60%", rows[0]);
        var csv = await icb.GetStringAsync($"/commissioning/pools/{pool}?handler=Csv&table=members", Cancel);
        Assert.Contains($"{a.Icb},", csv);
        Assert.Contains("60.00,600000.00,0.00,600000.00", csv);
    }
}
