using Commonweal.Data;

namespace Commonweal.Passport;

/// <summary>
/// One piece of compliance evidence an organisation holds in its passport. Each kind has its own
/// shape (a subclass, stored in one table); what they share is whose it is, which kind it is and the
/// documents that back it.
/// </summary>
public abstract class Evidence
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OrganisationId { get; set; }
    public EvidenceKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<EvidenceAttachment> Attachments { get; set; } = [];

    /// <summary>
    /// Items with the same subject are versions of one thing (this year's policy and last year's; two
    /// checks for the same role and person): only the best of them counts. Kinds held once have one subject.
    /// </summary>
    public virtual string Subject => "";
}

public sealed class InsurancePolicy : Evidence
{
    public const int TextMaxLength = 200;

    public required string Insurer { get; set; }
    public required string PolicyNumber { get; set; }

    /// <summary>Limit of indemnity in pounds.</summary>
    public decimal Cover { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
}

public sealed class SafeguardingPolicy : Evidence
{
    /// <summary>The date by which the policy is to be reviewed; once it has passed the policy counts as expired.</summary>
    public DateOnly ReviewDueOn { get; set; }

    public SafeguardingPolicy() => Kind = EvidenceKind.SafeguardingPolicy;
}

public enum DbsLevel
{
    Basic,
    Standard,
    Enhanced,
}

/// <summary>
/// A DBS check for a named role. Only the role and the holder's initials are kept: enough to tell
/// checks apart, not enough to identify a person from the passport.
/// </summary>
public sealed class DbsCheck : Evidence
{
    public const int RoleMaxLength = 100;
    public const int InitialsMaxLength = 5;

    public required string Role { get; set; }
    public required string Initials { get; set; }
    public DbsLevel Level { get; set; }
    public DateOnly IssuedOn { get; set; }
    public bool OnUpdateService { get; set; }

    public DbsCheck() => Kind = EvidenceKind.DbsChecks;

    public override string Subject => $"{Role.Trim()}|{Initials.Trim()}".ToUpperInvariant();
}

/// <summary>One volunteer on the register, known by a reference or initials, never a full name.</summary>
public sealed class Volunteer : Evidence
{
    public const int ReferenceMaxLength = 20;

    public required string Reference { get; set; }
    public required string Role { get; set; }
    public DateOnly StartedOn { get; set; }
    public List<TrainingRecord> Training { get; set; } = [];

    public Volunteer() => Kind = EvidenceKind.VolunteerRegister;

    public override string Subject => Reference.Trim().ToUpperInvariant();
}

public sealed class TrainingRecord
{
    public const int CourseMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid VolunteerId { get; set; }
    public required string Course { get; set; }
    public DateOnly CompletedOn { get; set; }

    /// <summary>Null for training that does not need refreshing.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>The statuses the Data Security and Protection Toolkit publishes.</summary>
public enum DsptStatus
{
    StandardsExceeded,
    StandardsMet,
    ApproachingStandards,
    StandardsNotMet,
}

public sealed class DsptAssessment : Evidence
{
    public required string OdsCode { get; set; }
    public DsptStatus Status { get; set; }
    public DateOnly PublishedOn { get; set; }

    public DsptAssessment() => Kind = EvidenceKind.DataSecurityAndProtectionToolkit;
}

public enum CqcRating
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

public sealed class CqcRegistration : Evidence
{
    public required string ProviderId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public CqcRating? LatestRating { get; set; }

    public CqcRegistration() => Kind = EvidenceKind.CqcRegistration;
}

public sealed class AnnualAccounts : Evidence
{
    public DateOnly YearEnd { get; set; }

    /// <summary>Total income for the year, in pounds.</summary>
    public decimal Income { get; set; }

    public AnnualAccounts() => Kind = EvidenceKind.Accounts;
}
