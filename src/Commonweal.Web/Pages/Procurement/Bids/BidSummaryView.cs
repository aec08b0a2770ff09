using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>What the bid summary partial shows: the bid as the viewer may see it, its evidence checklist, and whether to offer changes.</summary>
public sealed record BidSummaryView(BidView View, IReadOnlyList<EvidenceLine> Evidence, bool CanEdit);
