using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;

namespace Commonweal.Seed;

/// <summary>
/// The demo area's awarded opportunity taken through the rest of its lifecycle by the award
/// rules (<see cref="Awarding"/>): evaluation, intention to award, standstill, award and a signed
/// contract with 30% of its value linked to outcomes. The lead supplier is a local charity with a
/// community interest company as its consortium partner.
/// </summary>
public static class DemoAwards
{
    public static Guid OpportunityId => StableIds.For("demo-opportunity:link-workers");
    public static Guid AwardId => StableIds.For("demo-award:link-workers");
    public static Guid ContractId => StableIds.For("demo-contract:link-workers");

    public const string LeadSupplier = "Mile End Carers Centre";
    public const string ConsortiumMember = "Limehouse Wellbeing CIC";
    public const decimal OutcomeLinkedPaymentPercent = 30m;

    /// <summary>Awards the (already published) opportunity at times worked out from its timetable, all in the past; returns the award to add.</summary>
    public static Award Award(Opportunity o, IReadOnlyDictionary<string, Organisation> organisations, Actor commissioner)
    {
        OpportunityLifecycle.Transition(o, OpportunityStatus.Closed, ProcurementClock.ClockActor, o.SubmissionDeadline, "The submission deadline passed.");
        OpportunityLifecycle.Transition(o, OpportunityStatus.Evaluation, commissioner, o.SubmissionDeadline.AddDays(1), "Evaluation started.");
        var intention = Timetable.ToUtc(o.EvaluationEnd, new TimeOnly(10, 0));
        var (_, award) = Awarding.Intend(o,
            new AwardInput(organisations[LeadSupplier].Id, o.TotalValue, ConsortiumMemberIds: [organisations[ConsortiumMember].Id],
                Title: "Social prescribing link workers: Mile End Carers Centre with Limehouse Wellbeing CIC") { Id = AwardId },
            [], commissioner, intention);
        Awarding.StartStandstill(o, [award!], commissioner, intention.AddMinutes(5));
        var signed = o.StandstillEndsAt!.Value.AddDays(1).AddHours(10);
        Awarding.Conclude(o, award!, new ContractInput(o.TotalValue, o.ContractStart, o.ContractEnd, OutcomeLinkedPaymentPercent, signed,
            "Social prescribing link worker service contract") { Id = ContractId }, commissioner, signed);
        return award!;
    }
}
