using Commonweal.Data;

namespace Commonweal.Commissioning;

/// <summary>
/// A place a commissioner plans for: a name and the outcodes it covers (e.g. "Tower Hamlets": E1,
/// E3, E14). Its needs are the health conditions and social needs recorded for it.
/// </summary>
public sealed class NeedsArea
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid CommissionerOrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>Upper-case outcodes ("E3"); services with a location in one of them are in the area.</summary>
    public List<string> Outcodes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public List<AreaNeed> Needs { get; set; } = [];
}

public enum NeedKind
{
    /// <summary>A health condition, with prevalence and disease burden.</summary>
    Condition,

    /// <summary>A social need from the directory's needs taxonomy, with an estimated number of people.</summary>
    Social,
}

public enum PrevalenceUnit
{
    PerThousand,
    Count,
}

public enum BurdenUnit
{
    /// <summary>Disability-adjusted life years lost a year.</summary>
    Dalys,

    /// <summary>A percentage of the area's disease burden.</summary>
    Percent,
}

/// <summary>One need of an area: a health condition or a social need.</summary>
public sealed class AreaNeed
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid AreaId { get; set; }
    public NeedKind Kind { get; set; }
    public required string Name { get; set; }

    public decimal? Prevalence { get; set; }
    public PrevalenceUnit? PrevalenceUnit { get; set; }
    public decimal? Burden { get; set; }
    public BurdenUnit? BurdenUnit { get; set; }
    public bool IsRare { get; set; }

    /// <summary>"ORPHA:262": the Orphanet code of a rare condition, where known.</summary>
    public string? OrphanetCode { get; set; }

    /// <summary>
    /// The needs taxonomy term services meeting this need carry (required for social needs;
    /// optional for conditions: without one, no service in the directory is counted as meeting it).
    /// A service tagged with the term or one of its child terms meets the need.
    /// </summary>
    public Guid? TaxonomyTermId { get; set; }

    /// <summary>For social needs: the estimated number of people with the need.</summary>
    public int? EstimatedPeople { get; set; }
    public DateTime CreatedAt { get; set; }
}
