using Commonweal.Data;
using Commonweal.Organisations;

namespace Commonweal.Procurement.Awards;

public enum AwardStatus
{
    /// <summary>Intention to award sent; not in force until the standstill is over.</summary>
    Pending,
    Active,
    Cancelled,
}

public enum ContractStatus
{
    /// <summary>Recorded but not yet signed.</summary>
    Pending,
    Active,
    Cancelled,
    Terminated,
}

/// <summary>
/// The award of an opportunity (or one of its lots) to a supplier, or to a consortium: one lead
/// and its members. Made pending at the intention to award, active once the standstill is over.
/// </summary>
public sealed class Award
{
    public const string Pounds = "GBP";

    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }

    /// <summary>Null when the opportunity is not divided into lots.</summary>
    public Guid? LotId { get; set; }
    public Lot? Lot { get; set; }

    /// <summary>Over the whole term, in <see cref="Currency"/>; null only for imported awards that publish none.</summary>
    public decimal? Value { get; set; }

    /// <summary>ISO 4217: GBP for everything made here; imported awards keep their publisher's currency.</summary>
    public string Currency { get; set; } = Pounds;

    /// <summary>The date of the decision to award (the intention to award, for awards made here).</summary>
    public DateTime Date { get; set; }
    public AwardStatus Status { get; set; } = AwardStatus.Pending;
    public DateTime? IntentionToAwardAt { get; set; }
    public DateTime? StandstillEndsAt { get; set; }

    /// <summary>When the award came into force, the standstill being over.</summary>
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>The publisher's award id, for awards imported from OCDS; null for awards made here.</summary>
    public string? OcdsId { get; set; }
    public string? Title { get; set; }

    public List<AwardSupplier> Suppliers { get; set; } = [];
    public List<Contract> Contracts { get; set; } = [];

    public AwardSupplier? Lead => Suppliers.FirstOrDefault(s => s.IsLead) ?? Suppliers.FirstOrDefault();
}

/// <summary>One supplier of an award: the lead, or a member of the lead's consortium.</summary>
public sealed class AwardSupplier
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid AwardId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsLead { get; set; }
}

/// <summary>The contract (or grant agreement) that follows an award.</summary>
public sealed class Contract
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid AwardId { get; set; }
    public Award? Award { get; set; }

    public decimal? Value { get; set; }
    public string Currency { get; set; } = Award.Pounds;
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public ContractStatus Status { get; set; } = ContractStatus.Pending;

    /// <summary>
    /// Percent (0 to 100) of the value held against outcome targets, paid as the outcomes are
    /// shown to be met (read by the outcomes capability).
    /// </summary>
    public decimal OutcomeLinkedPaymentPercent { get; set; }

    public DateTime? SignedAt { get; set; }

    /// <summary>When the contract was recorded here (or first published, for imported ones).</summary>
    public DateTime RecordedAt { get; set; }

    public string? OcdsId { get; set; }
    public string? Title { get; set; }
}
