using Commonweal.Data;

namespace Commonweal.Referrals.CarePlans;

public enum GoalStatus
{
    Active,
    Achieved,
    NoLongerRelevant,
}

/// <summary>
/// Who last changed a plan item and when, kept on the item itself so the plan can say "Changed by
/// Sam Whitfield (Limehouse Wellbeing CIC) at 14:05 on 3 March 2027"; the audit log keeps every earlier change.
/// </summary>
public abstract class CarePlanItem
{
    public Guid Id { get; set; } = NewId.Next();

    /// <summary>A person has one shared care plan: its items hang off the person directly.</summary>
    public Guid PersonId { get; set; }

    public Guid UpdatedByUserId { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string UpdatedByOrganisation { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public string ChangedDescription => $"Changed by {UpdatedBy} ({UpdatedByOrganisation}) at {CareTime.Describe(UpdatedAt)}";
}

/// <summary>A goal, in the person's own words.</summary>
public sealed class CarePlanGoal : CarePlanItem
{
    public const int TextMaxLength = 1_000;

    public string Text { get; set; } = "";
    public GoalStatus Status { get; set; }
}

/// <summary>Something an organisation on the care team will do, by when; done when it is.</summary>
public sealed class CarePlanAction : CarePlanItem
{
    public const int DescriptionMaxLength = 1_000;

    public string Description { get; set; } = "";
    public Guid OwnerOrganisationId { get; set; }
    public Organisations.Organisation? OwnerOrganisation { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? DoneDate { get; set; }
}

/// <summary>A review of the plan with the person: when it is due, when it was held, what was agreed.</summary>
public sealed class CarePlanReview : CarePlanItem
{
    public const int NotesMaxLength = 4_000;

    public DateOnly DueDate { get; set; }
    public DateOnly? HeldDate { get; set; }
    public string? Notes { get; set; }
}

public static class GoalStatuses
{
    public static string DisplayName(GoalStatus status) => status switch
    {
        GoalStatus.Active => "Active",
        GoalStatus.Achieved => "Achieved",
        GoalStatus.NoLongerRelevant => "No longer relevant",
        _ => status.ToString(),
    };
}
