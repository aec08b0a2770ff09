using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Referrals;
using Commonweal.Referrals.CarePlans;
using Commonweal.Referrals.Concerns;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// A shared care plan and an open concern for one demo person, built on the care team the person
/// already has: goals in their own words; actions owned by the team's GP practice, council and two
/// community organisations; a review date; and a high-severity safeguarding concern acknowledged by
/// the council's safeguarding lead but not yet by the others. Ids are stable, so a second call does nothing.
/// </summary>
public static class DemoCarePlans
{
    /// <summary>
    /// Adds the plan and the concern. The person's active care team must include a GP practice, a
    /// local authority and two other organisations (community or voluntary), in any order.
    /// </summary>
    /// <returns>False when the plan was already there.</returns>
    public static async Task<bool> AddAsync(CommonwealDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        var key = $"demo-care-plan:{personId}";
        if (await db.CarePlanGoals.AnyAsync(g => g.Id == StableIds.For($"{key}:goal:1"), cancellationToken))
        {
            return false;
        }

        var team = await db.CareTeamMembers.AsNoTracking().Include(m => m.Organisation)
            .Where(m => m.PersonId == personId && m.LeftAt == null).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        CareTeamMember? Find(Func<Organisation, bool> test, params CareTeamMember?[] not) =>
            team.FirstOrDefault(m => test(m.Organisation!) && not.All(n => n is null || n.OrganisationId != m.OrganisationId));
        var gp = Find(o => o.LegalForm == LegalForm.GpPractice);
        var council = Find(o => o.LegalForm == LegalForm.LocalAuthority);
        var community = Find(o => o.LegalForm is not (LegalForm.GpPractice or LegalForm.LocalAuthority), gp, council);
        var community2 = Find(o => o.LegalForm is not (LegalForm.GpPractice or LegalForm.LocalAuthority), gp, council, community);
        if (gp is null || council is null || community is null || community2 is null)
        {
            throw new InvalidOperationException("The demo care plan needs a care team with a GP practice, a council and two community organisations on it.");
        }

        var now = db.Now;
        var today = DateOnly.FromDateTime(now);
        var n = 0;
        T Stamp<T>(T item, CareTeamMember by, string kind) where T : CarePlanItem
        {
            item.Id = StableIds.For($"{key}:{kind}:{++n}");
            item.PersonId = personId;
            item.UpdatedByUserId = by.UserId;
            item.UpdatedBy = by.Name;
            item.UpdatedByOrganisation = by.Organisation!.Name;
            item.UpdatedAt = now.AddDays(-n);
            return item;
        }

        db.CarePlanGoals.AddRange(
            Stamp(new CarePlanGoal { Text = "I want to get out of the flat and see people again, not just the telly", Status = GoalStatus.Active }, community, "goal"),
            Stamp(new CarePlanGoal { Text = "I want to manage my money so the bills stop frightening me", Status = GoalStatus.Active }, council, "goal"),
            Stamp(new CarePlanGoal { Text = "I'd like to walk to the market on my own by the summer", Status = GoalStatus.Active }, gp, "goal"));
        db.CarePlanActions.AddRange(
            Stamp(new CarePlanAction { Description = "Medication review, including the sleeping tablets", OwnerOrganisationId = gp.OrganisationId, DueDate = today.AddDays(14) }, gp, "action"),
            Stamp(new CarePlanAction { Description = "Care Act needs assessment and a carers' assessment for her daughter", OwnerOrganisationId = council.OrganisationId, DueDate = today.AddDays(21) }, council, "action"),
            Stamp(new CarePlanAction { Description = $"Introduce her to the Tuesday group at {community.Organisation!.Name}", OwnerOrganisationId = community.OrganisationId, DueDate = today.AddDays(7), DoneDate = today.AddDays(-1) }, community, "action"),
            Stamp(new CarePlanAction { Description = $"Benefits check and help with the energy debt ({community2.Organisation!.Name})", OwnerOrganisationId = community2.OrganisationId, DueDate = today.AddDays(10) }, community2, "action"));
        db.CarePlanReviews.Add(Stamp(new CarePlanReview { DueDate = today.AddDays(42), Notes = "Review with her and her daughter at the surgery" }, gp, "review"));

        var concern = new Concern
        {
            Id = StableIds.For($"{key}:concern"),
            PersonId = personId,
            Kind = ConcernKind.Safeguarding,
            Severity = ConcernSeverity.High,
            Description = "Says a neighbour has been collecting her pension and keeping some of it; she seemed frightened to talk about it at the group.",
            RaisedByUserId = community.UserId,
            RaisedBy = community.Name,
            RaisedByOrganisationId = community.OrganisationId,
            RaisedByOrganisation = community.Organisation!.Name,
            RaisedAt = now.AddHours(-2),
        };
        db.Concerns.Add(concern);
        var lead = await db.Memberships.AsNoTracking().Include(m => m.User)
            .Where(m => m.OrganisationId == council.OrganisationId && m.Role == MembershipRole.SafeguardingLead)
            .OrderByDescending(m => m.User!.Email == DemoAccounts.SafeguardingLead).ThenBy(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        db.ConcernAcknowledgements.Add(new ConcernAcknowledgement
        {
            Id = StableIds.For($"{key}:concern:acknowledged"),
            ConcernId = concern.Id,
            OrganisationId = council.OrganisationId,
            OrganisationName = council.Organisation!.Name,
            UserId = lead?.UserId ?? council.UserId,
            By = lead?.User?.DisplayName ?? council.Name,
            At = now.AddHours(-1),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
