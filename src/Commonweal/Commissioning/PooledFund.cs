using Commonweal.Data;

namespace Commonweal.Commissioning;

/// <summary>
/// One fund several commissioners (e.g. an ICB and a council) pay into with agreed shares; joint
/// opportunities draw on it. Its report is for the pool's members only.
/// </summary>
public sealed class PooledFund
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<PoolMember> Members { get; set; } = [];
    public List<PoolOpportunity> Opportunities { get; set; } = [];
}

/// <summary>A commissioner in a pool: what it pays in and its agreed share (the shares sum to 100).</summary>
public sealed class PoolMember
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid PooledFundId { get; set; }
    public Guid OrganisationId { get; set; }
    public long AmountPence { get; set; }
    public decimal SharePercent { get; set; }

    public decimal Amount
    {
        get => AmountPence / 100m;
        set => AmountPence = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
    }
}

/// <summary>An opportunity drawing on a pool: its contracts are the pool's spend. An opportunity draws on one pool at most.</summary>
public sealed class PoolOpportunity
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid PooledFundId { get; set; }
    public Guid OpportunityId { get; set; }
}
