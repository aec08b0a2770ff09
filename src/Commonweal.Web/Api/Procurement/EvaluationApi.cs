using System.Security.Claims;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Accounts;
using Commonweal.Web.Procurement;

namespace Commonweal.Web.Api.Procurement;

/// <summary>
/// Evaluation: evaluators and their declarations, scores, moderation, ranking, the intention to
/// award and each bidder's letter. The rules live in <see cref="Evaluations"/> and
/// <see cref="BidAccess"/>; these endpoints turn their answers into status codes. Field errors name
/// the JSON path as the client sent it (<c>scores[1].score</c>).
/// </summary>
public static class EvaluationApi
{
    public static void MapEvaluationApi(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities/{id:guid}").WithTags("Evaluation");
        opportunities.MapPost("/evaluators", Assign).WithSummary("Assign an evaluator (the opportunity's commissioners)");
        opportunities.MapPost("/declarations", Declare).WithSummary("Declare your interests in every bidder (an assigned evaluator, after the deadline)");
        opportunities.MapPost("/start-evaluation", Start).WithSummary("Start evaluation after the submission deadline (the opportunity's commissioners)");
        opportunities.MapPut("/evaluation-settings", Settings).WithSummary("Set the outcome-linked payment share the contracts will carry");
        opportunities.MapPost("/intention-to-award", Issue).WithSummary("Issue the intention to award and the letters; starts the standstill");
        opportunities.MapGet("/ranking", GetRanking).WithSummary("Weighted totals and ranking per lot (the opportunity's commissioners)");

        var bids = api.MapGroup("/bids/{bidId:guid}").WithTags("Evaluation");
        bids.MapPut("/scores", Score).WithSummary("Your own scores for a bid, per non-price criterion, 0 to 5");
        bids.MapPut("/consensus", Moderate).WithSummary("Consensus scores for a bid; a reason wherever one differs from an evaluator's score");
        bids.MapGet("/letter", Letter).WithSummary("The bid's intention-to-award letter (the bidder)");
    }

    public sealed record AssignRequest(string? Email, Guid? UserId);

    public sealed record DeclarationsRequest(List<DeclarationInput>? Declarations);

    public sealed record ScoresRequest(List<ScoreInput>? Scores);

    public sealed record ConsensusRequest(List<ConsensusInput>? Scores);

    public sealed record SettingsRequest(decimal? OutcomeLinkedPaymentPercent);

    public sealed record EvaluatorDto(Guid UserId, string? Name, DateTimeOffset AssignedAt, DateTimeOffset? DeclaredAt, IReadOnlyList<DeclarationDto> Declarations);

    public sealed record DeclarationDto(Guid OrganisationId, string? Organisation, bool HasInterest, string? Description, DateTimeOffset DeclaredAt);

    public sealed record ScoreDto(Guid CriterionId, int Score, string? Comment, DateTimeOffset ScoredAt);

    public sealed record ConsensusDto(Guid CriterionId, int Score, string? Reason, DateTimeOffset ModeratedAt);

    public sealed record CriterionDto(Guid CriterionId, string Name, bool IsPrice, decimal Weight, decimal? Score, decimal? Weighted, string? Reason);

    public sealed record RankedBidDto(Guid BidId, Guid? LotId, int? LotNumber, string Bidder, decimal? Price, int Rank, decimal QualityTotal, decimal PriceTotal, decimal Total, bool Complete, IReadOnlyList<CriterionDto> Criteria);

    public sealed record RankingResponse(Guid OpportunityId, string Status, bool Complete, string PriceFormula, string TotalFormula, string TieRule, IReadOnlyList<RankedBidDto> Bids);

    private static async Task<IResult> Assign(Evaluations evaluations, ClaimsPrincipal user, Guid id, AssignRequest request)
    {
        var result = await evaluations.AssignAsync(id, user.BidViewer(), request.UserId, request.Email);
        return result.Succeeded
            ? TypedResults.Created($"/api/opportunities/{id}/evaluators", (await evaluations.EvaluatorsAsync(id)).Select(Describe).ToList())
            : Refusal(result);
    }

    private static async Task<IResult> Declare(Evaluations evaluations, ClaimsPrincipal user, Guid id, DeclarationsRequest request)
    {
        var result = await evaluations.DeclareAsync(id, user.BidViewer(), request.Declarations);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        var mine = (await evaluations.EvaluatorsAsync(id)).First(e => e.UserId == user.UserId());
        return TypedResults.Created($"/api/opportunities/{id}/declarations", Describe(mine));
    }

    private static async Task<IResult> Start(Evaluations evaluations, ClaimsPrincipal user, Guid id) =>
        await Status(evaluations, id, await evaluations.StartAsync(id, user.BidViewer()));

    private static async Task<IResult> Settings(Evaluations evaluations, ClaimsPrincipal user, Guid id, SettingsRequest request)
    {
        var result = await evaluations.SetOutcomeLinkedShareAsync(id, user.BidViewer(), request.OutcomeLinkedPaymentPercent);
        return result.Succeeded
            ? TypedResults.Ok(new { outcomeLinkedPaymentPercent = (await evaluations.SettingsAsync(id))!.OutcomeLinkedPaymentPercent })
            : Refusal(result);
    }

    private static async Task<IResult> Issue(Evaluations evaluations, ClaimsPrincipal user, Guid id) =>
        await Status(evaluations, id, await evaluations.IssueIntentionAsync(id, user.BidViewer()));

    private static async Task<IResult> Status(Evaluations evaluations, Guid id, EvaluationResult result)
    {
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        var o = (await evaluations.OpportunityAsync(id))!;
        return TypedResults.Ok(new { id, status = o.Status.ToString(), standstillEndsAt = Utc(o.StandstillEndsAt) });
    }

    private static async Task<IResult> GetRanking(Evaluations evaluations, ClaimsPrincipal user, Guid id)
    {
        var ranking = await evaluations.RankingAsync(id, user.BidViewer());
        if (!ranking.Access.Succeeded)
        {
            return Refusal(ranking.Access);
        }

        var o = ranking.Opportunity!;
        return TypedResults.Ok(new RankingResponse(id, o.Status.ToString(), ranking.Complete,
            EvaluationScoring.PriceFormula, EvaluationScoring.TotalFormula, EvaluationScoring.TieRule,
            [.. ranking.Bids.Select(r => new RankedBidDto(r.Bid.BidId, r.Bid.LotId, o.Lots.FirstOrDefault(l => l.Id == r.Bid.LotId)?.Number, r.Bid.Bidder, r.Bid.Price,
                r.Rank, r.QualityTotal, r.PriceTotal, r.Total, r.Complete,
                [.. r.Criteria.Select(c => new CriterionDto(c.CriterionId, c.Name, c.IsPrice, c.Weight, c.Score, c.Weighted, c.Reason))]))]));
    }

    private static async Task<IResult> Score(Evaluations evaluations, ClaimsPrincipal user, Guid bidId, ScoresRequest request)
    {
        var result = await evaluations.ScoreAsync(bidId, user.BidViewer(), request.Scores);
        return result.Succeeded
            ? TypedResults.Ok((await evaluations.ScoresAsync(bidId, user.UserId())).Select(s => new ScoreDto(s.CriterionId, s.Score, s.Comment, Utc(s.ScoredAt)!.Value)).ToList())
            : Refusal(result);
    }

    private static async Task<IResult> Moderate(Evaluations evaluations, ClaimsPrincipal user, Guid bidId, ConsensusRequest request)
    {
        var result = await evaluations.ModerateAsync(bidId, user.BidViewer(), request.Scores);
        return result.Succeeded
            ? TypedResults.Ok((await evaluations.ConsensusAsync(bidId)).Select(s => new ConsensusDto(s.CriterionId, s.Score, s.Reason, Utc(s.ModeratedAt)!.Value)).ToList())
            : Refusal(result);
    }

    private static async Task<IResult> Letter(Evaluations evaluations, ClaimsPrincipal user, Guid bidId)
    {
        var (result, letter) = await evaluations.LetterAsync(bidId, user.BidViewer());
        return result.Succeeded ? TypedResults.Ok(letter) : Refusal(result);
    }

    private static EvaluatorDto Describe(Evaluator e) =>
        new(e.UserId, e.User?.DisplayName, Utc(e.AssignedAt)!.Value, Utc(e.DeclaredAt),
            [.. e.Declarations.OrderBy(d => d.Organisation?.Name).Select(d => new DeclarationDto(d.OrganisationId, d.Organisation?.Name, d.HasInterest, d.Description, Utc(d.DeclaredAt)!.Value))]);

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private static IResult Refusal(EvaluationResult result)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = result.ErrorCode };
        if (result.Errors is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: result.Message, extensions: extensions);
        }

        var status = result.ErrorCode switch
        {
            EvaluationErrors.NotFound or BidErrors.NotFound => StatusCodes.Status404NotFound,
            BidErrors.SignInRequired => StatusCodes.Status401Unauthorized,
            EvaluationErrors.NotAllowed or BidErrors.NotAllowed or BidErrors.Sealed or BidErrors.DeclarationRequired or BidErrors.ConflictOfInterest => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return TypedResults.Problem(statusCode: status, title: result.Message, extensions: extensions);
    }
}
