using FluentValidation;
using FluentValidation.Results;

namespace Commonweal.Referrals;

/// <summary>A new referral: who, to which service, why, how urgently, and consent when the person has not consented to care team sharing.</summary>
public sealed class ReferralDraft
{
    public const int MaxReasons = 10;

    public Guid? PersonId { get; set; }
    public Guid? ServiceId { get; set; }

    /// <summary>The organisation the referrer acts for.</summary>
    public Guid? ReferringOrganisationId { get; set; }

    /// <summary>Needs taxonomy terms.</summary>
    public List<Guid> Reasons { get; set; } = [];

    public ReferralUrgency? Urgency { get; set; }
    public string? Notes { get; set; }
    public string? ReferrerPhone { get; set; }
    public string? ReferrerEmail { get; set; }

    /// <summary>Consent to this referral; not needed while the person's consent to care team sharing stands.</summary>
    public ConsentInput? Consent { get; set; }
}

/// <summary>
/// One instance for everyone (FluentValidation validators are thread-safe once built, and building
/// one costs more than using it); the needs known to the directory come with each call.
/// </summary>
public sealed class ReferralDraftValidator : AbstractValidator<ReferralDraft>
{
    private const string KnownTerms = nameof(KnownTerms);
    private static readonly ReferralDraftValidator Instance = new();

    private ReferralDraftValidator()
    {
        RuleFor(r => r.PersonId).NotNull().WithMessage("Select the person to refer");
        RuleFor(r => r.ServiceId).NotNull().WithMessage("Select the service to refer to");
        RuleFor(r => r.ReferringOrganisationId).NotNull().WithMessage("Select the organisation you are referring for");
        RuleFor(r => r.Reasons).NotEmpty().WithMessage("Select at least one reason for the referral")
            .Must(r => r.Count <= ReferralDraft.MaxReasons).WithMessage($"Select up to {ReferralDraft.MaxReasons} reasons")
            .Must(r => r.Distinct().Count() == r.Count).WithMessage("Select each reason once");
        RuleForEach(r => r.Reasons).Must((_, term, context) => ((IReadOnlySet<Guid>)context.RootContextData[KnownTerms]).Contains(term)).WithMessage("That is not a need in the directory's taxonomy");
        RuleFor(r => r.Urgency).NotNull().WithMessage("Select how urgent the referral is");
        RuleFor(r => r.Notes).MaximumLength(Referral.NotesMaxLength).WithMessage($"Notes must be {Referral.NotesMaxLength:N0} characters or fewer");
        RuleFor(r => r.ReferrerEmail).EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
            .MaximumLength(254).WithMessage("Email address must be 254 characters or fewer");
        RuleFor(r => r.ReferrerPhone).Matches(@"^\+?[0-9 ()\-]{7,40}$").WithMessage("Enter a phone number, like 020 7946 0000")
            .When(r => !string.IsNullOrWhiteSpace(r.ReferrerPhone));
        RuleFor(r => r.Consent).SetValidator(ConsentInputValidator.Instance!).When(r => r.Consent is not null);
    }

    /// <summary>Checks a draft; <paramref name="knownTerms"/> are those of its reasons that are terms of the directory's taxonomy.</summary>
    public static ValidationResult Validate(ReferralDraft draft, IReadOnlySet<Guid> knownTerms)
    {
        var context = new ValidationContext<ReferralDraft>(draft);
        context.RootContextData[KnownTerms] = knownTerms;
        return Instance.Validate(context);
    }
}
