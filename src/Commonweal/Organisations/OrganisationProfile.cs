using Commonweal.Data;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Organisations;

/// <summary>
/// What an organisation says about itself: the input of the registration and edit pages and of the
/// API, validated by one set of rules wherever it comes from.
/// </summary>
public sealed class OrganisationProfile
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public LegalForm? LegalForm { get; set; }
    public string? IdentifierScheme { get; set; }
    public string? IdentifierNumber { get; set; }
    public List<Activities> Activities { get; set; } = [];
    public IncomeBand? IncomeBand { get; set; }
    public int? Members { get; set; }
    public int? Volunteers { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    public static OrganisationProfile From(Organisation o)
    {
        var id = OrgIdentifier.Split(o.Identifier);
        return new OrganisationProfile
        {
            Name = o.Name,
            Description = o.Description,
            LegalForm = o.LegalForm,
            IdentifierScheme = id?.Prefix,
            IdentifierNumber = id?.Number,
            Activities = OrganisationLabels.Each(o.Activities).ToList(),
            IncomeBand = o.IncomeBand,
            Members = o.Members,
            Volunteers = o.Volunteers,
            Website = o.Website,
            Email = o.Email,
            Phone = o.Phone,
            AddressLine1 = o.AddressLine1,
            AddressLine2 = o.AddressLine2,
            Town = o.Town,
            Postcode = o.Postcode,
        };
    }

    /// <summary>The full org-id identifier, or null for a group with no registration. Call after validation.</summary>
    public string? Identifier() =>
        string.IsNullOrWhiteSpace(IdentifierNumber) && LegalForm == Organisations.LegalForm.UnincorporatedCommunityGroup
            ? null
            : OrgIdentifier.Create(IdentifierScheme, IdentifierNumber).Identifier;

    /// <summary>Copies validated values onto the organisation, normalised.</summary>
    public void ApplyTo(Organisation o)
    {
        o.Name = Name!.Trim();
        o.Description = Tidy(Description);
        o.LegalForm = LegalForm!.Value;
        o.Identifier = Identifier();
        o.Activities = Activities.Aggregate(Organisations.Activities.None, (all, a) => all | a);
        o.IncomeBand = IncomeBand;
        o.Members = Members;
        o.Volunteers = Volunteers;
        o.Website = Tidy(Website);
        o.Email = Tidy(Email);
        o.Phone = Tidy(Phone);
        o.AddressLine1 = Tidy(AddressLine1);
        o.AddressLine2 = Tidy(AddressLine2);
        o.Town = Tidy(Town);
        o.Postcode = Postcodes.Normalise(Postcode);
    }

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class OrganisationProfileValidator : AbstractValidator<OrganisationProfile>
{
    public OrganisationProfileValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(Organisation.NameMaxLength).WithMessage($"Name must be {Organisation.NameMaxLength} characters or fewer");
        RuleFor(p => p.Description).MaximumLength(Organisation.DescriptionMaxLength)
            .WithMessage($"Description must be {Organisation.DescriptionMaxLength} characters or fewer");
        RuleFor(p => p.LegalForm).NotNull().WithMessage("Select the organisation's legal form")
            .IsInEnum().WithMessage("Select the organisation's legal form");
        RuleForEach(p => p.Activities).IsInEnum().WithMessage("Select activities from the list");
        RuleFor(p => p.IncomeBand).IsInEnum().WithMessage("Select an income band from the list");
        RuleFor(p => p.Members).InclusiveBetween(0, 10_000_000).WithMessage("Members must be a whole number from 0 to 10,000,000");
        RuleFor(p => p.Volunteers).InclusiveBetween(0, 10_000_000).WithMessage("Volunteers must be a whole number from 0 to 10,000,000");
        RuleFor(p => p.Website).MaximumLength(300).WithMessage("Website must be 300 characters or fewer")
            .Must(BeAWebAddress).WithMessage("Enter a website address starting with https:// or http://");
        RuleFor(p => p.Email).MaximumLength(254).WithMessage("Email address must be 254 characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(p => p.Phone).MaximumLength(40).WithMessage("Phone number must be 40 characters or fewer")
            .Matches(@"^[0-9 +()\-]*$").WithMessage("Enter a phone number using digits, spaces and + ( ) - only");
        RuleFor(p => p.AddressLine1).MaximumLength(200).WithMessage("Address line 1 must be 200 characters or fewer");
        RuleFor(p => p.AddressLine2).MaximumLength(200).WithMessage("Address line 2 must be 200 characters or fewer");
        RuleFor(p => p.Town).MaximumLength(100).WithMessage("Town or city must be 100 characters or fewer");
        RuleFor(p => p.Postcode).Must(p => string.IsNullOrWhiteSpace(p) || Postcodes.Normalise(p) is not null)
            .WithMessage("Enter a real postcode, like E3 2AN");
        RuleFor(p => p).Custom((p, context) =>
        {
            if (p.LegalForm == Organisations.LegalForm.UnincorporatedCommunityGroup && string.IsNullOrWhiteSpace(p.IdentifierNumber))
            {
                return;
            }

            var (_, error) = OrgIdentifier.Create(p.IdentifierScheme, p.IdentifierNumber);
            if (error is not null)
            {
                var field = OrgIdentifier.FindScheme(p.IdentifierScheme ?? "") is null
                    ? nameof(OrganisationProfile.IdentifierScheme)
                    : nameof(OrganisationProfile.IdentifierNumber);
                context.AddFailure(field, error);
            }
        });
    }

    private static bool BeAWebAddress(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}

public static class OrganisationProfileChecks
{
    private static readonly OrganisationProfileValidator Validator = new();

    /// <summary>
    /// The field rules, then that no other organisation holds the same identifier: one identity
    /// per organisation is what lets funding and contracts be traced to it.
    /// </summary>
    public static async Task<ValidationResult> CheckAsync(this OrganisationProfile profile, CommonwealDbContext db, Guid? existingId = null, CancellationToken cancellationToken = default)
    {
        var result = await Validator.ValidateAsync(profile, cancellationToken);
        if (!result.IsValid)
        {
            return result;
        }

        var identifier = profile.Identifier();
        if (identifier is not null && await db.Organisations.AnyAsync(o => o.Identifier == identifier && o.Id != existingId, cancellationToken))
        {
            result.Errors.Add(new ValidationFailure(nameof(OrganisationProfile.IdentifierNumber),
                $"An organisation registered as {identifier} is already on Commonweal. Ask its admin to invite you"));
        }

        return result;
    }
}
