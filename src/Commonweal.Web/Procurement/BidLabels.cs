using Commonweal.Procurement;
using Commonweal.Procurement.Bids;

namespace Commonweal.Web.Procurement;

public static class BidLabels
{
    public static string DisplayName(BidStatus status) => status switch
    {
        BidStatus.Draft => "Draft",
        BidStatus.Submitted => "Submitted",
        BidStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string When(DateTime utc) => $"{Timetable.UkLocal(utc):d MMMM yyyy, HH:mm} (UK time)";
}
