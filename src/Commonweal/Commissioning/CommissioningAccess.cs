using Commonweal.Insight;

namespace Commonweal.Commissioning;

/// <summary>
/// Who may see and change commissioning records. Deny by default: a published plan (with its
/// area's needs) is public; a draft is for the commissioner's members; a commissioner's
/// Commissioner-role members edit; a pooled fund's report is for commissioners of its members.
/// </summary>
public static class CommissioningAccess
{
    public static bool CanSeePlan(InsightViewer viewer, CommissioningPlan plan) =>
        plan.IsPublished || viewer.PlatformAdmin || viewer.MemberOf.Contains(plan.CommissionerOrganisationId);

    /// <summary>An area and its needs, before any plan for it is published, are for the commissioner's members.</summary>
    public static bool CanSeeArea(InsightViewer viewer, NeedsArea area) =>
        viewer.PlatformAdmin || viewer.MemberOf.Contains(area.CommissionerOrganisationId);

    public static bool CanEditFor(InsightViewer viewer, Guid commissioner) => viewer.CommissionerIn.Contains(commissioner);

    public static bool CanSeePool(InsightViewer viewer, PooledFund pool) =>
        viewer.PlatformAdmin || pool.Members.Any(m => viewer.CommissionerIn.Contains(m.OrganisationId));

    /// <summary>Whoever creates a pool commissions for one of its members.</summary>
    public static bool CanCreatePool(InsightViewer viewer, IEnumerable<Guid> members) => members.Any(viewer.CommissionerIn.Contains);

    public static bool CanEditPool(InsightViewer viewer, PooledFund pool) => pool.Members.Any(m => viewer.CommissionerIn.Contains(m.OrganisationId));
}
