namespace Commonweal.Insight;

/// <summary>How much of an organisation's picture a viewer may see.</summary>
public enum InsightView
{
    None,

    /// <summary>A commissioner that funds the organisation: figures, with other income as one line.</summary>
    Funder,

    /// <summary>The organisation's own members and platform admins: everything, other income by source.</summary>
    Own,
}

/// <summary>Who is asking: the organisations they belong to, those in which they commission, and whether they run the platform.</summary>
public sealed record InsightViewer(IReadOnlyCollection<Guid> MemberOf, IReadOnlyCollection<Guid> CommissionerIn, bool PlatformAdmin)
{
    public static readonly InsightViewer Anonymous = new([], [], false);
}
