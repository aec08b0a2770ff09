using Commonweal.Data;

namespace Commonweal.Commissioning;

/// <summary>
/// A commissioner's plan for an area and financial year (named by the year it starts in), with
/// budget lines per need or condition. Public once published; a draft only for the commissioner's members.
/// </summary>
public sealed class CommissioningPlan
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid CommissionerOrganisationId { get; set; }
    public Guid AreaId { get; set; }
    public NeedsArea? Area { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<PlanLine> Lines { get; set; } = [];

    public bool IsPublished => PublishedAt is not null;
}

/// <summary>An amount the plan budgets for one need or condition of its area.</summary>
public sealed class PlanLine
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid PlanId { get; set; }
    public Guid NeedId { get; set; }

    /// <summary>Pence, so that lines add up exactly in every engine.</summary>
    public long AmountPence { get; set; }

    public decimal Amount
    {
        get => AmountPence / 100m;
        set => AmountPence = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
    }
}
