using Commonweal.Organisations;
using FluentValidation;

namespace Commonweal.Referrals;

/// <summary>How the person (or their representative) gave a consent: the input of pages and the API.</summary>
public sealed class ConsentInput
{
    public ConsentGivenBy? GivenBy { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeRelationship { get; set; }
    public ConsentMethod? Method { get; set; }
}

/// <summary>A new person's details, who registers them and their consent to care team sharing.</summary>
public sealed class PersonDraft
{
    public string? NhsNumber { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Postcode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactPreference? ContactPreference { get; set; }
    public string? WhatMattersToMe { get; set; }

    /// <summary>The organisation the registering practitioner acts for, and their role on the care team.</summary>
    public Guid? OrganisationId { get; set; }
    public string? Role { get; set; }

    /// <summary>A shared record needs the person's consent to share it with their care team.</summary>
    public ConsentInput? Consent { get; set; }

    /// <summary>Set when the practitioner has checked that a possible duplicate is a different person.</summary>
    public bool ConfirmNotDuplicate { get; set; }
}

/// <summary>Stateless, so one instance serves every call (building a validator costs more than running it).</summary>
public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public static readonly ConsentInputValidator Instance = new();

    private ConsentInputValidator()
    {
        RuleFor(c => c.GivenBy).NotNull().WithMessage("Select who gave consent");
        RuleFor(c => c.Method).NotNull().WithMessage("Select how consent was given");
        When(c => c.GivenBy == ConsentGivenBy.Representative, () =>
        {
            RuleFor(c => c.RepresentativeName).NotEmpty().WithMessage("Enter the representative's name");
            RuleFor(c => c.RepresentativeRelationship).NotEmpty().WithMessage("Enter the representative's relationship to the person");
        });
        RuleFor(c => c.RepresentativeName).MaximumLength(Person.NameMaxLength).WithMessage($"Name must be {Person.NameMaxLength} characters or fewer");
        RuleFor(c => c.RepresentativeRelationship).MaximumLength(Person.NameMaxLength).WithMessage($"Relationship must be {Person.NameMaxLength} characters or fewer");
    }
}

public sealed class PersonDraftValidator : AbstractValidator<PersonDraft>
{
    public PersonDraftValidator(DateOnly today)
    {
        RuleFor(p => p.NhsNumber)
            .Must(n => Referrals.NhsNumber.Normalise(n) is not null).WithMessage("NHS number must be 10 digits, like 943 476 5919")
            .Must(Referrals.NhsNumber.IsValid).WithMessage("Enter a valid NHS number: check the digits, the last one does not match")
            .When(p => !string.IsNullOrWhiteSpace(p.NhsNumber));
        RuleFor(p => p.GivenName).NotEmpty().WithMessage("Enter the person's given name")
            .MaximumLength(Person.NameMaxLength).WithMessage($"Given name must be {Person.NameMaxLength} characters or fewer");
        RuleFor(p => p.FamilyName).NotEmpty().WithMessage("Enter the person's family name")
            .MaximumLength(Person.NameMaxLength).WithMessage($"Family name must be {Person.NameMaxLength} characters or fewer");
        RuleFor(p => p.DateOfBirth).NotNull().WithMessage("Enter the person's date of birth")
            .Must(d => d is null || d <= today).WithMessage("Date of birth must be today or in the past")
            .Must(d => d is null || d > today.AddYears(-130)).WithMessage("Date of birth must be within the last 130 years");
        RuleFor(p => p.Postcode)
            .Must(p => Postcodes.Normalise(p) is not null).WithMessage("Enter a real postcode, like E3 2AB")
            .When(p => !string.IsNullOrWhiteSpace(p.Postcode));
        RuleFor(p => p.Email).EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
            .MaximumLength(254).WithMessage("Email address must be 254 characters or fewer");
        RuleFor(p => p.Phone).Matches(@"^\+?[0-9 ()\-]{7,40}$").WithMessage("Enter a phone number, like 020 7946 0000")
            .When(p => !string.IsNullOrWhiteSpace(p.Phone));
        RuleFor(p => p.ContactPreference).NotNull().WithMessage("Select how the person prefers to be contacted");
        RuleFor(p => p.Phone).NotEmpty().WithMessage("Enter a phone number: the person prefers phone or text messages")
            .When(p => p.ContactPreference is ContactPreference.Phone or ContactPreference.TextMessage);
        RuleFor(p => p.Email).NotEmpty().WithMessage("Enter an email address: the person prefers email")
            .When(p => p.ContactPreference is ContactPreference.Email);
        RuleFor(p => p.Postcode).NotEmpty().WithMessage("Enter a postcode: the person prefers letters")
            .When(p => p.ContactPreference is ContactPreference.Letter);
        RuleFor(p => p.WhatMattersToMe).MaximumLength(Person.TextMaxLength).WithMessage($"What matters to the person must be {Person.TextMaxLength:N0} characters or fewer");
        RuleFor(p => p.OrganisationId).NotNull().WithMessage("Select the organisation you are acting for");
        RuleFor(p => p.Role).NotEmpty().WithMessage("Enter your role in the person's care, like link worker")
            .MaximumLength(CareTeamMember.RoleMaxLength).WithMessage($"Role must be {CareTeamMember.RoleMaxLength} characters or fewer");
        RuleFor(p => p.Consent).NotNull().WithMessage("Record the person's consent to share their record with their care team")
            .SetValidator(ConsentInputValidator.Instance!);
    }
}
