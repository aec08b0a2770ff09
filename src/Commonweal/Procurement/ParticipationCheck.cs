using Commonweal.Data;
using Commonweal.Passport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement;

public enum ConditionOutcome
{
    Met,
    NotMet,

    /// <summary>Not something a passport records (a registration other than CQC): the commissioner asks for it.</summary>
    ToConfirm,
}

public sealed record ConditionResult(string Condition, ConditionOutcome Outcome, string Reason)
{
    public bool Met => Outcome == ConditionOutcome.Met;
}

/// <summary>
/// Whether an organisation already meets an opportunity's conditions of participation, from its
/// passport as it will stand at the submission deadline (evidence that expires before then does
/// not count). One result per condition, each met or not with the reason:
/// <list type="bullet">
/// <item>Minimum annual turnover: the income in the latest accounts is at least the minimum.</item>
/// <item>Public and employers' liability cover: a policy in force at the deadline covers at least the minimum.</item>
/// <item>Registrations: CQC registration is read from the passport; any other is for the commissioner to confirm.</item>
/// <item>Each kind of evidence the opportunity requires is held and not expired at the deadline.</item>
/// </list>
/// </summary>
public static class ParticipationCheck
{
    public sealed record Finding(Opportunity Opportunity, IReadOnlyList<ConditionResult> Conditions)
    {
        public bool Eligible => MeetsAll(Conditions);
    }

    /// <summary>
    /// Every opportunity open for bids, with how the organisation stands against its conditions: those
    /// it already meets first, then by deadline. The passport is read once and judged at each deadline.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> ForOrganisationAsync(CommonwealDbContext db, Guid organisationId, DateTime now, CancellationToken cancellationToken = default)
    {
        var open = await db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published && o.PublishedAt != null && o.SubmissionDeadline > now)
            .Include(o => o.Commissioners).ThenInclude(c => c.Organisation).Include(o => o.Lots).Include(o => o.RequiredEvidence)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var evidence = await PassportStatus.LoadEvidenceAsync(db, organisationId, cancellationToken);
        return [.. open
            .Select(o => new Finding(o, Run(o, new PassportSummary(PassportStatus.Compute(evidence, o.SubmissionDeadline)))))
            .OrderBy(f => f.Eligible ? 0 : 1).ThenBy(f => f.Opportunity.SubmissionDeadline).ThenBy(f => f.Opportunity.Id)];
    }

    public static IReadOnlyList<ConditionResult> Run(Opportunity o, PassportSummary passport)
    {
        var results = new List<ConditionResult>();
        if (o.MinimumAnnualTurnover is { } turnover)
        {
            results.Add(passport.LatestIncome switch
            {
                null => new("Minimum annual turnover", ConditionOutcome.NotMet, $"No accounts in the passport to show a turnover of {ProcurementLabels.Money(turnover)}"),
                var income when income < turnover => new("Minimum annual turnover", ConditionOutcome.NotMet,
                    $"Income in the latest accounts is {PassportLabels.Money(income.Value)}, below the minimum of {ProcurementLabels.Money(turnover)}"),
                var income => new("Minimum annual turnover", ConditionOutcome.Met,
                    $"Income in the latest accounts is {PassportLabels.Money(income.Value)}, at least the minimum of {ProcurementLabels.Money(turnover)}"),
            });
        }

        Cover(results, passport, EvidenceKind.PublicLiabilityInsurance, "Public liability insurance", o.MinimumPublicLiabilityCover);
        Cover(results, passport, EvidenceKind.EmployersLiabilityInsurance, "Employers' liability insurance", o.MinimumEmployersLiabilityCover);

        foreach (var registration in o.RequiredRegistrations)
        {
            if (IsCqc(registration))
            {
                results.Add(passport.HasCqcRegistration
                    ? new(registration, ConditionOutcome.Met, "CQC registration is in the passport")
                    : new(registration, ConditionOutcome.NotMet, "No CQC registration in the passport"));
            }
            else
            {
                results.Add(new(registration, ConditionOutcome.ToConfirm, "The passport does not record this registration: the commissioner will ask for evidence of it"));
            }
        }

        foreach (var kind in o.RequiredEvidence.Select(e => e.Kind).Distinct().Order())
        {
            var status = passport.Status[kind];
            var name = PassportLabels.DisplayName(kind);
            results.Add(status.Holds
                ? new(name, ConditionOutcome.Met, status.Date is { } valid && kind != EvidenceKind.CqcRegistration
                    ? $"In the passport and valid at the submission deadline ({PassportLabels.DateMeaning(kind, status.State).ToLowerInvariant()} {PassportLabels.Date(valid)})"
                    : "In the passport and valid at the submission deadline")
                : new(name, ConditionOutcome.NotMet, status.State == EvidenceState.Missing
                    ? status.Note is { } note ? $"Not valid at the submission deadline: {note.ToLowerInvariant()}" : "Not in the passport"
                    : $"Not valid at the submission deadline: {PassportLabels.DateMeaning(kind, status.State).ToLowerInvariant()} {PassportLabels.Date(status.Date!.Value)}"));
        }

        return results;
    }

    /// <summary>Met when no condition is unmet; those for the commissioner to confirm do not count against it.</summary>
    public static bool MeetsAll(IEnumerable<ConditionResult> results) => results.All(r => r.Outcome != ConditionOutcome.NotMet);

    /// <summary>
    /// The kinds of evidence a bid relies on for this opportunity: those it requires, and those its
    /// minimums are checked against (insurance for cover, accounts for turnover, CQC for registration).
    /// </summary>
    public static IReadOnlyList<EvidenceKind> EvidenceKinds(Opportunity o)
    {
        var kinds = o.RequiredEvidence.Select(e => e.Kind).ToHashSet();
        if (o.MinimumAnnualTurnover is not null)
        {
            kinds.Add(EvidenceKind.Accounts);
        }

        if (o.MinimumPublicLiabilityCover is not null)
        {
            kinds.Add(EvidenceKind.PublicLiabilityInsurance);
        }

        if (o.MinimumEmployersLiabilityCover is not null)
        {
            kinds.Add(EvidenceKind.EmployersLiabilityInsurance);
        }

        if (o.RequiredRegistrations.Any(IsCqc))
        {
            kinds.Add(EvidenceKind.CqcRegistration);
        }

        return [.. kinds.Order()];
    }

    private static bool IsCqc(string registration) => registration.Contains("CQC", StringComparison.OrdinalIgnoreCase)
        || registration.Contains("Care Quality Commission", StringComparison.OrdinalIgnoreCase);

    private static void Cover(List<ConditionResult> results, PassportSummary passport, EvidenceKind kind, string name, long? minimum)
    {
        if (minimum is not { } required)
        {
            return;
        }

        results.Add(passport.InsuranceCover(kind) switch
        {
            null => new(name, ConditionOutcome.NotMet, $"No policy in force at the submission deadline; {ProcurementLabels.Money(required)} of cover is required"),
            var cover when cover < required => new(name, ConditionOutcome.NotMet,
                $"Cover is {PassportLabels.Money(cover.Value)}, below the {ProcurementLabels.Money(required)} required"),
            var cover => new(name, ConditionOutcome.Met, $"Cover is {PassportLabels.Money(cover.Value)}, at least the {ProcurementLabels.Money(required)} required"),
        });
    }
}
