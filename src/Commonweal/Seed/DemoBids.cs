using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Clarifications;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Bids and clarification questions for the demo opportunities. On the open APMS contract, a social
/// enterprise consortium (Roman Road Community Health Society leading Limehouse Wellbeing CIC and
/// Bow Community Kitchen) has submitted a bid for the Bow practice; on the grant round, Bow
/// Community Kitchen (the demo provider admin's) has a draft and Poplar Peer Support Network has
/// submitted. The carers' short breaks contract, whose deadline has passed, has three submitted
/// bids waiting for evaluation. Content is sealed like any other bid's.
/// </summary>
public static class DemoBids
{
    public static Guid ApmsConsortiumBidId => StableIds.For("demo-bid:apms:consortium");
    public static Guid GrantDraftBidId => StableIds.For("demo-bid:grants:bow-kitchen");
    public static Guid GrantSubmittedBidId => StableIds.For("demo-bid:grants:poplar-peer-support");

    public static IReadOnlyList<Guid> ClosedBidIds { get; } =
        [StableIds.For("demo-bid:closed:mile-end"), StableIds.For("demo-bid:closed:docklands"), StableIds.For("demo-bid:closed:careplus")];

    public static async Task AddAsync(CommonwealDbContext db, BidSealer sealer, CancellationToken cancellationToken = default)
    {
        var now = db.Now;
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().WithDetails()
            .Where(o => o.Id == DemoProcurement.ApmsId || o.Id == DemoProcurement.GrantRoundId || o.Id == DemoProcurement.ClosedId)
            .ToDictionaryAsync(o => o.Id, cancellationToken);

        async Task Add(Guid id, Opportunity o, int? lot, (string Organisation, string Role, decimal Share)[] members, string[] answers, decimal? price, DateTime? submittedAt)
        {
            var lead = organisations[members[0].Organisation];
            var lotId = lot is { } n ? o.Lots.Single(l => l.Number == n).Id : (Guid?)null;
            var criteria = o.Criteria.OrderBy(c => c.Order).ToList();
            var content = new BidContent
            {
                Answers = [.. answers.Select((text, i) => new BidAnswer(criteria[i].Id, text))],
                Price = price,
            };
            var created = (submittedAt ?? now).AddDays(-3);
            var bid = new Bid
            {
                Id = id, OpportunityId = o.Id, LotId = lotId, LeadOrganisationId = lead,
                Status = submittedAt is null ? BidStatus.Draft : BidStatus.Submitted,
                LiveKey = Bid.LiveKeyFor(o.Id, lotId, lead),
                SealedContent = sealer.Seal(o.Id, content),
                CreatedAt = created, UpdatedAt = submittedAt ?? now, SubmittedAt = submittedAt,
            };
            bid.Members.AddRange(members.Select((m, i) => new BidMember
            {
                Id = StableIds.For($"demo-bid-member:{id}:{i}"), BidId = id, OrganisationId = organisations[m.Organisation],
                IsLead = i == 0, Role = m.Role, SharePercent = m.Share,
            }));
            if (submittedAt is not null)
            {
                await BidEditing.RecordEvidenceAsync(db, bid, o, submittedAt.Value, cancellationToken);
            }

            db.Bids.Add(bid);
        }

        var apms = opportunities[DemoProcurement.ApmsId];
        await Add(ApmsConsortiumBidId, apms, 1,
            [("Roman Road Community Health Society", "Lead provider: runs the practice and employs the clinical team", 80m),
             ("Limehouse Wellbeing CIC", "Social prescribing link workers based in the practice", 15m),
             ("Bow Community Kitchen", "Cooking and eating together groups for patients living alone", 5m)],
            ["A community-owned practice led by its patients' own health society, with a named GP for every patient over 75 and same-day access for children.",
             "Our price keeps 6% for community services the practice refers to, published each year with the accounts.",
             "Link workers sit in the practice team; the kitchen's groups take referrals straight from the clinical system.",
             "Evening and Saturday surgeries, interpreters for Bengali and Somali speakers, and outreach to people not registered anywhere.",
             "Surpluses are reinvested in Bow: apprenticeships for local people and free community meals."],
            6_150_000m, Timetable.ToUtc(Timetable.UkDate(now).AddDays(-1), new TimeOnly(16, 30)));

        var grants = opportunities[DemoProcurement.GrantRoundId];
        await Add(GrantDraftBidId, grants, 1,
            [("Bow Community Kitchen", "Sole bidder", 100m)],
            ["Weekly shared meals for 40 people living alone, cooked by volunteers who were once guests themselves.",
             "£15,000 pays for ingredients, a part-time coordinator and food hygiene training."],
            null, null);
        await Add(GrantSubmittedBidId, grants, 2,
            [("Poplar Peer Support Network", "Sole bidder", 100m)],
            ["Peer-led groups twice a week for people with long-term mental health conditions.",
             "Most of the grant pays peer facilitators; the rest, room hire and travel.",
             "We take referrals from link workers and the community mental health team.",
             "Groups meet in the evening as well as the day, with a women-only group.",
             "Facilitators are people with lived experience, paid the London Living Wage."],
            15_000m, Timetable.ToUtc(Timetable.UkDate(now).AddDays(-1), new TimeOnly(11, 0)));

        var closed = opportunities[DemoProcurement.ClosedId];
        var deadline = closed.SubmissionDeadline;
        string[] Answers(string who) =>
        [
            $"{who}: planned breaks booked at least four weeks ahead, with a named replacement carer the family has met.",
            $"{who}: a fixed price per break, with no charge for cancellations made by the carer.",
            $"{who}: breaks agreed at the carer's assessment and shared with the GP and social worker.",
            $"{who}: breaks at weekends and overnight, and carers of people with dementia prioritised.",
            $"{who}: local staff, paid the London Living Wage, and volunteering roles for former carers.",
        ];
        await Add(ClosedBidIds[0], closed, null,
            [("Mile End Carers Centre", "Lead provider: carers' assessments and booking", 60m), ("Docklands Home Care Co-operative", "Replacement care at home", 40m)],
            Answers("Mile End Carers Centre with Docklands Home Care Co-operative"), 865_000m, deadline.AddDays(-2));
        await Add(ClosedBidIds[1], closed, null,
            [("CarePlus Home Services Ltd", "Sole bidder", 100m)],
            Answers("CarePlus Home Services"), 812_500m, deadline.AddDays(-1));
        await Add(ClosedBidIds[2], closed, null,
            [("Stepney Money Advice", "Lead provider: carers' benefits advice with every break", 55m), ("Roman Road Community Health Society", "Day breaks at the health centre", 45m)],
            Answers("Stepney Money Advice with Roman Road Community Health Society"), 899_000m, deadline.AddHours(-3));

        var asker = await db.Users.Where(u => u.Email == DemoAccounts.ProviderAdmin).Select(u => u.Id).FirstAsync(cancellationToken);
        var commissioner = await db.Users.Where(u => u.Email == DemoAccounts.Commissioner).Select(u => u.Id).FirstAsync(cancellationToken);
        db.ClarificationQuestions.Add(new ClarificationQuestion
        {
            Id = StableIds.For("demo-clarification:grants:1"), OpportunityId = grants.Id, Number = 1,
            Question = "Can an unregistered group apply with a registered charity holding the grant for it?",
            AskedAt = now.AddDays(-2), AskedByUserId = asker, AskedByOrganisationId = organisations["Bow Community Kitchen"],
            Answer = "Yes. The registered partner holds the grant and signs the agreement; the group delivers the work and is named in the bid.",
            AnsweredAt = now.AddDays(-1), AnsweredByUserId = commissioner,
        });
        db.ClarificationQuestions.Add(new ClarificationQuestion
        {
            Id = StableIds.For("demo-clarification:grants:2"), OpportunityId = grants.Id, Number = 2,
            Question = "Can the grant pay for volunteers' travel expenses?",
            AskedAt = now.AddHours(-5), AskedByUserId = asker, AskedByOrganisationId = organisations["Bow Community Kitchen"],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
