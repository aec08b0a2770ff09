using FluentValidation;

namespace Commonweal.Passport;

/// <summary>
/// What an organisation records about one item of evidence: the input of the passport pages and of
/// the API, validated by one set of rules. Only the fields of its kind are read.
/// </summary>
public sealed class EvidenceDetails
{
    public EvidenceKind? Kind { get; set; }

    // Insurance
    public string? Insurer { get; set; }
    public string? PolicyNumber { get; set; }
    public decimal? Cover { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }

    // Safeguarding policy
    public DateOnly? ReviewDueOn { get; set; }

    // DBS check and volunteer
    public string? Role { get; set; }
    public string? Initials { get; set; }
    public DbsLevel? Level { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public bool? OnUpdateService { get; set; }
    public string? Reference { get; set; }
    public DateOnly? StartedOn { get; set; }

    /// <summary>A volunteer's training; when null (as from the pages, which edit it row by row) the training is left as it is.</summary>
    public List<TrainingDetails>? Training { get; set; }

    // Data Security and Protection Toolkit
    public string? OdsCode { get; set; }
    public DsptStatus? DsptStatus { get; set; }
    public DateOnly? PublishedOn { get; set; }

    // CQC
    public string? CqcProviderId { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public CqcRating? LatestRating { get; set; }

    // Accounts
    public DateOnly? YearEnd { get; set; }
    public decimal? Income { get; set; }

    public static EvidenceDetails From(Evidence e)
    {
        var d = new EvidenceDetails { Kind = e.Kind };
        switch (e)
        {
            case InsurancePolicy p:
                (d.Insurer, d.PolicyNumber, d.Cover, d.StartsOn, d.ExpiresOn) = (p.Insurer, p.PolicyNumber, p.Cover, p.StartsOn, p.ExpiresOn);
                break;
            case SafeguardingPolicy s:
                d.ReviewDueOn = s.ReviewDueOn;
                break;
            case DbsCheck c:
                (d.Role, d.Initials, d.Level, d.IssuedOn, d.OnUpdateService) = (c.Role, c.Initials, c.Level, c.IssuedOn, c.OnUpdateService);
                break;
            case Volunteer v:
                (d.Reference, d.Role, d.StartedOn) = (v.Reference, v.Role, v.StartedOn);
                d.Training = [.. v.Training.Select(t => new TrainingDetails { Course = t.Course, CompletedOn = t.CompletedOn, ExpiresOn = t.ExpiresOn })];
                break;
            case DsptAssessment a:
                (d.OdsCode, d.DsptStatus, d.PublishedOn) = (a.OdsCode, a.Status, a.PublishedOn);
                break;
            case CqcRegistration r:
                (d.CqcProviderId, d.RegisteredOn, d.LatestRating) = (r.ProviderId, r.RegisteredOn, r.LatestRating);
                break;
            case AnnualAccounts a:
                (d.YearEnd, d.Income) = (a.YearEnd, a.Income);
                break;
        }

        return d;
    }

    /// <summary>A new item of this kind for the organisation. Call after validation.</summary>
    public Evidence Create(Guid organisationId)
    {
        Evidence e = Kind switch
        {
            EvidenceKind.PublicLiabilityInsurance or EvidenceKind.EmployersLiabilityInsurance => new InsurancePolicy { Insurer = "", PolicyNumber = "", Kind = Kind.Value },
            EvidenceKind.SafeguardingPolicy => new SafeguardingPolicy(),
            EvidenceKind.DbsChecks => new DbsCheck { Role = "", Initials = "" },
            EvidenceKind.VolunteerRegister => new Volunteer { Reference = "", Role = "" },
            EvidenceKind.DataSecurityAndProtectionToolkit => new DsptAssessment { OdsCode = "" },
            EvidenceKind.CqcRegistration => new CqcRegistration { ProviderId = "" },
            EvidenceKind.Accounts => new AnnualAccounts(),
            _ => throw new InvalidOperationException("Validate the details before creating evidence from them."),
        };
        e.OrganisationId = organisationId;
        ApplyTo(e);
        return e;
    }

    /// <summary>Copies validated values onto the item, tidied.</summary>
    public void ApplyTo(Evidence e)
    {
        switch (e)
        {
            case InsurancePolicy p:
                p.Insurer = Insurer!.Trim();
                p.PolicyNumber = PolicyNumber!.Trim();
                p.Cover = Cover!.Value;
                p.StartsOn = StartsOn!.Value;
                p.ExpiresOn = ExpiresOn!.Value;
                break;
            case SafeguardingPolicy s:
                s.ReviewDueOn = ReviewDueOn!.Value;
                break;
            case DbsCheck c:
                c.Role = Role!.Trim();
                c.Initials = Initials!.Trim().ToUpperInvariant();
                c.Level = Level!.Value;
                c.IssuedOn = IssuedOn!.Value;
                c.OnUpdateService = OnUpdateService ?? false;
                break;
            case Volunteer v:
                v.Reference = Reference!.Trim().ToUpperInvariant();
                v.Role = Role!.Trim();
                v.StartedOn = StartedOn!.Value;
                if (Training is not null)
                {
                    v.Training.Clear();
                    v.Training.AddRange(Training.Select(t => t.ToRecord(v.Id)));
                }

                break;
            case DsptAssessment a:
                a.OdsCode = OdsCode!.Trim().ToUpperInvariant();
                a.Status = DsptStatus!.Value;
                a.PublishedOn = PublishedOn!.Value;
                break;
            case CqcRegistration r:
                r.ProviderId = CqcProviderId!.Trim();
                r.RegisteredOn = RegisteredOn!.Value;
                r.LatestRating = LatestRating;
                break;
            case AnnualAccounts a:
                a.YearEnd = YearEnd!.Value;
                a.Income = Income!.Value;
                break;
        }
    }
}

public sealed class TrainingDetails
{
    public string? Course { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }

    public TrainingRecord ToRecord(Guid volunteerId) =>
        new() { VolunteerId = volunteerId, Course = Course!.Trim(), CompletedOn = CompletedOn!.Value, ExpiresOn = ExpiresOn };
}

public sealed class EvidenceDetailsValidator : AbstractValidator<EvidenceDetails>
{
    /// <summary>Bounds that catch a mistyped year without second-guessing real dates.</summary>
    private static readonly DateOnly Earliest = new(1950, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    public EvidenceDetailsValidator()
    {
        RuleFor(d => d.Kind).NotNull().WithMessage("Select the kind of evidence").IsInEnum().WithMessage("Select the kind of evidence");

        When(d => d.Kind is EvidenceKind.PublicLiabilityInsurance or EvidenceKind.EmployersLiabilityInsurance, () =>
        {
            Text(d => d.Insurer, "Enter the insurer's name", "Insurer", InsurancePolicy.TextMaxLength);
            Text(d => d.PolicyNumber, "Enter the policy number", "Policy number", InsurancePolicy.TextMaxLength);
            RuleFor(d => d.Cover).NotNull().WithMessage("Enter the amount of cover, in pounds")
                .GreaterThan(0).WithMessage("Cover must be more than £0")
                .LessThan(1_000_000_000_000m).WithMessage("Cover must be less than £1,000,000,000,000");
            Date(d => d.StartsOn, "Enter the date the policy starts", "Start date");
            Date(d => d.ExpiresOn, "Enter the date the policy expires", "Expiry date");
            RuleFor(d => d.ExpiresOn).GreaterThan(d => d.StartsOn).When(d => d.StartsOn is not null && d.ExpiresOn is not null)
                .WithMessage("Expiry date must be after the start date");
        });

        When(d => d.Kind is EvidenceKind.SafeguardingPolicy, () =>
            Date(d => d.ReviewDueOn, "Enter the date the policy is due for review", "Review date"));

        When(d => d.Kind is EvidenceKind.DbsChecks, () =>
        {
            Text(d => d.Role, "Enter the role the check is for", "Role", DbsCheck.RoleMaxLength);
            Initials(d => d.Initials);
            RuleFor(d => d.Level).NotNull().WithMessage("Select the level of check").IsInEnum().WithMessage("Select the level of check");
            Date(d => d.IssuedOn, "Enter the date the certificate was issued", "Issue date");
            RuleFor(d => d.OnUpdateService).NotNull().WithMessage("Select whether the holder is on the DBS update service");
        });

        When(d => d.Kind is EvidenceKind.VolunteerRegister, () =>
        {
            RuleFor(d => d.Reference).NotEmpty().WithMessage("Enter the volunteer's reference or initials")
                .MaximumLength(Volunteer.ReferenceMaxLength).WithMessage($"Reference must be {Volunteer.ReferenceMaxLength} characters or fewer")
                .Matches(@"^[A-Za-z0-9\- ]*$").WithMessage("Reference must use letters, numbers, spaces and hyphens only: a reference or initials, not a full name");
            Text(d => d.Role, "Enter the volunteer's role", "Role", DbsCheck.RoleMaxLength);
            Date(d => d.StartedOn, "Enter the date the volunteer started", "Start date");
            RuleForEach(d => d.Training).NotNull().WithMessage("Enter the training record").SetValidator(new TrainingDetailsValidator());
        });

        When(d => d.Kind is EvidenceKind.DataSecurityAndProtectionToolkit, () =>
        {
            RuleFor(d => d.OdsCode).NotEmpty().WithMessage("Enter the organisation's ODS code")
                .Matches("^[A-Za-z0-9]{3,10}$").WithMessage("ODS code must be 3 to 10 letters and numbers, like 8JK12");
            RuleFor(d => d.DsptStatus).NotNull().WithMessage("Select the toolkit status").IsInEnum().WithMessage("Select the toolkit status");
            Date(d => d.PublishedOn, "Enter the date the assessment was published", "Publication date");
        });

        When(d => d.Kind is EvidenceKind.CqcRegistration, () =>
        {
            RuleFor(d => d.CqcProviderId).NotEmpty().WithMessage("Enter the CQC provider ID")
                .Matches(@"^1-\d{6,12}$").WithMessage("CQC provider ID must look like 1-101234567");
            Date(d => d.RegisteredOn, "Enter the date of registration", "Registration date");
            RuleFor(d => d.LatestRating).IsInEnum().WithMessage("Select a rating from the list");
        });

        When(d => d.Kind is EvidenceKind.Accounts, () =>
        {
            Date(d => d.YearEnd, "Enter the financial year end date", "Year end");
            RuleFor(d => d.Income).NotNull().WithMessage("Enter the income for the year, in pounds")
                .GreaterThanOrEqualTo(0).WithMessage("Income must be £0 or more")
                .LessThan(1_000_000_000_000m).WithMessage("Income must be less than £1,000,000,000,000");
        });
    }

    private void Text(System.Linq.Expressions.Expression<Func<EvidenceDetails, string?>> field, string missing, string name, int max) =>
        RuleFor(field).NotEmpty().WithMessage(missing).MaximumLength(max).WithMessage($"{name} must be {max} characters or fewer");

    private void Initials(System.Linq.Expressions.Expression<Func<EvidenceDetails, string?>> field) =>
        RuleFor(field).NotEmpty().WithMessage("Enter the holder's initials")
            .Matches("^[A-Za-z]{1,5}$").WithMessage("Initials must be 1 to 5 letters, like JS: not a full name");

    private void Date(System.Linq.Expressions.Expression<Func<EvidenceDetails, DateOnly?>> field, string missing, string name) =>
        RuleFor(field).NotNull().WithMessage(missing)
            .InclusiveBetween(Earliest, Latest).WithMessage($"{name} must be between {Earliest.Year} and {Latest.Year}");
}

public sealed class TrainingDetailsValidator : AbstractValidator<TrainingDetails>
{
    public TrainingDetailsValidator()
    {
        RuleFor(t => t.Course).NotEmpty().WithMessage("Enter the name of the course")
            .MaximumLength(TrainingRecord.CourseMaxLength).WithMessage($"Course must be {TrainingRecord.CourseMaxLength} characters or fewer");
        RuleFor(t => t.CompletedOn).NotNull().WithMessage("Enter the date the course was completed");
        RuleFor(t => t.ExpiresOn).GreaterThan(t => t.CompletedOn).When(t => t.ExpiresOn is not null && t.CompletedOn is not null)
            .WithMessage("Expiry date must be after the date the course was completed");
    }
}
