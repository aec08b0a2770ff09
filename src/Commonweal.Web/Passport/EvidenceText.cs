using Commonweal.Passport;

namespace Commonweal.Web.Passport;

/// <summary>One line that tells an item apart from the others of its kind.</summary>
public static class EvidenceText
{
    public static string Describe(Evidence evidence) => evidence switch
    {
        InsurancePolicy p => $"{p.Insurer}, policy {p.PolicyNumber}: {PassportLabels.Money(p.Cover)} cover, {PassportLabels.Date(p.StartsOn)} to {PassportLabels.Date(p.ExpiresOn)}",
        SafeguardingPolicy s => $"Review due {PassportLabels.Date(s.ReviewDueOn)}",
        DbsCheck d => $"{d.Role} ({d.Initials}): {PassportLabels.DisplayName(d.Level).ToLowerInvariant()} check issued {PassportLabels.Date(d.IssuedOn)}{(d.OnUpdateService ? ", on the update service" : "")}",
        Volunteer v => $"{v.Reference}, {v.Role}, since {PassportLabels.Date(v.StartedOn)}: " +
            (v.Training.Count == 0 ? "no training recorded" : string.Join("; ", v.Training.OrderBy(t => t.Course).Select(t => $"{t.Course} {PassportLabels.Date(t.CompletedOn)}"))),
        DsptAssessment a => $"ODS code {a.OdsCode}: {PassportLabels.DisplayName(a.Status)}, published {PassportLabels.Date(a.PublishedOn)}",
        CqcRegistration c => $"Provider ID {c.ProviderId}, registered {PassportLabels.Date(c.RegisteredOn)}{(c.LatestRating is { } r ? $", rated {PassportLabels.DisplayName(r).ToLowerInvariant()}" : "")}",
        AnnualAccounts a => $"Year ending {PassportLabels.Date(a.YearEnd)}: income {PassportLabels.Money(a.Income)}",
        _ => "",
    };
}
