using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

/// <summary>Opportunities taken through the lifecycle to an award and a contract, at times worked out from their timetable.</summary>
public static class AwardTestData
{
    public static readonly Actor Commissioner = new(null, "Test Commissioner");

    public static Task<Guid> OrganisationAsync(CommonwealDbContext db, string name) =>
        db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// A fair two-lot contract published on <paramref name="publication"/>, lot 1 awarded to the lead
    /// and members after evaluation and standstill, with a signed contract. Returns the opportunity and award.
    /// </summary>
    public static async Task<(Opportunity Opportunity, Award Award)> AwardedAsync(CommonwealDbContext db, Guid commissioner, DateOnly publication,
        Guid lead, IReadOnlyList<Guid> members, decimal outcomePercent = 0, string title = "Community navigators")
    {
        var cancel = TestContext.Current.CancellationToken;
        var o = await OpportunityEditing.CreateAsync(db, ProcurementTestData.FairDraft(commissioner, publication, title), null, cancel);
        var o2 = await db.Opportunities.WithDetails().SingleAsync(x => x.Id == o.Id, cancel);
        Assert.True(OpportunityLifecycle.Publish(o2, Commissioner, Timetable.ToUtc(publication, new TimeOnly(9, 0))).Succeeded);
        Assert.True(OpportunityLifecycle.Transition(o2, OpportunityStatus.Closed, Commissioner, o2.SubmissionDeadline).Succeeded);
        Assert.True(OpportunityLifecycle.Transition(o2, OpportunityStatus.Evaluation, Commissioner, o2.SubmissionDeadline.AddDays(1)).Succeeded);
        var intention = o2.SubmissionDeadline.AddDays(10);
        var lot = o2.Lots.OrderBy(l => l.Number).First();
        var (intended, award) = Awarding.Intend(o2, new AwardInput(lead, lot.Value, lot.Id, members), [], Commissioner, intention);
        Assert.True(intended.Succeeded, intended.Message);
        Assert.True(Awarding.StartStandstill(o2, [award!], Commissioner, intention.AddHours(1)).Succeeded);
        var signed = o2.StandstillEndsAt!.Value.AddHours(10);
        var (concluded, _) = Awarding.Conclude(o2, award!, new ContractInput(lot.Value, o2.ContractStart, o2.ContractEnd, outcomePercent, signed), Commissioner, signed);
        Assert.True(concluded.Succeeded, concluded.Message);
        db.Awards.Add(award!);
        await db.SaveChangesAsync(cancel);
        return (o2, award!);
    }
}
