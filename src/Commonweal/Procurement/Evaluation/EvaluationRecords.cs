using Commonweal.Data;

namespace Commonweal.Procurement.Evaluation;

/// <summary>
/// An opportunity's evaluation as a whole: when it started, when the intention to award was issued,
/// the outcome-linked payment share its contracts will carry, and whether they have been recorded.
/// </summary>
public sealed class OpportunityEvaluation
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }

    /// <summary>Percent (0 to 100) of each contract's value held against outcome targets; set by a commissioner.</summary>
    public decimal OutcomeLinkedPaymentPercent { get; set; }

    public DateTime? StartedAt { get; set; }
    public Guid? StartedByUserId { get; set; }
    public DateTime? IntentionIssuedAt { get; set; }

    /// <summary>Set once the contracts have been recorded after the standstill: the clock's work is done.</summary>
    public DateTime? ContractsRecordedAt { get; set; }
}

/// <summary>A user a commissioner asked to score an opportunity's bids, and when they declared their interests.</summary>
public sealed class Evaluator
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public DateTime AssignedAt { get; set; }
    public Guid? AssignedByUserId { get; set; }

    /// <summary>Null until the evaluator has declared for every bidder; no bid opens for them before.</summary>
    public DateTime? DeclaredAt { get; set; }

    public List<ConflictDeclaration> Declarations { get; set; } = [];
}

/// <summary>What one evaluator declared about one bidding organisation: no interest, or an interest described.</summary>
public sealed class ConflictDeclaration
{
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; } = NewId.Next();
    public Guid EvaluatorId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }
    public bool HasInterest { get; set; }
    public string? Description { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>One evaluator's score for one criterion of one bid: private to the evaluator until moderation.</summary>
public sealed class EvaluatorScore
{
    public const int CommentMaxLength = 4000;

    public Guid Id { get; set; } = NewId.Next();
    public Guid BidId { get; set; }
    public Guid CriterionId { get; set; }
    public Guid EvaluatorUserId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTime ScoredAt { get; set; }
}

/// <summary>The moderated score for one criterion of one bid, with the moderator's reason (shown in the letters).</summary>
public sealed class ConsensusScore
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid BidId { get; set; }
    public Guid CriterionId { get; set; }
    public int Score { get; set; }
    public string? Reason { get; set; }
    public Guid? ModeratedByUserId { get; set; }
    public DateTime ModeratedAt { get; set; }
}

/// <summary>
/// The intention-to-award letter to one bidder, as issued: its content is kept as it was sent
/// (JSON of <see cref="LetterContent"/>), so a later change anywhere cannot rewrite it.
/// </summary>
public sealed class AwardLetter
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public Guid BidId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime StandstillEndsAt { get; set; }
    public required string Content { get; set; }
}

/// <summary>A letter's content: the bidder's scores and total beside the winner's, with the reasons.</summary>
public sealed record LetterContent(
    Guid OpportunityId, string Reference, string Opportunity, int? LotNumber, string? LotTitle, string Bidder, bool Successful, int Rank, int BidCount,
    string Winner, IReadOnlyList<LetterLine> Lines, decimal Total, decimal WinnerTotal, DateTime IssuedAt, DateTime StandstillEndsAt);

/// <summary>One criterion in a letter: the bidder's score and weighted score, the winner's, and the moderator's reasons.</summary>
public sealed record LetterLine(string Criterion, decimal Weight, decimal Score, decimal Weighted, decimal WinnerScore, decimal WinnerWeighted, string? Reason, string? WinnerReason);

/// <summary>
/// What the sealed-bid rules need to know about an assigned evaluator: whether they have declared,
/// and the bidding organisations they declared an interest in.
/// </summary>
public sealed record EvaluatorStanding(bool Declared, IReadOnlySet<Guid> InterestsIn);
