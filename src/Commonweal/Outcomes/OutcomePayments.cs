using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Outcomes.Analysis;
using Commonweal.Referrals;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

public sealed class TargetInput
{
    public OutcomeMeasure? Measure { get; set; }
    public string? Instrument { get; set; }
    public string? Scale { get; set; }

    /// <summary>A share from 0 to 1.</summary>
    public double? Target { get; set; }
    public decimal? WeightPercent { get; set; }
}

/// <summary>A quarter (or part of one) of a contract's term: the period a payment statement covers.</summary>
public sealed record PaymentPeriod(DateOnly From, DateOnly To)
{
    public string Label => $"{From.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} to {To.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}

public sealed record ContractSummary(Guid Id, string Title, decimal Value, DateOnly Start, DateOnly End, decimal OutcomeLinkedPercent, string Supplier, IReadOnlyList<Guid> Commissioners);

/// <summary>A period's statement with what it was computed from.</summary>
public sealed record ContractStatement(ContractSummary Contract, PaymentPeriod Period, IReadOnlyList<ContractOutcomeTarget> Targets, OutcomeCounts? Counts, PaymentStatement Statement);

/// <summary>
/// Outcome-linked payment: a contract's targets, recorded by its commissioners, and a statement per
/// quarter of its term computed by <see cref="OutcomePayment.Compute"/> from the contract's outcomes
/// (<see cref="OutcomeAnalysis"/> with the contract as scope) for the referrals made in that quarter.
/// The value for a period is the contract's value pro rata to the days of its term the period covers.
/// </summary>
public sealed class OutcomePayments(CommonwealDbContext db, InstrumentCatalogue instruments, OutcomeAnalysis analysis)
{
    public async Task<ContractSummary?> ContractAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var c = await db.Contracts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Title, c.Value, c.Start, c.End, c.OutcomeLinkedPaymentPercent, OpportunityTitle = c.Award!.Opportunity!.Title,
                Supplier = c.Award.Suppliers.OrderByDescending(s => s.IsLead).Select(s => s.Organisation!.Name).FirstOrDefault(),
                Commissioners = c.Award.Opportunity.Commissioners.Select(x => x.OrganisationId).ToList(),
            }).FirstOrDefaultAsync(cancellationToken);
        return c is null ? null : new ContractSummary(c.Id, c.Title ?? c.OpportunityTitle, c.Value ?? 0, c.Start, c.End, c.OutcomeLinkedPaymentPercent, c.Supplier ?? "", c.Commissioners);
    }

    public static bool IsCommissioner(Viewer viewer, ContractSummary contract) =>
        contract.Commissioners.Any(o => viewer.HasRoleIn(o, MembershipRole.Commissioner));

    /// <summary>The contract's suppliers' members see statements too: the money is theirs.</summary>
    public async Task<bool> MaySeeAsync(Viewer viewer, ContractSummary contract, CancellationToken cancellationToken = default)
    {
        if (IsCommissioner(viewer, contract))
        {
            return true;
        }

        var suppliers = await db.Contracts.Where(c => c.Id == contract.Id).SelectMany(c => c.Award!.Suppliers.Select(s => s.OrganisationId)).ToListAsync(cancellationToken);
        return suppliers.Any(viewer.IsMemberOf);
    }

    public async Task<IReadOnlyList<ContractOutcomeTarget>> TargetsAsync(Guid contractId, CancellationToken cancellationToken = default) =>
        await db.ContractOutcomeTargets.AsNoTracking().Where(t => t.ContractId == contractId).OrderBy(t => t.Measure).ToListAsync(cancellationToken);

    /// <summary>Replaces the contract's targets; refused whole, naming the field ("targets[1].weightPercent"), when any is wrong.</summary>
    public async Task<CareResult<IReadOnlyList<ContractOutcomeTarget>>> SetTargetsAsync(ContractSummary contract, IReadOnlyList<TargetInput>? input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!IsCommissioner(viewer, contract))
        {
            return CareResult<IReadOnlyList<ContractOutcomeTarget>>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired,
                "Only the contract's commissioners can set its outcome targets.");
        }

        var failures = new List<ValidationFailure>();
        input ??= [];
        if (input.Count == 0)
        {
            failures.Add(new ValidationFailure("targets", "Add at least one outcome target"));
        }

        for (var i = 0; i < input.Count; i++)
        {
            var t = input[i];
            var at = $"targets[{i}]";
            if (t.Measure is null)
            {
                failures.Add(new ValidationFailure($"{at}.measure", "Select the measure: the follow-up rate or the share improved"));
            }
            else if (input.Take(i).Any(x => x.Measure == t.Measure))
            {
                failures.Add(new ValidationFailure($"{at}.measure", "A contract has one target per measure"));
            }

            var definition = await instruments.FindAsync(t.Instrument, cancellationToken);
            if (definition is null)
            {
                failures.Add(new ValidationFailure($"{at}.instrument", "Select the questionnaire the target is measured with"));
            }
            else if (definition.Scale(t.Scale ?? "") is null)
            {
                failures.Add(new ValidationFailure($"{at}.scale", $"Select one of the questionnaire's scales: {string.Join(", ", definition.Scales.Select(s => s.Id))}"));
            }

            if (t.Target is not (> 0 and <= 1))
            {
                failures.Add(new ValidationFailure($"{at}.target", "Enter the target as a share above 0 and up to 1 (0.6 for 60%)"));
            }

            if (t.WeightPercent is not (> 0 and <= 100))
            {
                failures.Add(new ValidationFailure($"{at}.weightPercent", "Enter the target's weight as a percentage above 0 and up to 100"));
            }
        }

        if (failures.Count == 0 && input.Sum(t => t.WeightPercent!.Value) != 100)
        {
            failures.Add(new ValidationFailure("targets", $"The weights must add up to 100; they add up to {input.Sum(t => t.WeightPercent!.Value):0.##}"));
        }

        if (failures.Count > 0)
        {
            return CareResult<IReadOnlyList<ContractOutcomeTarget>>.Invalid(new ValidationResult(failures));
        }

        // Removed through the change tracker, not ExecuteDelete, so that the old targets go into the audit log.
        db.ContractOutcomeTargets.RemoveRange(await db.ContractOutcomeTargets.Where(t => t.ContractId == contract.Id).ToListAsync(cancellationToken));
        var targets = input.Select(t => new ContractOutcomeTarget
        {
            ContractId = contract.Id, Measure = t.Measure!.Value, InstrumentKey = t.Instrument!, ScaleKey = t.Scale!, Target = t.Target!.Value,
            WeightPercent = t.WeightPercent!.Value, UpdatedAt = db.Now, UpdatedBy = viewer.Name,
        }).ToList();
        db.ContractOutcomeTargets.AddRange(targets);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<IReadOnlyList<ContractOutcomeTarget>>.Ok(targets);
    }

    /// <summary>The quarters of the contract's term, the last cut at its end.</summary>
    public static IReadOnlyList<PaymentPeriod> Quarters(ContractSummary contract)
    {
        var periods = new List<PaymentPeriod>();
        for (var start = contract.Start; start <= contract.End && periods.Count < 200; start = start.AddMonths(3))
        {
            var end = start.AddMonths(3).AddDays(-1);
            periods.Add(new PaymentPeriod(start, end > contract.End ? contract.End : end));
        }

        return periods;
    }

    /// <summary>The contract's value for the period: its value pro rata to the days of the term the period covers.</summary>
    public static decimal ValueFor(ContractSummary contract, PaymentPeriod period)
    {
        var termDays = contract.End.DayNumber - contract.Start.DayNumber + 1;
        var from = period.From < contract.Start ? contract.Start : period.From;
        var to = period.To > contract.End ? contract.End : period.To;
        var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        return termDays <= 0 ? 0 : Money.ToPence(contract.Value * days / termDays);
    }

    public async Task<ContractStatement> StatementAsync(ContractSummary contract, PaymentPeriod period, CancellationToken cancellationToken = default)
    {
        var targets = await TargetsAsync(contract.Id, cancellationToken);
        var achieved = new List<OutcomeAchievement>();
        OutcomeCounts? counts = null;
        foreach (var target in targets)
        {
            var definition = await instruments.FindAsync(target.InstrumentKey, cancellationToken);
            if (definition is null)
            {
                achieved.Add(new OutcomeAchievement(target.Measure, null));
                continue;
            }

            var report = await analysis.ReportAsync(definition, new OutcomeScope(OutcomeScopeKind.Contract, contract.Id), null, period.From, period.To, cancellationToken);
            counts ??= report.Figures.Counts;
            achieved.Add(new OutcomeAchievement(target.Measure, target.Measure switch
            {
                OutcomeMeasure.FollowUpRate => report.Figures.Counts.FollowUpRate,
                _ => report.Figures.Scale(target.ScaleKey)?.Change.ShareImproved,
            }));
        }

        var statement = OutcomePayment.Compute(ValueFor(contract, period), contract.OutcomeLinkedPercent,
            [.. targets.Select(t => new OutcomeTarget(t.Measure, t.Target, t.WeightPercent))], achieved);
        return new ContractStatement(contract, period, targets, counts, statement);
    }
}
