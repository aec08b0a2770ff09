using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.TestSupport;
using Commonweal.Tests.Procurement.Bids;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Evaluation;

/// <summary>An opportunity of the ICB's whose deadline has passed with submitted bids, and the people to evaluate it.</summary>
public static class EvaluationTestData
{
    public const string Kitchen = "Bow Community Kitchen";
    public const string Stepney = "Stepney Money Advice";
    public const string Poplar = "Poplar Peer Support Network";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed record Arranged(Opportunity Opportunity, IReadOnlyDictionary<string, Guid> Bids)
    {
        public Guid Id => Opportunity.Id;

        public IEnumerable<AwardCriterion> Quality => Opportunity.Criteria.Where(c => c.Kind != CriterionKind.Value).OrderBy(c => c.Order);
    }

    /// <summary>
    /// The fair two-lot contract, with a submitted bid per (organisation, lot, price), sealed as any
    /// bid is; the submission deadline then passed a minute ago.
    /// </summary>
    public static async Task<Arranged> ClosedWithBidsAsync(this CommonwealFactory factory, params (string Organisation, int Lot, decimal Price)[] bids)
    {
        var o = await factory.PublishedAsync();
        var sealer = factory.Service<BidSealer>();
        var ids = new Dictionary<string, Guid>();
        await using (var db = factory.CreateDbContext())
        {
            var minute = 0;
            foreach (var (organisation, lot, price) in bids)
            {
                var lead = await db.Organisations.Where(x => x.Name == organisation).Select(x => x.Id).SingleAsync(Cancel);
                var lotId = o.Lots.Single(l => l.Number == lot).Id;
                var content = new BidContent { Answers = [.. o.Criteria.Select(c => new BidAnswer(c.Id, $"{organisation}'s answer on {c.Name}"))], Price = price };
                var bid = new Bid
                {
                    OpportunityId = o.Id, LotId = lotId, LeadOrganisationId = lead, Status = BidStatus.Submitted,
                    LiveKey = Bid.LiveKeyFor(o.Id, lotId, lead), SealedContent = sealer.Seal(o.Id, content),
                    CreatedAt = db.Now, UpdatedAt = db.Now, SubmittedAt = db.Now.AddMinutes(++minute),
                };
                bid.Members.Add(new BidMember { BidId = bid.Id, OrganisationId = lead, IsLead = true, Role = "Sole bidder", SharePercent = 100m });
                db.Bids.Add(bid);
                ids[organisation] = bid.Id;
            }

            await db.SaveChangesAsync(Cancel);
        }

        await factory.PassDeadlineAsync(o.Id);
        await using var read = factory.CreateDbContext();
        return new Arranged(await read.Opportunities.AsNoTracking().WithDetails().SingleAsync(x => x.Id == o.Id, Cancel), ids);
    }

    /// <summary>A new user with the Evaluator role at the ICB, signed in.</summary>
    public static async Task<(HttpClient Client, string Email)> NewEvaluatorAsync(this CommonwealFactory factory)
    {
        var email = $"evaluator-{Guid.NewGuid():N}@commonweal.example";
        var icb = await factory.OrganisationAsync(BidTestData.Icb);
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, icb, MembershipRole.Evaluator);
        }

        return (await factory.SignedInClientAsync(email), email);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task AssignAsync(HttpClient commissioner, Guid opportunityId, string email) =>
        await OkAsync(await commissioner.PostAsJsonAsync($"/api/opportunities/{opportunityId}/evaluators", new { email }, Cancel), HttpStatusCode.Created);

    /// <summary>Declares no interest in any bidder.</summary>
    public static async Task DeclareNoInterestAsync(this CommonwealFactory factory, HttpClient evaluator, Arranged a, string? interestIn = null)
    {
        var declarations = new List<object>();
        foreach (var name in a.Bids.Keys)
        {
            var id = await factory.OrganisationAsync(name);
            declarations.Add(name == interestIn
                ? new { organisationId = id, hasInterest = true, description = (string?)"My partner is a trustee." }
                : new { organisationId = id, hasInterest = false, description = (string?)null });
        }

        await OkAsync(await evaluator.PostAsJsonAsync($"/api/opportunities/{a.Id}/declarations", new { declarations }, Cancel), HttpStatusCode.Created);
    }

    /// <summary>The same score on every quality criterion, with a comment.</summary>
    public static object Scores(Arranged a, int score, string? text = "Reasoned") =>
        new { scores = a.Quality.Select(c => new { criterionId = c.Id, score, comment = text, reason = text }).ToList() };
}
