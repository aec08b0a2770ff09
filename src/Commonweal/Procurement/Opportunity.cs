using Commonweal.Data;
using Commonweal.Passport;

namespace Commonweal.Procurement;

/// <summary>
/// Work a commissioner (or several, jointly) offers: a grant, a contract, an APMS contract or a
/// framework call-off, under a named process, in lots. Bids, evaluation and award notices attach
/// to the opportunity and its lots by id.
/// </summary>
public sealed class Opportunity
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = NewId.Next();

    /// <summary>People-facing reference, CW-yyyy-nnnnn; unique through (year, sequence).</summary>
    public string Reference { get; set; } = "";
    public int ReferenceYear { get; set; }
    public int ReferenceSequence { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public OpportunityType Type { get; set; }
    public ProcurementProcess Process { get; set; }
    public OpportunityStatus Status { get; set; } = OpportunityStatus.Draft;

    /// <summary>Whole pounds, over the whole term.</summary>
    public long TotalValue { get; set; }
    public DateOnly ContractStart { get; set; }
    public DateOnly ContractEnd { get; set; }

    /// <summary>When mobilisation may begin, if not from publication.</summary>
    public DateOnly? MobilisationStart { get; set; }

    // Timetable. Deadlines are instants (UTC); the other milestones are days.
    public DateOnly PublicationDate { get; set; }
    public DateTime ClarificationDeadline { get; set; }
    public DateTime SubmissionDeadline { get; set; }
    public DateOnly EvaluationEnd { get; set; }
    public DateTime? StandstillStartedAt { get; set; }
    public DateTime? StandstillEndsAt { get; set; }

    // Conditions of participation.
    public long? MinimumAnnualTurnover { get; set; }
    public long? MinimumPublicLiabilityCover { get; set; }
    public long? MinimumEmployersLiabilityCover { get; set; }
    public List<string> RequiredRegistrations { get; set; } = [];

    public Guid? IncumbentOrganisationId { get; set; }
    public Organisations.Organisation? IncumbentOrganisation { get; set; }
    public string? PerformanceAssessmentUrl { get; set; }

    // Publishing and the fairness check.
    public DateTime? PublishedAt { get; set; }
    public string? FairnessOverrideReason { get; set; }
    public Guid? FairnessOverriddenByUserId { get; set; }

    /// <summary>JSON: the fairness findings when published, shown with the notice.</summary>
    public string? FairnessFindingsAtPublication { get; set; }

    /// <summary>Set when published: no fairness errors and a lot within a small organisation's reach.</summary>
    public bool SuitableForSmallOrganisations { get; set; }

    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two writers (a person and the clock) never both move the same opportunity.</summary>
    public int Version { get; set; }

    public List<OpportunityCommissioner> Commissioners { get; set; } = [];
    public List<Lot> Lots { get; set; } = [];
    public List<AwardCriterion> Criteria { get; set; } = [];
    public List<OpportunityNeed> Needs { get; set; } = [];
    public List<OpportunityArea> Areas { get; set; } = [];
    public List<OpportunityEvidence> RequiredEvidence { get; set; } = [];
    public List<OpportunityTransition> Transitions { get; set; } = [];

    public bool IsPublic => PublishedAt is not null;

    /// <summary>Annual value: the total over the term in years, or the total for a term of a year or less.</summary>
    public long AnnualValue => Annualise(TotalValue);

    /// <summary>
    /// The term in years, the end date included: whole months count as twelfths of a year (so
    /// 1 April 2027 to 31 March 2030 is exactly 3), and any days left over as days.
    /// </summary>
    public double TermYears
    {
        get
        {
            var endExclusive = ContractEnd.AddDays(1);
            var months = ((endExclusive.Year - ContractStart.Year) * 12) + endExclusive.Month - ContractStart.Month;
            if (months > 0 && ContractStart.AddMonths(months) > endExclusive)
            {
                months--;
            }

            months = Math.Max(0, months);
            var rest = endExclusive.DayNumber - ContractStart.AddMonths(months).DayNumber;
            return Math.Max(0, (months / 12.0) + (rest / 365.25));
        }
    }

    public long Annualise(long value) => TermYears <= 1 ? value : (long)Math.Round(value / TermYears);
}

/// <summary>One commissioner of a (possibly joint) opportunity and its share of the budget.</summary>
public sealed class OpportunityCommissioner
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }

    /// <summary>Percent of the budget; the shares of an opportunity sum to 100.</summary>
    public decimal SharePercent { get; set; }
}

public sealed class Lot
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>Whole pounds over the whole term.</summary>
    public long Value { get; set; }
}

public sealed class AwardCriterion
{
    public const int DescriptorCount = 6;

    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public CriterionKind Kind { get; set; }

    /// <summary>Percent; the weights of an opportunity sum to 100.</summary>
    public decimal Weight { get; set; }

    /// <summary>What a score of 0, 1, 2, 3, 4 and 5 means, published with the criterion.</summary>
    public List<string> Descriptors { get; set; } = [];
}

public sealed class OpportunityNeed
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }

    /// <summary>A term of the needs taxonomy (<see cref="Directory.NeedsTaxonomy"/>).</summary>
    public Guid TaxonomyTermId { get; set; }
}

public sealed class OpportunityArea
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }

    /// <summary>A postcode outcode such as E14.</summary>
    public required string Outcode { get; set; }
}

public sealed class OpportunityEvidence
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public EvidenceKind Kind { get; set; }
}

/// <summary>One move of an opportunity through its lifecycle: never changed, one row per move.</summary>
public sealed class OpportunityTransition
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }
    public OpportunityStatus From { get; set; }
    public OpportunityStatus To { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string By { get; set; }
    public string? Reason { get; set; }
}
