using System.Security.Claims;
using Commonweal.Referrals.CarePlans;
using Commonweal.Web.Accounts;
using static Commonweal.Web.Api.Referrals.CareApiResults;

namespace Commonweal.Web.Api.Referrals;

/// <summary>
/// A person's shared care plan. Who may read or change it is decided by <see cref="Commonweal.Referrals.PersonAccess"/>
/// (through <see cref="CarePlanWork"/>), never here: anonymous callers get 401, anyone outside the
/// care team 403 with the same body whether or not the person exists.
/// </summary>
public static class CarePlanApi
{
    public const string Purpose = "Care plan API";

    public static void MapCarePlanApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/people/{id:guid}/care-plan").WithTags("Care plans");
        plan.MapGet("/", Get).WithSummary("The person's shared care plan: goals, actions and reviews (care team members)");
        plan.MapPost("/goals", AddGoal).WithSummary("Add a goal, in the person's own words");
        plan.MapPut("/goals/{goalId:guid}", UpdateGoal).WithSummary("Change a goal or its status");
        plan.MapPost("/actions", AddAction).WithSummary("Add an action owned by an organisation on the care team");
        plan.MapPut("/actions/{actionId:guid}", UpdateAction).WithSummary("Change an action, or record it done");
        plan.MapPost("/reviews", AddReview).WithSummary("Add a review date");
        plan.MapPut("/reviews/{reviewId:guid}", UpdateReview).WithSummary("Record a review held, with notes");
    }

    public sealed record ChangeDto(Guid ByUserId, string By, string Organisation, DateTimeOffset At, string Description);

    public sealed record GoalDto(Guid Id, string Text, GoalStatus Status, ChangeDto Changed);

    public sealed record ActionDto(Guid Id, string Description, Guid OwnerOrganisationId, string? Owner, DateOnly? DueDate, DateOnly? DoneDate, ChangeDto Changed);

    public sealed record ReviewDto(Guid Id, DateOnly DueDate, DateOnly? HeldDate, string? Notes, ChangeDto Changed);

    public sealed record OrganisationDto(Guid Id, string Name);

    public sealed record CarePlanResponse(
        Guid PersonId, string PersonName, IReadOnlyList<GoalDto> Goals, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ReviewDto> Reviews,
        IReadOnlyList<OrganisationDto> CareTeamOrganisations, bool CanChange);

    private static async Task<IResult> Get(CarePlanWork plans, ClaimsPrincipal user, Guid id)
    {
        var plan = await plans.ReadAsync(id, user.Viewer(), Purpose);
        if (!plan.Succeeded)
        {
            return Refusal(plan);
        }

        var v = plan.Value!;
        return TypedResults.Ok(new CarePlanResponse(
            v.Person.Id, $"{v.Person.GivenName} {v.Person.FamilyName}",
            [.. v.Goals.Select(Describe)], [.. v.Actions.Select(Describe)], [.. v.Reviews.Select(Describe)],
            [.. v.CareTeamOrganisations.Select(o => new OrganisationDto(o.Id, o.Name))], v.CanChange));
    }

    private static async Task<IResult> AddGoal(CarePlanWork plans, ClaimsPrincipal user, Guid id, GoalInput input)
    {
        var result = await plans.AddGoalAsync(id, input, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/people/{id}/care-plan/goals/{result.Value!.Id}", Describe(result.Value)) : Refusal(result);
    }

    private static async Task<IResult> UpdateGoal(CarePlanWork plans, ClaimsPrincipal user, Guid id, Guid goalId, GoalInput input)
    {
        var result = await plans.UpdateGoalAsync(id, goalId, input, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    private static async Task<IResult> AddAction(CarePlanWork plans, ClaimsPrincipal user, Guid id, ActionInput input)
    {
        var result = await plans.AddActionAsync(id, input, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/people/{id}/care-plan/actions/{result.Value!.Id}", Describe(result.Value)) : Refusal(result);
    }

    private static async Task<IResult> UpdateAction(CarePlanWork plans, ClaimsPrincipal user, Guid id, Guid actionId, ActionInput input)
    {
        var result = await plans.UpdateActionAsync(id, actionId, input, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    private static async Task<IResult> AddReview(CarePlanWork plans, ClaimsPrincipal user, Guid id, ReviewInput input)
    {
        var result = await plans.AddReviewAsync(id, input, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/people/{id}/care-plan/reviews/{result.Value!.Id}", Describe(result.Value)) : Refusal(result);
    }

    private static async Task<IResult> UpdateReview(CarePlanWork plans, ClaimsPrincipal user, Guid id, Guid reviewId, ReviewInput input)
    {
        var result = await plans.UpdateReviewAsync(id, reviewId, input, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    private static ChangeDto Changed(CarePlanItem i) => new(i.UpdatedByUserId, i.UpdatedBy, i.UpdatedByOrganisation, Utc(i.UpdatedAt), i.ChangedDescription);

    private static GoalDto Describe(CarePlanGoal g) => new(g.Id, g.Text, g.Status, Changed(g));

    private static ActionDto Describe(CarePlanAction a) => new(a.Id, a.Description, a.OwnerOrganisationId, a.OwnerOrganisation?.Name, a.DueDate, a.DoneDate, Changed(a));

    private static ReviewDto Describe(CarePlanReview r) => new(r.Id, r.DueDate, r.HeldDate, r.Notes, Changed(r));
}
