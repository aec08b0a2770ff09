using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement;

/// <summary>
/// draft → published → closed → evaluation → intention to award → standstill → awarded, or
/// cancelled from any state but the last two. Each move is its own transition row. Closing and
/// awarding follow the timetable: they are refused before the deadline or the end of the standstill.
/// </summary>
public static class OpportunityLifecycle
{
    private static readonly Dictionary<OpportunityStatus, OpportunityStatus> Next = new()
    {
        [OpportunityStatus.Draft] = OpportunityStatus.Published,
        [OpportunityStatus.Published] = OpportunityStatus.Closed,
        [OpportunityStatus.Closed] = OpportunityStatus.Evaluation,
        [OpportunityStatus.Evaluation] = OpportunityStatus.IntentionToAward,
        [OpportunityStatus.IntentionToAward] = OpportunityStatus.Standstill,
        [OpportunityStatus.Standstill] = OpportunityStatus.Awarded,
    };

    public static bool IsFinal(OpportunityStatus status) => status is OpportunityStatus.Awarded or OpportunityStatus.Cancelled;

    public static bool IsAllowed(OpportunityStatus from, OpportunityStatus to) =>
        (to == OpportunityStatus.Cancelled && !IsFinal(from)) || (Next.TryGetValue(from, out var next) && next == to);

    /// <summary>
    /// Moves the opportunity (not yet saved). Publishing goes through <see cref="Publish"/>,
    /// which runs the fairness check first.
    /// </summary>
    public static ProcurementResult Transition(Opportunity o, OpportunityStatus to, Actor actor, DateTime now, string? reason = null)
    {
        if (!IsAllowed(o.Status, to))
        {
            return ProcurementResult.Fail(ProcurementErrors.TransitionNotAllowed,
                $"An opportunity that is {ProcurementLabels.DisplayName(o.Status).ToLowerInvariant()} cannot become {ProcurementLabels.DisplayName(to).ToLowerInvariant()}.");
        }

        if (to == OpportunityStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
        {
            return ProcurementResult.Fail(ProcurementErrors.ReasonRequired, "Give a reason for cancelling: it is published with the notice.");
        }

        if (to == OpportunityStatus.Closed && now < o.SubmissionDeadline)
        {
            return ProcurementResult.Fail(ProcurementErrors.DeadlineNotReached,
                $"Bids can be made until the submission deadline, {Timetable.UkLocal(o.SubmissionDeadline):d MMMM yyyy HH:mm} UK time.");
        }

        if (to == OpportunityStatus.Awarded && (o.StandstillEndsAt is null || now < o.StandstillEndsAt))
        {
            return ProcurementResult.Fail(ProcurementErrors.StandstillNotOver,
                o.StandstillEndsAt is { } ends ? $"The standstill lasts until {Timetable.UkLocal(ends):d MMMM yyyy HH:mm} UK time." : "The standstill has not started.");
        }

        if (to == OpportunityStatus.Standstill)
        {
            o.StandstillStartedAt = now;
            o.StandstillEndsAt = Timetable.StandstillEndsAt(Timetable.UkDate(now));
        }

        Record(o, to, actor, now, reason);
        return ProcurementResult.Ok;
    }

    /// <summary>
    /// Publishes a draft unless the fairness check finds errors, which a commissioner may override
    /// with a reason; the reason and the findings are kept and shown with the notice.
    /// </summary>
    public static ProcurementResult Publish(Opportunity o, Actor actor, DateTime now, string? overrideReason = null)
    {
        if (o.Status != OpportunityStatus.Draft)
        {
            return ProcurementResult.Fail(ProcurementErrors.NotDraft, "Only a draft can be published.");
        }

        if (o.SubmissionDeadline <= now)
        {
            return ProcurementResult.Fail(ProcurementErrors.TimetablePassed, "The submission deadline has passed: change the timetable before publishing.");
        }

        // Publishing publishes today, whatever day was planned; the check runs on the dates as they will be.
        var planned = o.PublicationDate;
        o.PublicationDate = Timetable.UkDate(now);
        var findings = FairnessCheck.Run(o);
        var hasErrors = FairnessCheck.HasErrors(findings);
        if (hasErrors && string.IsNullOrWhiteSpace(overrideReason))
        {
            o.PublicationDate = planned;
            return ProcurementResult.Fail(ProcurementErrors.FairnessErrors,
                "The fairness check found errors. Change the draft, or give the reason these terms are justified: it will be published with the notice.", findings);
        }

        o.PublishedAt = now;
        o.FairnessOverrideReason = hasErrors ? overrideReason!.Trim() : null;
        o.FairnessOverriddenByUserId = hasErrors ? actor.UserId : null;
        o.FairnessFindingsAtPublication = AuditRecorder.Serialise(findings);
        o.SuitableForSmallOrganisations = FairnessCheck.SuitsSmallOrganisations(o, findings);
        Record(o, OpportunityStatus.Published, actor, now, hasErrors ? overrideReason!.Trim() : null);
        return ProcurementResult.Ok;
    }

    private static void Record(Opportunity o, OpportunityStatus to, Actor actor, DateTime now, string? reason)
    {
        o.Transitions.Add(new OpportunityTransition
        {
            OpportunityId = o.Id, From = o.Status, To = to, At = now, ByUserId = actor.UserId, By = actor.Name, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        o.Status = to;
        o.Version++;
    }

    /// <summary>An opportunity with everything the fairness check and the pages read.</summary>
    public static IQueryable<Opportunity> WithDetails(this IQueryable<Opportunity> query) =>
        query.Include(o => o.Commissioners).ThenInclude(c => c.Organisation)
            .Include(o => o.Lots).Include(o => o.Criteria).Include(o => o.Needs).Include(o => o.Areas)
            .Include(o => o.RequiredEvidence).Include(o => o.IncumbentOrganisation).Include(o => o.Transitions)
            .AsSplitQuery();
}
