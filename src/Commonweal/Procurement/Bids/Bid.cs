using Commonweal.Data;
using Commonweal.Passport;

namespace Commonweal.Procurement.Bids;

public enum BidStatus
{
    Draft,
    Submitted,
    Withdrawn,
}

/// <summary>
/// A bid for one lot of an opportunity (or the whole opportunity when it has no lots), by one
/// organisation or a consortium led by one. What the bid says (answers and price) is held only as
/// ciphertext, sealed with a key for the opportunity; it is opened through <see cref="SealedBids"/>,
/// which decides who may read it and when.
/// </summary>
public sealed class Bid
{
    public const int RoleMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }

    /// <summary>Null when the opportunity has no lots.</summary>
    public Guid? LotId { get; set; }
    public Lot? Lot { get; set; }

    public Guid LeadOrganisationId { get; set; }
    public Organisations.Organisation? LeadOrganisation { get; set; }
    public BidStatus Status { get; set; } = BidStatus.Draft;

    /// <summary>
    /// Set while the bid is live (a draft or submitted) and cleared when it is withdrawn: unique, so
    /// that an organisation holds one live bid per lot even when two requests race.
    /// </summary>
    public string? LiveKey { get; set; }

    /// <summary>The answers and price (<see cref="BidContent"/>), encrypted with ASP.NET Core Data Protection.</summary>
    public string? SealedContent { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Optimistic concurrency: two admins of the lead organisation never overwrite each other unseen.</summary>
    public int Version { get; set; }

    /// <summary>Every organisation in the bid, the lead included; a bid by one organisation has one member with 100%.</summary>
    public List<BidMember> Members { get; set; } = [];

    /// <summary>The passport evidence the bid relied on when it was submitted.</summary>
    public List<BidEvidence> Evidence { get; set; } = [];

    public bool IsConsortium => Members.Count > 1;

    public static string LiveKeyFor(Guid opportunityId, Guid? lotId, Guid organisationId) =>
        $"{opportunityId:N}/{(lotId is { } lot ? lot.ToString("N") : "whole")}/{organisationId:N}";
}

/// <summary>One organisation of a bid: the lead or a consortium member, with its role and share of the work.</summary>
public sealed class BidMember
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid BidId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }
    public bool IsLead { get; set; }
    public required string Role { get; set; }

    /// <summary>Percent of the work; the shares of a bid sum to 100.</summary>
    public decimal SharePercent { get; set; }
}

/// <summary>
/// Which item of passport evidence a bid relied on, as it stood when the bid was submitted: the item
/// and its documents are referred to, never copied (no document is uploaded twice).
/// </summary>
public sealed class BidEvidence
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid BidId { get; set; }
    public Guid OrganisationId { get; set; }
    public EvidenceKind Kind { get; set; }

    /// <summary>Null when the organisation held nothing of this kind.</summary>
    public Guid? EvidenceId { get; set; }

    /// <summary>How the item stood at the submission deadline, as far as could be known when the bid was submitted.</summary>
    public EvidenceState StateAtDeadline { get; set; }

    /// <summary>The date that decides the state (expiry, review, renewal).</summary>
    public DateOnly? Date { get; set; }

    public DateTime RecordedAt { get; set; }
    public List<BidEvidenceDocument> Documents { get; set; } = [];
}

/// <summary>A passport document behind the evidence, named by id and hash so that a later change is noticed.</summary>
public sealed class BidEvidenceDocument
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid BidEvidenceId { get; set; }
    public Guid DocumentId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
}

/// <summary>What a bid says: the sealed part. Evaluation reads the answers per criterion and the price.</summary>
public sealed record BidContent
{
    public const int AnswerMaxLength = 10_000;

    public IReadOnlyList<BidAnswer> Answers { get; init; } = [];

    /// <summary>Pounds, for the lot over the whole term.</summary>
    public decimal? Price { get; init; }

    public string? AnswerTo(Guid criterionId) => Answers.FirstOrDefault(a => a.CriterionId == criterionId)?.Text;
}

public sealed record BidAnswer(Guid CriterionId, string Text);
