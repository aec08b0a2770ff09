using Commonweal.Referrals.Concerns;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>Words and colours for concerns, shared by the banner, the list and the concern page.</summary>
public static class ConcernSummary
{
    public static string Colour(ConcernSeverity severity) => severity switch
    {
        ConcernSeverity.High => "red",
        ConcernSeverity.Medium => "orange",
        _ => "yellow",
    };

    public static string Title(ConcernView v) =>
        $"{ConcernLabels.Severity(v.Concern.Severity)} severity {ConcernLabels.Kind(v.Concern.Kind).ToLowerInvariant()} concern";

    public static string Raised(ConcernView v) =>
        $"Raised by {v.Concern.RaisedBy} ({v.Concern.RaisedByOrganisation}) at {Commonweal.Referrals.CareTime.Describe(v.Concern.RaisedAt)}";

    public static string Closed(ConcernView v) =>
        $"By {v.Concern.ClosedBy} ({v.Concern.ClosedByOrganisation}) at {Commonweal.Referrals.CareTime.Describe(v.Concern.ClosedAt!.Value)}";

    public static string Acknowledgements(ConcernView v)
    {
        var done = v.Organisations.Where(o => o.Acknowledgement is not null).Select(o => o.Name).ToList();
        var waiting = v.Unacknowledged.Select(o => o.Name).ToList();
        var parts = new List<string>();
        if (done.Count > 0)
        {
            parts.Add($"Acknowledged by {string.Join(", ", done)}");
        }

        if (waiting.Count > 0)
        {
            parts.Add($"Not yet acknowledged by {string.Join(", ", waiting)}");
        }

        return string.Join(". ", parts) + ".";
    }
}
