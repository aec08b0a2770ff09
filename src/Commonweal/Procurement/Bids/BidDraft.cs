using FluentValidation;
using FluentValidation.Results;

namespace Commonweal.Procurement.Bids;

/// <summary>
/// What a bidder writes: the consortium (every organisation with its role and share of the work,
/// the lead included; empty for a bid by the lead alone), an answer per award criterion and the
/// price. The input of the bid pages and of the API, validated by one set of rules. A draft may
/// be incomplete; submitting needs every answer and a price (<see cref="BidDraftValidator.Completeness"/>).
/// </summary>
public sealed class BidDraft
{
    public const int MaxMembers = 10;

    public List<ConsortiumMemberInput> Consortium { get; set; } = [];
    public List<AnswerInput> Answers { get; set; } = [];

    /// <summary>Pounds, for the lot over the whole term.</summary>
    public decimal? Price { get; set; }

    public static BidDraft From(Bid bid, BidContent content) => new()
    {
        Consortium = bid.IsConsortium
            ? [.. bid.Members.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => new ConsortiumMemberInput { OrganisationId = m.OrganisationId, Role = m.Role, SharePercent = m.SharePercent })]
            : [],
        Answers = [.. content.Answers.Select(a => new AnswerInput { CriterionId = a.CriterionId, Text = a.Text })],
        Price = content.Price,
    };

    /// <summary>The sealed part, tidied: answers in criterion order, blank ones left out.</summary>
    public BidContent ToContent(IReadOnlyList<AwardCriterion> criteria)
    {
        var order = criteria.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new BidContent
        {
            Answers = [.. Answers
                .Where(a => a.CriterionId is { } id && order.ContainsKey(id) && !string.IsNullOrWhiteSpace(a.Text))
                .OrderBy(a => order[a.CriterionId!.Value])
                .Select(a => new BidAnswer(a.CriterionId!.Value, a.Text!.Trim()))],
            Price = Price,
        };
    }
}

public sealed class ConsortiumMemberInput
{
    public Guid? OrganisationId { get; set; }
    public string? Role { get; set; }
    public decimal? SharePercent { get; set; }
}

public sealed class AnswerInput
{
    public Guid? CriterionId { get; set; }
    public string? Text { get; set; }
}

/// <summary>The rules for a draft, given what the database knows: the opportunity's criteria, the organisations that exist and the lead.</summary>
public sealed class BidDraftValidator : AbstractValidator<BidDraft>
{
    public const decimal MaxPrice = 1_000_000_000_000m;

    public BidDraftValidator(IReadOnlyCollection<Guid> criteria, IReadOnlySet<Guid> knownOrganisations, Guid leadOrganisationId)
    {
        RuleFor(d => d.Consortium).Must(c => c.Count <= BidDraft.MaxMembers).WithMessage($"A consortium can have up to {BidDraft.MaxMembers} organisations");
        RuleForEach(d => d.Consortium).NotNull().WithMessage("Enter the consortium member").ChildRules(m =>
        {
            m.RuleFor(x => x.OrganisationId).NotNull().WithMessage("Select the organisation")
                .Must(id => id is null || knownOrganisations.Contains(id.Value)).WithMessage("No organisation has that id");
            m.RuleFor(x => x.Role).NotEmpty().WithMessage("Enter the organisation's role in the bid")
                .MaximumLength(Bid.RoleMaxLength).WithMessage($"Role must be {Bid.RoleMaxLength} characters or fewer");
            m.RuleFor(x => x.SharePercent).NotNull().WithMessage("Enter the organisation's share of the work, as a percentage")
                .GreaterThan(0).WithMessage("Share of the work must be more than 0%")
                .LessThanOrEqualTo(100).WithMessage("Share of the work must be 100% or less")
                .Must(s => s is null || decimal.Round(s.Value, 2) == s.Value).WithMessage("Share of the work must have at most 2 decimal places");
        });
        When(d => d.Consortium.Count > 0 && d.Consortium.All(m => m is not null), () =>
        {
            RuleFor(d => d.Consortium)
                .Must(c => c.Count(m => m.OrganisationId == leadOrganisationId) == 1).WithMessage("Include the lead organisation in the consortium, once")
                .Must(c => c.Where(m => m.OrganisationId is not null).GroupBy(m => m.OrganisationId).All(g => g.Count() == 1)).WithMessage("Each organisation can be in the consortium once")
                .Must(c => c.Count >= 2).WithMessage("A consortium has the lead and at least one other organisation; leave it empty to bid alone");
            RuleFor(d => d.Consortium)
                .Must(c => c.Sum(m => m.SharePercent) == 100m)
                .When(d => d.Consortium.All(m => m.SharePercent is > 0 and <= 100))
                .WithMessage(d => $"Shares of the work must add up to 100%; they add up to {ProcurementLabels.Percent(d.Consortium.Sum(m => m.SharePercent ?? 0))}");
        });

        RuleForEach(d => d.Answers).NotNull().WithMessage("Enter the answer").ChildRules(a =>
        {
            a.RuleFor(x => x.CriterionId).NotNull().WithMessage("Say which criterion the answer is for")
                .Must(id => id is null || criteria.Contains(id.Value)).WithMessage("That is not one of this opportunity's award criteria");
            a.RuleFor(x => x.Text).MaximumLength(BidContent.AnswerMaxLength).WithMessage($"Answer must be {BidContent.AnswerMaxLength:N0} characters or fewer");
        });
        RuleFor(d => d.Answers)
            .Must(a => a.Where(x => x?.CriterionId is not null).GroupBy(x => x.CriterionId).All(g => g.Count() == 1))
            .WithMessage("Give one answer for each criterion");

        RuleFor(d => d.Price)
            .GreaterThanOrEqualTo(0).WithMessage("Price must be £0 or more")
            .LessThan(MaxPrice).WithMessage("Price must be less than £1,000,000,000,000")
            .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage("Price must be in pounds and pence, like 125000.50");
    }

    /// <summary>What submitting needs beyond a valid draft: an answer to every criterion (named by its place in criterion order) and a price.</summary>
    public static ValidationResult Completeness(IReadOnlyList<AwardCriterion> criteria, BidContent content)
    {
        var errors = new List<ValidationFailure>();
        for (var i = 0; i < criteria.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(content.AnswerTo(criteria[i].Id)))
            {
                errors.Add(new ValidationFailure($"Answers[{i}].Text", $"Answer the criterion \u201c{criteria[i].Name}\u201d"));
            }
        }

        if (content.Price is null)
        {
            errors.Add(new ValidationFailure(nameof(BidDraft.Price), "Enter the price"));
        }

        return new ValidationResult(errors);
    }
}
