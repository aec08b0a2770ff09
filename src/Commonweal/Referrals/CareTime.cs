using System.Globalization;
using Commonweal.Procurement;

namespace Commonweal.Referrals;

/// <summary>Times as people in England read them: "14:05 on 3 March 2027", in UK time.</summary>
public static class CareTime
{
    public static string Describe(DateTime utc) =>
        Timetable.UkLocal(utc).ToString("HH:mm 'on' d MMMM yyyy", CultureInfo.InvariantCulture);
}
