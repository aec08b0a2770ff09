using Commonweal.Data;

namespace Commonweal.Directory;

/// <summary>
/// A service an organisation provides (HSDS "service"). The fields Commonweal searches, filters,
/// edits or reasons about are columns; every other HSDS field a publisher sent (funding, required
/// documents, contacts, phones, languages, cost options, service areas, programme…) is kept
/// verbatim in <see cref="Extra"/> so that an export gives back what was imported.
/// </summary>
public sealed class Service
{
    public const int NameMaxLength = 250;
    public const int DescriptionMaxLength = 10_000;

    /// <summary>Also the HSDS/ORUK id: publishers' UUIDs are kept, so re-imports update rather than duplicate.</summary>
    public Guid Id { get; set; } = NewId.Next();

    public Guid OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }

    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;

    // Eligibility
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? EligibilityDescription { get; set; }

    public string? FeesDescription { get; set; }
    public string? Alert { get; set; }

    // Capacity and how to refer: what a link worker needs before sending someone.
    public bool AcceptingReferrals { get; set; } = true;

    /// <summary>Typical wait in days from referral to first contact, when the provider says.</summary>
    public int? TypicalWaitDays { get; set; }

    /// <summary>HSDS wait_time as the publisher wrote it.</summary>
    public string? WaitTime { get; set; }

    public string? ReferralRoute { get; set; }

    /// <summary>How many people the service can work with at once, when it sets a limit.</summary>
    public int? ReferralCapacity { get; set; }

    /// <summary>Referrals accepted and not yet closed; kept by <see cref="Referrals.ReferralCapacity"/>.</summary>
    public int ActiveReferrals { get; set; }

    /// <summary>
    /// True while the service stopped accepting referrals because it was full, so that a place
    /// freeing up reopens it, but never reopens a service its provider closed by hand.
    /// </summary>
    public bool PausedAtCapacity { get; set; }

    // Data that stays true: when a person last checked this record, and who.
    public DateOnly? AssuredDate { get; set; }
    public string? AssurerEmail { get; set; }
    public Guid? AssuredByUserId { get; set; }

    public DateTime LastModified { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>JSON object: the HSDS fields not held in columns or child rows, exactly as received.</summary>
    public string Extra { get; set; } = "{}";

    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
    public List<ServiceTaxonomyTerm> TaxonomyTerms { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];

    /// <summary>Not assured by a person for 12 months: shown as possibly out of date.</summary>
    public bool IsStale(DateOnly today) => AssuredDate is null || AssuredDate.Value.AddMonths(12) < today;
}
