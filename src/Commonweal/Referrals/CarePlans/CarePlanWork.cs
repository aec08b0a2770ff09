using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals.CarePlans;

/// <summary>A person's shared care plan as one reader may see it, with the organisations that can own actions.</summary>
public sealed record CarePlanView(
    Person Person,
    PersonAccessFacts Facts,
    PersonAccessResult Access,
    IReadOnlyList<CarePlanGoal> Goals,
    IReadOnlyList<CarePlanAction> Actions,
    IReadOnlyList<CarePlanReview> Reviews)
{
    /// <summary>Break-glass readers see the plan but cannot change it.</summary>
    public bool CanChange => Access.Basis != AccessBasis.BreakGlass;

    public IReadOnlyList<Organisations.Organisation> CareTeamOrganisations => CarePlanWork.CareTeamOrganisations(Facts);
}

/// <summary>
/// Reading and changing a person's shared care plan. Reads go through <see cref="PersonRecords.OpenAsync"/>
/// (so each is audited with its purpose); changes through <see cref="PersonAccess.ChangeRecord"/>.
/// Every change records who made it, for which organisation, and when.
/// </summary>
public sealed class CarePlanWork(CommonwealDbContext db, PersonRecords records)
{
    public const string OwnerField = nameof(ActionInput.OwnerOrganisationId);

    public async Task<CareResult<CarePlanView>> ReadAsync(Guid personId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        var opened = await records.OpenAsync(personId, viewer, purpose, cancellationToken);
        if (!opened.Succeeded)
        {
            return CareResult<CarePlanView>.From(opened);
        }

        var view = opened.Value!;
        var goals = await db.Set<CarePlanGoal>().AsNoTracking().Where(g => g.PersonId == personId)
            .OrderBy(g => g.Status).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var actions = await db.Set<CarePlanAction>().AsNoTracking().Include(a => a.OwnerOrganisation).Where(a => a.PersonId == personId)
            .OrderBy(a => a.DoneDate != null).ThenBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var reviews = await db.Set<CarePlanReview>().AsNoTracking().Where(r => r.PersonId == personId)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return CareResult<CarePlanView>.Ok(new CarePlanView(view.Person, view.Facts, view.Access, goals, actions, reviews));
    }

    public async Task<CareResult<CarePlanGoal>> AddGoalAsync(Guid personId, GoalInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveGoalAsync(personId, null, input, viewer, cancellationToken);

    public async Task<CareResult<CarePlanGoal>> UpdateGoalAsync(Guid personId, Guid goalId, GoalInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveGoalAsync(personId, goalId, input, viewer, cancellationToken);

    public async Task<CareResult<CarePlanAction>> AddActionAsync(Guid personId, ActionInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveActionAsync(personId, null, input, viewer, cancellationToken);

    public async Task<CareResult<CarePlanAction>> UpdateActionAsync(Guid personId, Guid actionId, ActionInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveActionAsync(personId, actionId, input, viewer, cancellationToken);

    public async Task<CareResult<CarePlanReview>> AddReviewAsync(Guid personId, ReviewInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveReviewAsync(personId, null, input, viewer, cancellationToken);

    public async Task<CareResult<CarePlanReview>> UpdateReviewAsync(Guid personId, Guid reviewId, ReviewInput input, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SaveReviewAsync(personId, reviewId, input, viewer, cancellationToken);

    /// <summary>The organisations of the active care team: the only ones that may own an action.</summary>
    public static IReadOnlyList<Organisations.Organisation> CareTeamOrganisations(PersonAccessFacts facts) =>
        [.. facts.Team.Where(m => m.IsActive && m.Organisation is not null).Select(m => m.Organisation!)
            .DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];

    private async Task<CareResult<CarePlanGoal>> SaveGoalAsync(Guid personId, Guid? goalId, GoalInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        var (facts, refusal) = await MayChangeAsync(personId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return CareResult<CarePlanGoal>.Fail(refusal.Code!, refusal.Reason);
        }

        input.Status ??= GoalStatus.Active;
        var validation = new GoalInputValidator().Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<CarePlanGoal>.Invalid(validation);
        }

        var goal = goalId is null ? new CarePlanGoal { PersonId = personId } : await db.Set<CarePlanGoal>().FirstOrDefaultAsync(g => g.Id == goalId && g.PersonId == personId, cancellationToken);
        if (goal is null)
        {
            return CareResult<CarePlanGoal>.Fail(PersonErrors.NotFound, "The care plan has no goal with that id.");
        }

        goal.Text = input.Text!.Trim();
        goal.Status = input.Status.Value;
        await StampAndSaveAsync(goal, goalId is null, facts, viewer, cancellationToken);
        return CareResult<CarePlanGoal>.Ok(goal);
    }

    private async Task<CareResult<CarePlanAction>> SaveActionAsync(Guid personId, Guid? actionId, ActionInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        var (facts, refusal) = await MayChangeAsync(personId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return CareResult<CarePlanAction>.Fail(refusal.Code!, refusal.Reason);
        }

        var validation = new ActionInputValidator().Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<CarePlanAction>.Invalid(validation);
        }

        if (!CareTeamOrganisations(facts).Any(o => o.Id == input.OwnerOrganisationId))
        {
            return CareResult<CarePlanAction>.Refuse(CarePlanErrors.OwnerNotOnCareTeam, OwnerField,
                "The owner must be an organisation with someone on the person's care team: select one from the care team");
        }

        var action = actionId is null ? new CarePlanAction { PersonId = personId } : await db.Set<CarePlanAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.PersonId == personId, cancellationToken);
        if (action is null)
        {
            return CareResult<CarePlanAction>.Fail(PersonErrors.NotFound, "The care plan has no action with that id.");
        }

        action.Description = input.Description!.Trim();
        action.OwnerOrganisationId = input.OwnerOrganisationId!.Value;
        action.DueDate = input.DueDate;
        action.DoneDate = input.DoneDate;
        await StampAndSaveAsync(action, actionId is null, facts, viewer, cancellationToken);
        action.OwnerOrganisation = CareTeamOrganisations(facts).First(o => o.Id == action.OwnerOrganisationId);
        return CareResult<CarePlanAction>.Ok(action);
    }

    private async Task<CareResult<CarePlanReview>> SaveReviewAsync(Guid personId, Guid? reviewId, ReviewInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        var (facts, refusal) = await MayChangeAsync(personId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return CareResult<CarePlanReview>.Fail(refusal.Code!, refusal.Reason);
        }

        var validation = new ReviewInputValidator(DateOnly.FromDateTime(db.Now)).Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<CarePlanReview>.Invalid(validation);
        }

        var review = reviewId is null ? new CarePlanReview { PersonId = personId } : await db.Set<CarePlanReview>().FirstOrDefaultAsync(r => r.Id == reviewId && r.PersonId == personId, cancellationToken);
        if (review is null)
        {
            return CareResult<CarePlanReview>.Fail(PersonErrors.NotFound, "The care plan has no review with that id.");
        }

        review.DueDate = input.DueDate!.Value;
        review.HeldDate = input.HeldDate;
        review.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        await StampAndSaveAsync(review, reviewId is null, facts, viewer, cancellationToken);
        return CareResult<CarePlanReview>.Ok(review);
    }

    private async Task<(PersonAccessFacts Facts, PersonAccessResult? Refusal)> MayChangeAsync(Guid personId, Viewer viewer, CancellationToken cancellationToken)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        var change = PersonAccess.ChangeRecord(facts, viewer, db.Now);
        if (!change.Allowed)
        {
            // Refused attempts to change are logged like refused reads.
            await records.RecordAsync(personId, change, "Change care plan", cancellationToken);
            return (facts, change);
        }

        return (facts, null);
    }

    private async Task StampAndSaveAsync(CarePlanItem item, bool isNew, PersonAccessFacts facts, Viewer viewer, CancellationToken cancellationToken)
    {
        var member = facts.Team.First(m => m.IsActive && m.UserId == viewer.UserId);
        item.UpdatedByUserId = viewer.UserId!.Value;
        item.UpdatedBy = viewer.Name;
        item.UpdatedByOrganisation = member.Organisation?.Name ?? "";
        item.UpdatedAt = db.Now;
        if (isNew)
        {
            db.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class CarePlanErrors
{
    public const string OwnerNotOnCareTeam = "care-plans.owner-not-on-care-team";
}
