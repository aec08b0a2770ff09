using FluentValidation;

namespace Commonweal.Referrals.CarePlans;

public sealed class GoalInput
{
    public string? Text { get; set; }
    public GoalStatus? Status { get; set; }
}

public sealed class ActionInput
{
    public string? Description { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? DoneDate { get; set; }
}

public sealed class ReviewInput
{
    public DateOnly? DueDate { get; set; }
    public DateOnly? HeldDate { get; set; }
    public string? Notes { get; set; }
}

public sealed class GoalInputValidator : AbstractValidator<GoalInput>
{
    public GoalInputValidator()
    {
        RuleFor(g => g.Text).NotEmpty().WithMessage("Enter the goal, in the person's own words")
            .MaximumLength(CarePlanGoal.TextMaxLength).WithMessage($"Goal must be {CarePlanGoal.TextMaxLength} characters or fewer");
        RuleFor(g => g.Status).IsInEnum().WithMessage("Select whether the goal is active, achieved or no longer relevant");
    }
}

public sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public ActionInputValidator()
    {
        RuleFor(a => a.Description).NotEmpty().WithMessage("Enter what will be done")
            .MaximumLength(CarePlanAction.DescriptionMaxLength).WithMessage($"Action must be {CarePlanAction.DescriptionMaxLength} characters or fewer");
        RuleFor(a => a.OwnerOrganisationId).NotNull().WithMessage("Select the organisation that owns the action");
    }
}

public sealed class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public ReviewInputValidator(DateOnly today)
    {
        RuleFor(r => r.DueDate).NotNull().WithMessage("Enter the date the review is due");
        RuleFor(r => r.HeldDate).Must(d => d is null || d <= today).WithMessage("Date held must be today or in the past");
        RuleFor(r => r.Notes).MaximumLength(CarePlanReview.NotesMaxLength).WithMessage($"Notes must be {CarePlanReview.NotesMaxLength} characters or fewer");
    }
}
