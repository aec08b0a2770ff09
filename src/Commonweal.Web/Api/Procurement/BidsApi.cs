using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Clarifications;
using Commonweal.Web.Accounts;
using Commonweal.Web.Procurement;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Procurement;

/// <summary>
/// Bids, clarification questions and finding work. Who may read or change a bid is decided by
/// <see cref="BidAccess"/> (through <see cref="SealedBids"/> and <see cref="BidEditing"/>), never here:
/// these endpoints only turn its answers into status codes. Refusals are ProblemDetails with a
/// stable "code"; field errors name the JSON path as the client sent it.
/// </summary>
public static class BidsApi
{
    public static void MapBidsApi(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities/{id:guid}").WithTags("Bids");
        opportunities.MapPost("/bids", Start).WithSummary("Start a draft bid for a lot (an admin of the lead organisation)");
        opportunities.MapGet("/bids", List).WithSummary("The opportunity's submitted bids: its commissioners, after the submission deadline only");
        opportunities.MapGet("/clarifications", Questions).AllowAnonymous().WithTags("Clarifications")
            .WithSummary("Answered clarification questions; unanswered ones too for the commissioners and the organisation that asked");
        opportunities.MapPost("/clarifications", Ask).WithTags("Clarifications").WithSummary("Ask a question, before the clarification deadline (members of a provider organisation)");
        opportunities.MapPost("/clarifications/{questionId:guid}/answer", Answer).WithTags("Clarifications").WithSummary("Answer a question and publish it (the opportunity's commissioners)");

        var bids = api.MapGroup("/bids").WithTags("Bids");
        bids.MapGet("/", Mine).WithSummary("Bids of the organisations you are an admin of, without their content");
        bids.MapGet("/{bidId:guid}", Get).WithSummary("One bid: the bidding organisations' admins; the opportunity's commissioners after the deadline");
        bids.MapPut("/{bidId:guid}", Update).WithSummary("Change a draft bid");
        bids.MapPost("/{bidId:guid}/submit", Submit).WithSummary("Submit a draft bid");
        bids.MapPost("/{bidId:guid}/reopen", Reopen).WithSummary("Return a submitted bid to draft, to change it");
        bids.MapPost("/{bidId:guid}/withdraw", Withdraw).WithSummary("Withdraw a bid");

        api.MapGet("/organisations/{id:guid}/eligible-opportunities", Eligible).WithTags("Bids")
            .WithSummary("Open opportunities, with whether the organisation's passport meets each condition of participation (its members only)");
    }

    public sealed record StartBidRequest(Guid? LeadOrganisationId, Guid? LotId, List<ConsortiumMemberInput>? Consortium, List<AnswerInput>? Answers, decimal? Price);

    public sealed record MemberDto(Guid OrganisationId, string? Name, bool IsLead, string Role, decimal SharePercent);

    public sealed record AnswerDto(Guid CriterionId, string Criterion, decimal Weight, string? Text);

    public sealed record DocumentDto(Guid DocumentId, string FileName, string Sha256);

    public sealed record EvidenceDto(Guid OrganisationId, EvidenceKind Kind, Guid? EvidenceId, EvidenceState StateAtDeadline, DateOnly? Date, IReadOnlyList<DocumentDto> Documents);

    public sealed record BidResponse(
        Guid Id, Guid OpportunityId, Guid? LotId, int? LotNumber, string? LotTitle, BidStatus Status, Guid LeadOrganisationId,
        IReadOnlyList<MemberDto> Consortium, IReadOnlyList<AnswerDto> Answers, decimal? Price,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, IReadOnlyList<EvidenceDto> Evidence);

    public sealed record BidSummary(Guid Id, Guid OpportunityId, string? Opportunity, Guid? LotId, int? LotNumber, string? LotTitle, BidStatus Status,
        Guid LeadOrganisationId, string? Bidder, IReadOnlyList<string?> Members, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt);

    public sealed record SubmittedBid(Guid Id, Guid? LotId, int? LotNumber, string? LotTitle, string? Bidder, IReadOnlyList<MemberDto> Consortium, decimal? Price, DateTimeOffset? SubmittedAt);

    public sealed record BidsResponse(Guid OpportunityId, int Count, IReadOnlyList<SubmittedBid> Bids);

    public sealed record AskRequest(Guid? OrganisationId, string? Question);

    public sealed record AnswerRequest(string? Answer);

    public sealed record ClarificationDto(Guid Id, int Number, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt, bool AskedByYourOrganisation);

    public sealed record ConditionDto(string Condition, ConditionOutcome Outcome, string Reason);

    public sealed record EligibleOpportunity(Guid Id, string Reference, string Title, OpportunityType Type, DateTimeOffset SubmissionDeadline, bool Eligible, IReadOnlyList<ConditionDto> Conditions);

    private static async Task<IResult> Start(BidEditing editing, SealedBids bids, ClaimsPrincipal user, Guid id, StartBidRequest request)
    {
        var lead = request.LeadOrganisationId;
        if (lead is null)
        {
            var admin = user.Memberships().Where(m => m.Role == MembershipRole.Admin).Select(m => m.OrganisationId).Distinct().ToList();
            if (admin.Count != 1)
            {
                return ApiProblems.Field("leadOrganisationId", "Say which organisation is bidding: the lead organisation's id");
            }

            lead = admin[0];
        }

        var draft = new BidDraft { Consortium = request.Consortium ?? [], Answers = request.Answers ?? [], Price = request.Price };
        var outcome = await editing.StartAsync(id, lead.Value, request.LotId, draft, user.BidViewer());
        return outcome.Succeeded ? TypedResults.Created($"/api/bids/{outcome.Bid!.Id}", await DescribeAsync(bids, outcome.Bid.Id, user)) : Refusal(outcome);
    }

    private static async Task<IResult> Update(BidEditing editing, SealedBids bids, ClaimsPrincipal user, Guid bidId, BidDraft draft)
    {
        var outcome = await editing.UpdateAsync(bidId, draft, user.BidViewer());
        return outcome.Succeeded ? TypedResults.Ok(await DescribeAsync(bids, bidId, user)) : Refusal(outcome);
    }

    private static async Task<IResult> Submit(BidEditing editing, SealedBids bids, ClaimsPrincipal user, Guid bidId) =>
        await After(bids, user, bidId, await editing.SubmitAsync(bidId, user.BidViewer()));

    private static async Task<IResult> Reopen(BidEditing editing, SealedBids bids, ClaimsPrincipal user, Guid bidId) =>
        await After(bids, user, bidId, await editing.ReopenAsync(bidId, user.BidViewer()));

    private static async Task<IResult> Withdraw(BidEditing editing, SealedBids bids, ClaimsPrincipal user, Guid bidId) =>
        await After(bids, user, bidId, await editing.WithdrawAsync(bidId, user.BidViewer()));

    private static async Task<IResult> After(SealedBids bids, ClaimsPrincipal user, Guid bidId, BidOutcome outcome) =>
        outcome.Succeeded ? TypedResults.Ok(await DescribeAsync(bids, bidId, user)) : Refusal(outcome);

    private static async Task<IResult> Get(SealedBids bids, ClaimsPrincipal user, Guid bidId)
    {
        var view = await bids.ReadAsync(bidId, user.BidViewer());
        return view.Access.Allowed ? TypedResults.Ok(Describe(view)) : Denied(view.Access);
    }

    private static async Task<IResult> List(SealedBids bids, ClaimsPrincipal user, Guid id)
    {
        var list = await bids.ListAsync(id, user.BidViewer());
        if (!list.Access.Allowed)
        {
            var extensions = new Dictionary<string, object?> { ["code"] = list.Access.Code };
            if (list.Access.Code == BidErrors.Sealed && BidAccess.CanCount(list.Opportunity!, user.BidViewer()))
            {
                // Commissioners may know how many have been submitted, never who.
                extensions["submittedCount"] = list.SubmittedCount;
            }

            return list.Access.Code == BidErrors.NotFound
                ? ApiProblems.NotFound("Opportunity")
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: list.Access.Reason, extensions: extensions);
        }

        return TypedResults.Ok(new BidsResponse(id, list.Bids.Count, [.. list.Bids.Select(b => new SubmittedBid(
            b.Bid.Id, b.Bid.LotId, b.Bid.Lot?.Number, b.Bid.Lot?.Title, b.Bid.LeadOrganisation?.Name, Members(b.Bid), b.Content.Price, Utc(b.Bid.SubmittedAt)))]));
    }

    private static async Task<IResult> Mine(SealedBids bids, ClaimsPrincipal user) =>
        TypedResults.Ok((await bids.MineAsync(user.BidViewer())).Select(b => new BidSummary(
            b.Id, b.OpportunityId, b.Opportunity?.Title, b.LotId, b.Lot?.Number, b.Lot?.Title, b.Status, b.LeadOrganisationId, b.LeadOrganisation?.Name,
            [.. b.Members.OrderByDescending(m => m.IsLead).Select(m => m.Organisation?.Name)], Utc(b.UpdatedAt)!.Value, Utc(b.SubmittedAt))).ToList());

    private static async Task<IResult> Eligible(CommonwealDbContext db, ClaimsPrincipal user, TimeProvider time, Guid id, bool eligibleOnly = false)
    {
        // The answer reveals the passport's contents, so it is for the organisation's own members, like the passport.
        if (!user.IsMemberOf(id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the organisation's members can see how its passport meets opportunities' conditions.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id))
        {
            return ApiProblems.NotFound("Organisation");
        }

        var findings = await ParticipationCheck.ForOrganisationAsync(db, id, time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(findings.Where(f => !eligibleOnly || f.Eligible).Select(f => new EligibleOpportunity(
            f.Opportunity.Id, f.Opportunity.Reference, f.Opportunity.Title, f.Opportunity.Type, Utc(f.Opportunity.SubmissionDeadline)!.Value, f.Eligible,
            [.. f.Conditions.Select(c => new ConditionDto(c.Condition, c.Outcome, c.Reason))])).ToList());
    }

    private static async Task<IResult> Questions(CommonwealDbContext db, ClaimsPrincipal user, Guid id)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        return TypedResults.Ok((await Clarifications.VisibleAsync(db, o, user.BidViewer())).Select(Describe).ToList());
    }

    private static async Task<IResult> Ask(CommonwealDbContext db, ClaimsPrincipal user, TimeProvider time, Guid id, AskRequest request)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        var (result, question) = await Clarifications.AskAsync(db, o, user.BidViewer(), request.OrganisationId, request.Question, time.GetUtcNow().UtcDateTime);
        return result.Succeeded
            ? TypedResults.Created($"/api/opportunities/{id}/clarifications", Describe(new ClarificationView(question!.Id, question.Number, question.Question, question.AskedAt, null, null, true)))
            : Refusal(result);
    }

    private static async Task<IResult> Answer(CommonwealDbContext db, ClaimsPrincipal user, TimeProvider time, Guid id, Guid questionId, AnswerRequest request)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        var result = await Clarifications.AnswerAsync(db, o, user.BidViewer(), questionId, request.Answer, time.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        var published = (await Clarifications.VisibleAsync(db, o, user.BidViewer())).First(q => q.Id == questionId);
        return TypedResults.Ok(Describe(published));
    }

    private static async Task<BidResponse> DescribeAsync(SealedBids bids, Guid bidId, ClaimsPrincipal user) =>
        Describe(await bids.ReadAsync(bidId, user.BidViewer()));

    private static ClarificationDto Describe(ClarificationView q) =>
        new(q.Id, q.Number, q.Question, Utc(q.AskedAt)!.Value, q.Answer, Utc(q.AnsweredAt), q.AskedByYourOrganisation);

    internal static BidResponse Describe(BidView view)
    {
        var (bid, o, content) = (view.Bid!, view.Opportunity!, view.Content!);
        return new BidResponse(
            bid.Id, bid.OpportunityId, bid.LotId, bid.Lot?.Number, bid.Lot?.Title, bid.Status, bid.LeadOrganisationId, Members(bid),
            [.. o.Criteria.OrderBy(c => c.Order).Select(c => new AnswerDto(c.Id, c.Name, c.Weight, content.AnswerTo(c.Id)))],
            content.Price, Utc(bid.CreatedAt)!.Value, Utc(bid.UpdatedAt)!.Value, Utc(bid.SubmittedAt),
            [.. bid.Evidence.OrderBy(e => e.OrganisationId != bid.LeadOrganisationId).ThenBy(e => e.Kind).Select(e => new EvidenceDto(
                e.OrganisationId, e.Kind, e.EvidenceId, e.StateAtDeadline, e.Date, [.. e.Documents.Select(d => new DocumentDto(d.DocumentId, d.FileName, d.Sha256))]))]);
    }

    private static List<MemberDto> Members(Bid bid) =>
        [.. bid.Members.OrderByDescending(m => m.IsLead).ThenByDescending(m => m.SharePercent).Select(m => new MemberDto(m.OrganisationId, m.Organisation?.Name, m.IsLead, m.Role, m.SharePercent))];

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    /// <summary>401, 403 or 404 for a read the rules refused, with the rule's reason.</summary>
    private static IResult Denied(BidAccessResult access) => access.Code switch
    {
        BidErrors.NotFound => ApiProblems.NotFound("Bid"),
        BidErrors.SignInRequired => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: access.Reason, extensions: Code(access.Code)),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: access.Reason, extensions: Code(access.Code)),
    };

    private static IResult Refusal(BidOutcome outcome) =>
        outcome.Validation is { IsValid: false } validation ? Validation(validation, outcome.Result) : Refusal(outcome.Result);

    private static IResult Refusal(BidResult result)
    {
        if (result.Field is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field] = [result.Message!] },
                title: "The request has errors", extensions: Code(result.ErrorCode));
        }

        var status = result.ErrorCode switch
        {
            BidErrors.NotFound => StatusCodes.Status404NotFound,
            BidErrors.SignInRequired => StatusCodes.Status401Unauthorized,
            BidErrors.NotAllowed or BidErrors.Sealed => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return TypedResults.Problem(statusCode: status, title: result.Message, extensions: Code(result.ErrorCode));
    }

    private static ValidationProblem Validation(ValidationResult validation, BidResult result) =>
        TypedResults.ValidationProblem(
            validation.Errors.GroupBy(e => ProcurementApi.JsonPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: result.ErrorCode == BidErrors.Incomplete ? result.Message : "The request has errors", extensions: Code(result.ErrorCode));

    private static Dictionary<string, object?> Code(string? code) => new() { ["code"] = code };
}
