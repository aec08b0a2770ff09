using System.Text.Json;
using FluentValidation;

namespace Commonweal.Directory;

/// <summary>
/// What a provider says about one of its services: the input of the service pages, validated by
/// one set of rules, and the content of a change held for review.
/// </summary>
public sealed class ServiceProfile
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public ServiceStatus? Status { get; set; } = ServiceStatus.Active;
    public List<Guid> Needs { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? EligibilityDescription { get; set; }
    public string? FeesDescription { get; set; }
    public bool AcceptingReferrals { get; set; } = true;
    public int? TypicalWaitDays { get; set; }
    public string? ReferralRoute { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Alert { get; set; }

    public static ServiceProfile From(Service s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        Status = s.Status,
        Needs = s.TaxonomyTerms.Select(t => t.TaxonomyTermId).ToList(),
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        EligibilityDescription = s.EligibilityDescription,
        FeesDescription = s.FeesDescription,
        AcceptingReferrals = s.AcceptingReferrals,
        TypicalWaitDays = s.TypicalWaitDays,
        ReferralRoute = s.ReferralRoute,
        Url = s.Url,
        Email = s.Email,
        Alert = s.Alert,
    };

    /// <summary>Copies validated values onto the service; taxonomy links are replaced to match <see cref="Needs"/>.</summary>
    public void ApplyTo(Service s)
    {
        s.Name = Name!.Trim();
        s.Description = Tidy(Description);
        s.Status = Status ?? ServiceStatus.Active;
        s.MinimumAge = MinimumAge;
        s.MaximumAge = MaximumAge;
        s.EligibilityDescription = Tidy(EligibilityDescription);
        s.FeesDescription = Tidy(FeesDescription);
        s.AcceptingReferrals = AcceptingReferrals;
        s.TypicalWaitDays = TypicalWaitDays;
        s.ReferralRoute = Tidy(ReferralRoute);
        s.Url = Tidy(Url);
        s.Email = Tidy(Email);
        s.Alert = Tidy(Alert);
        s.TaxonomyTerms.RemoveAll(t => !Needs.Contains(t.TaxonomyTermId));
        foreach (var need in Needs.Where(n => s.TaxonomyTerms.All(t => t.TaxonomyTermId != n)))
        {
            s.TaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = s.Id, TaxonomyTermId = need });
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ServiceProfile FromJson(string json) => JsonSerializer.Deserialize<ServiceProfile>(json) ?? new ServiceProfile();

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ServiceProfileValidator : AbstractValidator<ServiceProfile>
{
    public ServiceProfileValidator(IReadOnlySet<Guid> knownNeeds)
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the service's name")
            .MaximumLength(Service.NameMaxLength).WithMessage($"Name must be {Service.NameMaxLength} characters or fewer");
        RuleFor(p => p.Description).NotEmpty().WithMessage("Describe the service, so that people know what to expect")
            .MaximumLength(Service.DescriptionMaxLength).WithMessage($"Description must be {Service.DescriptionMaxLength:N0} characters or fewer");
        RuleFor(p => p.Status).NotNull().IsInEnum().WithMessage("Select the service's status");
        RuleFor(p => p.Needs).NotEmpty().WithMessage("Select at least one need the service meets");
        RuleForEach(p => p.Needs).Must(knownNeeds.Contains).WithMessage("Select needs from the list");
        RuleFor(p => p.MinimumAge).InclusiveBetween(0, 120).WithMessage("Minimum age must be a whole number from 0 to 120");
        RuleFor(p => p.MaximumAge).InclusiveBetween(0, 120).WithMessage("Maximum age must be a whole number from 0 to 120")
            .GreaterThanOrEqualTo(p => p.MinimumAge).When(p => p.MinimumAge is not null && p.MaximumAge is not null)
            .WithMessage("Maximum age must be the same as or more than the minimum age");
        RuleFor(p => p.TypicalWaitDays).InclusiveBetween(0, 730).WithMessage("Typical wait must be a whole number of days from 0 to 730");
        RuleFor(p => p.EligibilityDescription).MaximumLength(2000).WithMessage("Who can use it must be 2,000 characters or fewer");
        RuleFor(p => p.FeesDescription).MaximumLength(2000).WithMessage("Costs must be 2,000 characters or fewer");
        RuleFor(p => p.ReferralRoute).MaximumLength(2000).WithMessage("How to refer must be 2,000 characters or fewer");
        RuleFor(p => p.Alert).MaximumLength(2000).WithMessage("Alert must be 2,000 characters or fewer");
        RuleFor(p => p.Url).MaximumLength(500).WithMessage("Website must be 500 characters or fewer")
            .Must(u => string.IsNullOrWhiteSpace(u) || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage("Enter a website address starting with https:// or http://");
        RuleFor(p => p.Email).MaximumLength(254).WithMessage("Email address must be 254 characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
    }
}
