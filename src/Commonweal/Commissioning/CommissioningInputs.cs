using System.Text.RegularExpressions;
using FluentValidation;

namespace Commonweal.Commissioning;

public sealed class AreaInput
{
    public Guid Commissioner { get; set; }
    public string? Name { get; set; }
    public List<string>? Outcodes { get; set; }
}

public sealed class NeedInput
{
    public NeedKind? Kind { get; set; }
    public string? Name { get; set; }
    public decimal? Prevalence { get; set; }
    public PrevalenceUnit? PrevalenceUnit { get; set; }
    public decimal? Burden { get; set; }
    public BurdenUnit? BurdenUnit { get; set; }
    public bool Rare { get; set; }
    public string? OrphanetCode { get; set; }

    /// <summary>The needs taxonomy term id.</summary>
    public Guid? Term { get; set; }
    public int? EstimatedPeople { get; set; }
}

public sealed class PlanInput
{
    public Guid Commissioner { get; set; }
    public Guid Area { get; set; }
    public int? Year { get; set; }
    public string? Title { get; set; }
    public bool Publish { get; set; }
}

public sealed class PlanLineInput
{
    public Guid Need { get; set; }
    public decimal? Amount { get; set; }
}

public sealed class PoolInput
{
    public string? Name { get; set; }
    public List<PoolMemberInput>? Members { get; set; }
}

public sealed class PoolMemberInput
{
    public Guid Organisation { get; set; }
    public decimal? Amount { get; set; }
    public decimal? Share { get; set; }
}

public sealed class PoolLinkInput
{
    public Guid Opportunity { get; set; }
}

public static partial class CommissioningFormats
{
    /// <summary>An Orphanet code: "ORPHA:" and the ORPHAcode's digits.</summary>
    [GeneratedRegex(@"^ORPHA:[1-9][0-9]{0,6}$")]
    public static partial Regex Orphanet();

    /// <summary>A UK outward code: E1, E14, EC1A, SW1A, M1.</summary>
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    public static partial Regex Outcode();

    public static string NormaliseOutcode(string? outcode) => (outcode ?? "").Trim().ToUpperInvariant();
}

public sealed class AreaValidator : AbstractValidator<AreaInput>
{
    public AreaValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithMessage("Enter the area's name")
            .MaximumLength(NeedsArea.NameMaxLength).WithMessage($"Name must be {NeedsArea.NameMaxLength} characters or fewer");
        RuleFor(a => a.Outcodes).NotEmpty().WithMessage("Enter at least one outcode, such as E3")
            .Must(o => o!.Count <= 200).When(a => a.Outcodes is not null, ApplyConditionTo.CurrentValidator).WithMessage("Enter 200 outcodes or fewer");
        RuleForEach(a => a.Outcodes).Must(o => CommissioningFormats.Outcode().IsMatch(CommissioningFormats.NormaliseOutcode(o)))
            .WithMessage("Enter an outcode like E3 or EC1A (the first half of a postcode)");
        RuleFor(a => a.Outcodes).Custom((outcodes, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (outcodes?.Count ?? 0); i++)
            {
                var outcode = CommissioningFormats.NormaliseOutcode(outcodes![i]);
                if (outcode.Length > 0 && !seen.Add(outcode))
                {
                    context.AddFailure($"{nameof(AreaInput.Outcodes)}[{i}]", $"{outcode} is entered more than once: enter each outcode once");
                }
            }
        });
    }
}

public sealed class NeedValidator : AbstractValidator<NeedInput>
{
    public NeedValidator()
    {
        RuleFor(n => n.Kind).NotNull().WithMessage("Select condition or social need");
        RuleFor(n => n.Name).NotEmpty().WithMessage("Enter the name of the need or condition")
            .MaximumLength(AreaNeed.NameMaxLength).WithMessage($"Name must be {AreaNeed.NameMaxLength} characters or fewer");
        When(n => n.Kind == NeedKind.Condition, () =>
        {
            RuleFor(n => n.Prevalence).NotNull().WithMessage("Enter the prevalence (per 1,000 people or a count)")
                .GreaterThanOrEqualTo(0).When(n => n.Prevalence is not null, ApplyConditionTo.CurrentValidator).WithMessage("Prevalence must be 0 or more");
            RuleFor(n => n.Prevalence).LessThanOrEqualTo(1000).When(n => n.PrevalenceUnit == PrevalenceUnit.PerThousand)
                .WithMessage("Prevalence per 1,000 must be 1,000 or less");
            RuleFor(n => n.PrevalenceUnit).NotNull().When(n => n.Prevalence is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select per 1,000 or count for the prevalence");
            RuleFor(n => n.Burden).GreaterThanOrEqualTo(0).When(n => n.Burden is not null, ApplyConditionTo.CurrentValidator).WithMessage("Burden must be 0 or more");
            RuleFor(n => n.Burden).LessThanOrEqualTo(100).When(n => n.BurdenUnit == BurdenUnit.Percent, ApplyConditionTo.CurrentValidator).WithMessage("Burden as a share must be 100% or less");
            RuleFor(n => n.BurdenUnit).NotNull().When(n => n.Burden is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select DALYs or percent for the burden");
            RuleFor(n => n.OrphanetCode).Must(c => CommissioningFormats.Orphanet().IsMatch(c!.Trim()))
                .When(n => !string.IsNullOrWhiteSpace(n.OrphanetCode), ApplyConditionTo.CurrentValidator).WithMessage("Enter the Orphanet code as ORPHA: and digits, like ORPHA:262");
            RuleFor(n => n.EstimatedPeople).Null().WithMessage("Give a condition's prevalence rather than an estimated number of people");
        });
        When(n => n.Kind == NeedKind.Social, () =>
        {
            RuleFor(n => n.Term).NotNull().WithMessage("Select the need from the needs taxonomy");
            RuleFor(n => n.EstimatedPeople).NotNull().WithMessage("Enter the estimated number of people with the need")
                .GreaterThanOrEqualTo(0).When(n => n.EstimatedPeople is not null, ApplyConditionTo.CurrentValidator).WithMessage("Estimated people must be 0 or more");
            RuleFor(n => n.Rare).Equal(false).WithMessage("Only a health condition can be rare");
            RuleFor(n => n.OrphanetCode).Empty().WithMessage("Only a health condition has an Orphanet code");
            RuleFor(n => n.Burden).Null().WithMessage("Only a health condition has a disease burden");
            RuleFor(n => n.Prevalence).Null().WithMessage("Give a social need's estimated number of people rather than a prevalence");
        });
    }
}

public sealed class PlanValidator : AbstractValidator<PlanInput>
{
    public PlanValidator()
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Enter the plan's title")
            .MaximumLength(CommissioningPlan.TitleMaxLength).WithMessage($"Title must be {CommissioningPlan.TitleMaxLength} characters or fewer");
        RuleFor(p => p.Year).NotNull().WithMessage("Enter the financial year the plan is for")
            .InclusiveBetween(2000, 2100).When(p => p.Year is not null, ApplyConditionTo.CurrentValidator).WithMessage("Enter a financial year from 2000 to 2100");
    }
}

public sealed class PlanLineValidator : AbstractValidator<PlanLineInput>
{
    public PlanLineValidator()
    {
        RuleFor(l => l.Amount).NotNull().WithMessage("Enter the amount in pounds")
            .GreaterThanOrEqualTo(0).When(l => l.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("Amount must be £0 or more")
            .LessThan(10_000_000_000m).When(l => l.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("Amount must be less than £10 billion");
    }
}

public sealed class PoolValidator : AbstractValidator<PoolInput>
{
    public PoolValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the pooled fund's name")
            .MaximumLength(PooledFund.NameMaxLength).WithMessage($"Name must be {PooledFund.NameMaxLength} characters or fewer");
        RuleFor(p => p.Members).NotNull().WithMessage("Add the commissioners pooling money")
            .Must(m => m!.Count >= 2).When(p => p.Members is not null, ApplyConditionTo.CurrentValidator).WithMessage("A pooled fund needs at least two commissioners")
            .Must(m => m!.Select(x => x.Organisation).Distinct().Count() == m!.Count).When(p => p.Members is not null, ApplyConditionTo.CurrentValidator).WithMessage("Each commissioner can be in the pool once")
            .Must(m => m!.Sum(x => x.Share ?? 0) == 100).When(p => p.Members is { Count: >= 2 } m && m.All(x => x.Share is not null), ApplyConditionTo.CurrentValidator)
            .WithMessage("The shares must add up to 100%");
        RuleForEach(p => p.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.Organisation).NotEmpty().WithMessage("Give the commissioner's organisation id");
            m.RuleFor(x => x.Amount).NotNull().WithMessage("Enter the amount pooled in pounds")
                .GreaterThan(0).When(x => x.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("Amount must be more than £0")
                .LessThan(10_000_000_000m).When(x => x.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("Amount must be less than £10 billion");
            m.RuleFor(x => x.Share).NotNull().WithMessage("Enter the agreed share as a percentage")
                .GreaterThan(0).When(x => x.Share is not null, ApplyConditionTo.CurrentValidator).WithMessage("Share must be more than 0%")
                .LessThanOrEqualTo(100).When(x => x.Share is not null, ApplyConditionTo.CurrentValidator).WithMessage("Share must be 100% or less")
                .Must(s => decimal.Round(s!.Value, 2) == s.Value).When(x => x.Share is not null, ApplyConditionTo.CurrentValidator).WithMessage("Share can have at most two decimal places");
        });
    }
}
