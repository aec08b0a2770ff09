using System.Globalization;

namespace Commonweal.Passport;

/// <summary>The names people read for the passport's kinds, states and choices.</summary>
public static class PassportLabels
{
    public static string DisplayName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PublicLiabilityInsurance => "Public liability insurance",
        EvidenceKind.EmployersLiabilityInsurance => "Employers' liability insurance",
        EvidenceKind.SafeguardingPolicy => "Safeguarding policy",
        EvidenceKind.DbsChecks => "DBS checks",
        EvidenceKind.VolunteerRegister => "Volunteer register and training",
        EvidenceKind.DataSecurityAndProtectionToolkit => "Data Security and Protection Toolkit",
        EvidenceKind.CqcRegistration => "CQC registration",
        EvidenceKind.Accounts => "Latest accounts",
        _ => kind.ToString(),
    };

    /// <summary>"Add …": what one item of the kind is called.</summary>
    public static string ItemName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PublicLiabilityInsurance => "a public liability policy",
        EvidenceKind.EmployersLiabilityInsurance => "an employers' liability policy",
        EvidenceKind.SafeguardingPolicy => "the safeguarding policy",
        EvidenceKind.DbsChecks => "a DBS check",
        EvidenceKind.VolunteerRegister => "a volunteer",
        EvidenceKind.DataSecurityAndProtectionToolkit => "a toolkit assessment",
        EvidenceKind.CqcRegistration => "the CQC registration",
        EvidenceKind.Accounts => "a year's accounts",
        _ => kind.ToString(),
    };

    public static string DisplayName(EvidenceState state) => state switch
    {
        EvidenceState.Valid => "Valid",
        EvidenceState.ExpiringSoon => "Expiring soon",
        EvidenceState.Expired => "Expired",
        EvidenceState.Missing => "Missing",
        _ => state.ToString(),
    };

    /// <summary>NHS.UK tag colours: green for good, yellow to act soon, red to act now, grey for nothing recorded.</summary>
    public static string Colour(EvidenceState state) => state switch
    {
        EvidenceState.Valid => "green",
        EvidenceState.ExpiringSoon => "yellow",
        EvidenceState.Expired => "red",
        _ => "grey",
    };

    /// <summary>What the date that drives an item's status means, for its kind.</summary>
    public static string DateMeaning(EvidenceKind kind, EvidenceState state) => (kind, state) switch
    {
        (EvidenceKind.CqcRegistration, _) => "Registered",
        (_, EvidenceState.Missing) => "From",
        (EvidenceKind.SafeguardingPolicy, _) => "Review due",
        (EvidenceKind.DbsChecks or EvidenceKind.VolunteerRegister, EvidenceState.Expired) => "Renewal was due",
        (EvidenceKind.DbsChecks or EvidenceKind.VolunteerRegister, _) => "Renewal due",
        (EvidenceKind.Accounts, EvidenceState.Expired) => "Next accounts were due",
        (EvidenceKind.Accounts, _) => "Next accounts due",
        (_, EvidenceState.Expired) => "Expired",
        _ => "Expires",
    };

    public static string DisplayName(DbsLevel level) => level switch
    {
        DbsLevel.Basic => "Basic",
        DbsLevel.Standard => "Standard",
        DbsLevel.Enhanced => "Enhanced",
        _ => level.ToString(),
    };

    public static string DisplayName(DsptStatus status) => status switch
    {
        DsptStatus.StandardsExceeded => "Standards exceeded",
        DsptStatus.StandardsMet => "Standards met",
        DsptStatus.ApproachingStandards => "Approaching standards",
        DsptStatus.StandardsNotMet => "Standards not met",
        _ => status.ToString(),
    };

    public static string DisplayName(CqcRating rating) => rating switch
    {
        CqcRating.Outstanding => "Outstanding",
        CqcRating.Good => "Good",
        CqcRating.RequiresImprovement => "Requires improvement",
        CqcRating.Inadequate => "Inadequate",
        _ => rating.ToString(),
    };

    public static string Reminder(PassportReminder reminder)
    {
        var state = reminder.Threshold == ReminderThreshold.Expired ? EvidenceState.Expired : EvidenceState.ExpiringSoon;
        var meaning = DateMeaning(reminder.Kind, state);
        return $"{DisplayName(reminder.Kind)}: {char.ToLowerInvariant(meaning[0])}{meaning[1..]} {Date(reminder.DueOn)}";
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whole pounds unless there are pence, like £5,000,000 or £1,234.50.</summary>
    public static string Money(decimal amount) =>
        "£" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture);
}
