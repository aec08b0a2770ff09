using System.Text.RegularExpressions;
using Commonweal.Passport;
using FluentValidation;

namespace Commonweal.Procurement;

/// <summary>
/// What a commissioner writes in a draft opportunity: the body of the API's POST and PUT and the
/// content of the draft pages, validated by one set of rules.
/// </summary>
public sealed class OpportunityDraft
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public OpportunityType? Type { get; set; }
    public ProcurementProcess? Process { get; set; }
    public List<CommissionerShare> Commissioners { get; set; } = [];
    public List<LotInput> Lots { get; set; } = [];
    public long? TotalValue { get; set; }
    public DateOnly? ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }
    public DateOnly? MobilisationStart { get; set; }
    public DateOnly? PublicationDate { get; set; }
    public DateTimeOffset? ClarificationDeadline { get; set; }
    public DateTimeOffset? SubmissionDeadline { get; set; }
    public DateOnly? EvaluationEnd { get; set; }
    public List<Guid> Needs { get; set; } = [];
    public List<string> Outcodes { get; set; } = [];
    public long? MinimumAnnualTurnover { get; set; }
    public long? MinimumPublicLiabilityCover { get; set; }
    public long? MinimumEmployersLiabilityCover { get; set; }
    public List<string> RequiredRegistrations { get; set; } = [];
    public List<EvidenceKind> RequiredEvidence { get; set; } = [];

    /// <summary>When not given, the Provider Selection Regime's five key criteria, equally weighted.</summary>
    public List<CriterionInput>? Criteria { get; set; }

    public Guid? IncumbentOrganisationId { get; set; }
    public string? PerformanceAssessmentUrl { get; set; }

    public sealed class CommissionerShare
    {
        public Guid OrganisationId { get; set; }
        public decimal Share { get; set; }
    }

    public sealed class LotInput
    {
        public int Number { get; set; }
        public string? Title { get; set; }
        public long Value { get; set; }
    }

    public sealed class CriterionInput
    {
        public string? Name { get; set; }
        public CriterionKind Kind { get; set; } = CriterionKind.Other;
        public decimal Weight { get; set; }
        public List<string> Descriptors { get; set; } = [];
    }

    /// <summary>The five key criteria with equal weights (20% each, so social value has more than its 10% minimum) and plain descriptors.</summary>
    public static List<CriterionInput> DefaultCriteria() =>
        [.. new[]
        {
            CriterionKind.QualityAndInnovation, CriterionKind.Value, CriterionKind.IntegrationCollaborationSustainability,
            CriterionKind.AccessInequalitiesAndChoice, CriterionKind.SocialValue,
        }.Select(k => new CriterionInput { Name = ProcurementLabels.DisplayName(k), Kind = k, Weight = 20m, Descriptors = DefaultDescriptors() })];

    public static List<string> DefaultDescriptors() =>
    [
        "0: No response, or the response does not address the criterion.",
        "1: Poor: significant gaps or risks; little confidence it can be delivered.",
        "2: Weak: addresses the criterion in part; some gaps or risks.",
        "3: Satisfactory: meets the criterion with minor gaps.",
        "4: Good: meets the criterion fully, with evidence.",
        "5: Excellent: meets the criterion fully, with strong evidence and added value.",
    ];

    public static OpportunityDraft From(Opportunity o) => new()
    {
        Title = o.Title,
        Description = o.Description,
        Type = o.Type,
        Process = o.Process,
        Commissioners = o.Commissioners.Select(c => new CommissionerShare { OrganisationId = c.OrganisationId, Share = c.SharePercent }).ToList(),
        Lots = o.Lots.OrderBy(l => l.Number).Select(l => new LotInput { Number = l.Number, Title = l.Title, Value = l.Value }).ToList(),
        TotalValue = o.TotalValue,
        ContractStart = o.ContractStart,
        ContractEnd = o.ContractEnd,
        MobilisationStart = o.MobilisationStart,
        PublicationDate = o.PublicationDate,
        ClarificationDeadline = new DateTimeOffset(o.ClarificationDeadline, TimeSpan.Zero),
        SubmissionDeadline = new DateTimeOffset(o.SubmissionDeadline, TimeSpan.Zero),
        EvaluationEnd = o.EvaluationEnd,
        Needs = o.Needs.Select(n => n.TaxonomyTermId).ToList(),
        Outcodes = ProcurementLabels.SortOutcodes(o.Areas.Select(a => a.Outcode)).ToList(),
        MinimumAnnualTurnover = o.MinimumAnnualTurnover,
        MinimumPublicLiabilityCover = o.MinimumPublicLiabilityCover,
        MinimumEmployersLiabilityCover = o.MinimumEmployersLiabilityCover,
        RequiredRegistrations = [.. o.RequiredRegistrations],
        RequiredEvidence = o.RequiredEvidence.Select(e => e.Kind).Order().ToList(),
        Criteria = o.Criteria.OrderBy(c => c.Order).Select(c => new CriterionInput { Name = c.Name, Kind = c.Kind, Weight = c.Weight, Descriptors = [.. c.Descriptors] }).ToList(),
        IncumbentOrganisationId = o.IncumbentOrganisationId,
        PerformanceAssessmentUrl = o.PerformanceAssessmentUrl,
    };

    /// <summary>Copies validated values onto the opportunity, replacing its child rows to match.</summary>
    public void ApplyTo(Opportunity o)
    {
        o.Title = Title!.Trim();
        o.Description = Tidy(Description);
        o.Type = Type!.Value;
        o.Process = Process!.Value;
        o.TotalValue = TotalValue!.Value;
        o.ContractStart = ContractStart!.Value;
        o.ContractEnd = ContractEnd!.Value;
        o.MobilisationStart = MobilisationStart;
        o.PublicationDate = PublicationDate!.Value;
        o.ClarificationDeadline = ClarificationDeadline!.Value.UtcDateTime;
        o.SubmissionDeadline = SubmissionDeadline!.Value.UtcDateTime;
        o.EvaluationEnd = EvaluationEnd!.Value;
        o.MinimumAnnualTurnover = MinimumAnnualTurnover;
        o.MinimumPublicLiabilityCover = MinimumPublicLiabilityCover;
        o.MinimumEmployersLiabilityCover = MinimumEmployersLiabilityCover;
        o.RequiredRegistrations = RequiredRegistrations.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        o.IncumbentOrganisationId = IncumbentOrganisationId;
        o.PerformanceAssessmentUrl = Tidy(PerformanceAssessmentUrl);

        o.Commissioners.Clear();
        o.Commissioners.AddRange(Commissioners.Select(c => new OpportunityCommissioner { OpportunityId = o.Id, OrganisationId = c.OrganisationId, SharePercent = c.Share }));
        o.Lots.Clear();
        o.Lots.AddRange(Lots.Select(l => new Lot { OpportunityId = o.Id, Number = l.Number, Title = l.Title!.Trim(), Value = l.Value }));
        o.Criteria.Clear();
        o.Criteria.AddRange((Criteria ?? DefaultCriteria()).Select((c, i) => new AwardCriterion
        {
            OpportunityId = o.Id, Order = i + 1, Name = c.Name!.Trim(), Kind = c.Kind, Weight = c.Weight, Descriptors = c.Descriptors.Select(d => d.Trim()).ToList(),
        }));
        o.Needs.Clear();
        o.Needs.AddRange(Needs.Distinct().Select(n => new OpportunityNeed { OpportunityId = o.Id, TaxonomyTermId = n }));
        o.Areas.Clear();
        o.Areas.AddRange(Outcodes.Select(NormaliseOutcode).Distinct().Select(a => new OpportunityArea { OpportunityId = o.Id, Outcode = a }));
        o.RequiredEvidence.Clear();
        o.RequiredEvidence.AddRange(RequiredEvidence.Distinct().Select(k => new OpportunityEvidence { OpportunityId = o.Id, Kind = k }));
    }

    public static string NormaliseOutcode(string outcode) => outcode.Trim().ToUpperInvariant();

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Plain-English rules for a draft; property names are the JSON path the API reports.</summary>
public sealed partial class OpportunityDraftValidator : AbstractValidator<OpportunityDraft>
{
    public OpportunityDraftValidator(IReadOnlySet<Guid> knownNeeds, IReadOnlySet<Guid> knownOrganisations)
    {
        RuleFor(d => d.Title).NotEmpty().WithMessage("Enter a title")
            .MaximumLength(Opportunity.TitleMaxLength).WithMessage($"Title must be {Opportunity.TitleMaxLength} characters or fewer");
        RuleFor(d => d.Description).MaximumLength(Opportunity.DescriptionMaxLength).WithMessage($"Description must be {Opportunity.DescriptionMaxLength:N0} characters or fewer");
        RuleFor(d => d.Type).NotNull().WithMessage("Select the type of opportunity").IsInEnum().WithMessage("Select the type of opportunity");
        RuleFor(d => d.Process).NotNull().WithMessage("Select the process").IsInEnum().WithMessage("Select the process");

        RuleFor(d => d.Commissioners).NotEmpty().WithMessage("Add at least one commissioner")
            .Must(c => c.Sum(x => x.Share) == 100m).When(d => d.Commissioners.Count > 0, ApplyConditionTo.CurrentValidator)
            .WithMessage(d => $"Commissioners' shares of the budget must add up to 100%; they add up to {ProcurementLabels.Percent(d.Commissioners.Sum(x => x.Share))}")
            .Must(c => c.Select(x => x.OrganisationId).Distinct().Count() == c.Count).WithMessage("List each commissioner once");
        RuleForEach(d => d.Commissioners).ChildRules(c =>
        {
            c.RuleFor(x => x.OrganisationId).Must(knownOrganisations.Contains).WithMessage("Select a commissioning organisation from the list");
            c.RuleFor(x => x.Share).GreaterThan(0).WithMessage("Share must be more than 0%").LessThanOrEqualTo(100).WithMessage("Share must be 100% or less");
        });

        RuleFor(d => d.TotalValue).NotNull().WithMessage("Enter the total value")
            .GreaterThanOrEqualTo(0).WithMessage("Total value must be £0 or more");
        RuleFor(d => d.Lots).Must(l => l.Select(x => x.Number).Distinct().Count() == l.Count).WithMessage("Give each lot a different number")
            .Must((d, l) => l.Sum(x => x.Value) <= d.TotalValue).When(d => d.TotalValue is >= 0 && d.Lots.All(l => l.Value >= 0), ApplyConditionTo.CurrentValidator)
            .WithMessage(d => $"The lots add up to {ProcurementLabels.Money(d.Lots.Sum(x => x.Value))}, more than the total value of {ProcurementLabels.Money(d.TotalValue ?? 0)}");
        RuleForEach(d => d.Lots).ChildRules(l =>
        {
            l.RuleFor(x => x.Number).GreaterThan(0).WithMessage("Lot number must be 1 or more");
            l.RuleFor(x => x.Title).NotEmpty().WithMessage("Enter the lot's title").MaximumLength(200).WithMessage("Lot title must be 200 characters or fewer");
            l.RuleFor(x => x.Value).GreaterThanOrEqualTo(0).WithMessage("Lot value must be £0 or more");
        });

        RuleFor(d => d.ContractStart).NotNull().WithMessage("Enter the contract start date");
        RuleFor(d => d.ContractEnd).NotNull().WithMessage("Enter the contract end date")
            .GreaterThan(d => d.ContractStart).When(d => d.ContractStart is not null, ApplyConditionTo.CurrentValidator).WithMessage("Contract end date must be after the start date");
        RuleFor(d => d.PublicationDate).NotNull().WithMessage("Enter the publication date");
        RuleFor(d => d.ClarificationDeadline).NotNull().WithMessage("Enter the clarification deadline")
            .Must((d, c) => Timetable.UkDate(c!.Value.UtcDateTime) >= d.PublicationDate).When(d => d.PublicationDate is not null && d.ClarificationDeadline is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Clarification deadline must be on or after the publication date");
        RuleFor(d => d.SubmissionDeadline).NotNull().WithMessage("Enter the submission deadline")
            .GreaterThan(d => d.ClarificationDeadline).When(d => d.ClarificationDeadline is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Submission deadline must be after the clarification deadline")
            .Must((d, s) => Timetable.UkDate(s!.Value.UtcDateTime) > d.PublicationDate).When(d => d.PublicationDate is not null && d.SubmissionDeadline is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Submission deadline must be after the publication date");
        RuleFor(d => d.EvaluationEnd).NotNull().WithMessage("Enter the date evaluation ends")
            .Must((d, e) => e > Timetable.UkDate(d.SubmissionDeadline!.Value.UtcDateTime)).When(d => d.SubmissionDeadline is not null && d.EvaluationEnd is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Evaluation must end after the submission deadline");
        RuleFor(d => d.ContractStart)
            .GreaterThan(d => d.EvaluationEnd).When(d => d.EvaluationEnd is not null && d.ContractStart is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Contract start date must be after evaluation ends");
        RuleFor(d => d.MobilisationStart)
            .LessThanOrEqualTo(d => d.ContractStart).When(d => d.MobilisationStart is not null && d.ContractStart is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Mobilisation must start on or before the contract start date")
            .GreaterThanOrEqualTo(d => d.PublicationDate).When(d => d.MobilisationStart is not null && d.PublicationDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Mobilisation cannot start before publication");

        RuleForEach(d => d.Needs).Must(knownNeeds.Contains).WithMessage("Select needs from the list");
        RuleForEach(d => d.Outcodes).Must(o => OutcodePattern().IsMatch(OpportunityDraft.NormaliseOutcode(o ?? "")))
            .WithMessage("Enter an outcode like E1 or E14");

        RuleFor(d => d.MinimumAnnualTurnover).GreaterThanOrEqualTo(0).WithMessage("Minimum turnover must be £0 or more");
        RuleFor(d => d.MinimumPublicLiabilityCover).GreaterThanOrEqualTo(0).WithMessage("Public liability cover must be £0 or more");
        RuleFor(d => d.MinimumEmployersLiabilityCover).GreaterThanOrEqualTo(0).WithMessage("Employers' liability cover must be £0 or more");
        RuleForEach(d => d.RequiredRegistrations).MaximumLength(100).WithMessage("A registration must be 100 characters or fewer");
        RuleForEach(d => d.RequiredEvidence).IsInEnum().WithMessage("Select evidence kinds from the list");

        RuleFor(d => d.Criteria).NotEmpty().When(d => d.Criteria is not null, ApplyConditionTo.CurrentValidator).WithMessage("Add at least one award criterion")
            .Must(c => c!.Sum(x => x.Weight) == 100m).When(d => d.Criteria is { Count: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage(d => $"Criteria weights must add up to 100%; they add up to {ProcurementLabels.Percent(d.Criteria!.Sum(x => x.Weight))}");
        RuleForEach(d => d.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the criterion's name").MaximumLength(200).WithMessage("Criterion name must be 200 characters or fewer");
            c.RuleFor(x => x.Kind).IsInEnum().WithMessage("Select the kind of criterion");
            c.RuleFor(x => x.Weight).GreaterThanOrEqualTo(0).WithMessage("Weight must be 0% or more").LessThanOrEqualTo(100).WithMessage("Weight must be 100% or less");
            c.RuleFor(x => x.Descriptors).Must(ds => ds.Count == AwardCriterion.DescriptorCount && ds.All(s => !string.IsNullOrWhiteSpace(s)))
                .WithMessage("Describe what each score from 0 to 5 means (six descriptors)");
        });

        RuleFor(d => d.IncumbentOrganisationId).Must(id => knownOrganisations.Contains(id!.Value)).When(d => d.IncumbentOrganisationId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Select the incumbent from the list of organisations");
        RuleFor(d => d.PerformanceAssessmentUrl).MaximumLength(500).WithMessage("Address must be 500 characters or fewer")
            .Must(u => string.IsNullOrWhiteSpace(u) || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage("Enter the performance assessment's address, starting with https:// or http://");
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex OutcodePattern();
}
