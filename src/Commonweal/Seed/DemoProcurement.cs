using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.Procurement;

namespace Commonweal.Seed;

/// <summary>
/// The demo area's opportunities, dated from the day of seeding: an open APMS contract for two GP
/// practices, an open grant round for community groups, a closed contract, and a draft the demo
/// commissioner can see fail the fairness check.
/// </summary>
public static class DemoProcurement
{
    public static Guid ApmsId => StableIds.For("demo-opportunity:apms");
    public static Guid GrantRoundId => StableIds.For("demo-opportunity:grant-round");
    public static Guid UnfairDraftId => StableIds.For("demo-opportunity:unfair-draft");
    public static Guid ClosedId => StableIds.For("demo-opportunity:closed");
    public static Guid AwardedId => DemoAwards.OpportunityId;

    private const string Icb = "NHS North East London Integrated Care Board";
    private const string Council = "London Borough of Tower Hamlets";

    public static void AddTo(CommonwealDbContext db, IReadOnlyDictionary<string, Organisation> organisations, Guid commissionerUserId, DateTime now)
    {
        var today = Timetable.UkDate(now);
        var actor = new Actor(commissionerUserId, "Tom Okafor");
        var year = today.Year;
        var sequence = 0;

        // Deadlines fall on working days, never on a bank holiday.
        static DateOnly WorkingDay(DateOnly day)
        {
            while (!BankHolidays.IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }

            return day;
        }

        Opportunity Draft(Guid id, string title, string description, OpportunityType type, ProcurementProcess process, DateOnly published,
            int responseDays, long total, DateOnly start, DateOnly end, (string Organisation, decimal Share)[] commissioners,
            (string Title, long Value)[] lots, string[] needs, string[] outcodes, EvidenceKind[] evidence)
        {
            var o = new Opportunity
            {
                Id = id, Title = title, Description = description, Type = type, Process = process, TotalValue = total,
                ContractStart = start, ContractEnd = end, PublicationDate = published,
                ClarificationDeadline = Timetable.ToUtc(WorkingDay(published.AddDays(Math.Max(1, responseDays - 10))), Timetable.DefaultDeadlineTime),
                SubmissionDeadline = Timetable.ToUtc(WorkingDay(published.AddDays(responseDays)), Timetable.DefaultDeadlineTime),
                EvaluationEnd = published.AddDays(responseDays + 30),
                CreatedByUserId = commissionerUserId, CreatedAt = published.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                ReferenceYear = year, ReferenceSequence = ++sequence,
            };
            o.Reference = OpportunityReferences.Format(year, o.ReferenceSequence);
            o.Commissioners.AddRange(commissioners.Select(c => new OpportunityCommissioner { OpportunityId = id, OrganisationId = organisations[c.Organisation].Id, SharePercent = c.Share }));
            o.Lots.AddRange(lots.Select((l, i) => new Lot { Id = StableIds.For($"demo-lot:{id}:{i + 1}"), OpportunityId = id, Number = i + 1, Title = l.Title, Value = l.Value }));
            o.Criteria.AddRange(OpportunityDraft.DefaultCriteria().Select((c, i) => new AwardCriterion
            {
                OpportunityId = id, Order = i + 1, Name = c.Name!, Kind = c.Kind, Weight = c.Weight, Descriptors = c.Descriptors,
            }));
            o.Needs.AddRange(needs.Select(n => new OpportunityNeed { OpportunityId = id, TaxonomyTermId = NeedsTaxonomy.TermId(n) }));
            o.Areas.AddRange(outcodes.Select(a => new OpportunityArea { OpportunityId = id, Outcode = a }));
            o.RequiredEvidence.AddRange(evidence.Select(k => new OpportunityEvidence { OpportunityId = id, Kind = k }));
            db.Opportunities.Add(o);
            return o;
        }

        var apmsPublished = today.AddDays(-7);
        var apms = Draft(ApmsId, "GP services for Bow and Poplar (APMS)",
            "Two GP practices whose contracts end: 9,800 registered patients in Bow and 8,200 in Poplar. Bid for one practice or both; social enterprises, GP partnerships and community interest companies are welcome.",
            OpportunityType.ApmsContract, ProcurementProcess.CompetitiveProcess, apmsPublished, 42, 11_700_000,
            apmsPublished.AddMonths(8), apmsPublished.AddMonths(8).AddYears(5).AddDays(-1),
            [(Icb, 100m)], [("Bow practice (E3)", 6_300_000), ("Poplar practice (E14)", 5_400_000)],
            ["long-term-conditions", "mental-wellbeing"], ["E3", "E14"],
            [EvidenceKind.CqcRegistration, EvidenceKind.DataSecurityAndProtectionToolkit, EvidenceKind.SafeguardingPolicy, EvidenceKind.PublicLiabilityInsurance, EvidenceKind.EmployersLiabilityInsurance]);
        apms.MinimumAnnualTurnover = 1_000_000;
        apms.MinimumPublicLiabilityCover = 5_000_000;
        apms.MinimumEmployersLiabilityCover = 10_000_000;
        apms.RequiredRegistrations = ["CQC registration for primary medical services"];
        OpportunityLifecycle.Publish(apms, actor, Timetable.ToUtc(apmsPublished, new TimeOnly(9, 0)));

        var grantsPublished = today.AddDays(-3);
        var grants = Draft(GrantRoundId, "Community connections grants",
            "Ten grants of £15,000 for a year, for community groups that bring people together: befriending, walking groups, shared meals and more. Unregistered groups can apply with a constituted partner.",
            OpportunityType.Grant, ProcurementProcess.GrantRound, grantsPublished, 35, 150_000,
            grantsPublished.AddMonths(3), grantsPublished.AddMonths(3).AddYears(1).AddDays(-1),
            [(Icb, 60m), (Council, 40m)], [.. Enumerable.Range(1, 10).Select(i => ($"Grant {i}", 15_000L))],
            ["loneliness", "physical-activity", "food"], ["E1", "E3", "E14"],
            [EvidenceKind.SafeguardingPolicy, EvidenceKind.PublicLiabilityInsurance]);
        OpportunityLifecycle.Publish(grants, actor, Timetable.ToUtc(grantsPublished, new TimeOnly(9, 0)));

        var closedPublished = today.AddDays(-60);
        var closed = Draft(ClosedId, "Carers' short breaks service",
            "Planned short breaks for unpaid carers in Tower Hamlets, with replacement care arranged.",
            OpportunityType.Contract, ProcurementProcess.CompetitiveProcess, closedPublished, 30, 900_000,
            closedPublished.AddMonths(6), closedPublished.AddMonths(6).AddYears(3).AddDays(-1),
            [(Council, 70m), (Icb, 30m)], [],
            ["carers"], ["E1", "E3", "E14"],
            [EvidenceKind.SafeguardingPolicy, EvidenceKind.DbsChecks, EvidenceKind.PublicLiabilityInsurance]);
        OpportunityLifecycle.Publish(closed, actor, Timetable.ToUtc(closedPublished, new TimeOnly(9, 0)));
        OpportunityLifecycle.Transition(closed, OpportunityStatus.Closed, ProcurementClock.ClockActor, closed.SubmissionDeadline, "The submission deadline passed.");

        var awardedPublished = today.AddDays(-150);
        var awarded = Draft(AwardedId, "Social prescribing link workers",
            "Link workers based in GP practices who give people time to talk about what matters to them and connect them to community groups, advice and activity.",
            OpportunityType.Contract, ProcurementProcess.CompetitiveProcess, awardedPublished, 30, 540_000,
            awardedPublished.AddDays(120), awardedPublished.AddDays(120).AddYears(3).AddDays(-1),
            [(Icb, 100m)], [],
            ["loneliness", "mental-wellbeing"], ["E1", "E3", "E14"],
            [EvidenceKind.SafeguardingPolicy, EvidenceKind.DbsChecks, EvidenceKind.PublicLiabilityInsurance]);
        awarded.EvaluationEnd = WorkingDay(awardedPublished.AddDays(70));
        OpportunityLifecycle.Publish(awarded, actor, Timetable.ToUtc(awardedPublished, new TimeOnly(9, 0)));
        var award = DemoAwards.Award(awarded, organisations, actor);
        db.Awards.Add(award);
        // The contract becomes a funding record, as every contract recorded here does.
        var names = organisations.Values.ToDictionary(x => x.Id, x => x.Name);
        db.FundingRecords.AddRange(ContractFunding.For(awarded, award, award.Contracts[0], names, now));

        // Left as a draft that fails the fairness check, to show the commissioner what it finds.
        var draftPublication = today.AddDays(7);
        var draft = Draft(UnfairDraftId, "Integrated community wellbeing service",
            "One provider for social prescribing, befriending and health walks across the three neighbourhoods.",
            OpportunityType.Contract, ProcurementProcess.CompetitiveProcess, draftPublication, 14, 12_000_000,
            draftPublication.AddDays(60), draftPublication.AddDays(60).AddYears(3).AddDays(-1),
            [(Icb, 100m)], [],
            ["loneliness", "mental-wellbeing", "physical-activity"], ["E1", "E3", "E14"],
            [EvidenceKind.SafeguardingPolicy, EvidenceKind.PublicLiabilityInsurance, EvidenceKind.EmployersLiabilityInsurance, EvidenceKind.Accounts]);
        draft.MinimumAnnualTurnover = 10_000_000;
        draft.EvaluationEnd = draftPublication.AddDays(40);
        foreach (var c in draft.Criteria)
        {
            c.Weight = c.Kind switch { CriterionKind.SocialValue => 5m, CriterionKind.QualityAndInnovation => 35m, _ => 20m };
        }
    }
}
