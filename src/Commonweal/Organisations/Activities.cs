namespace Commonweal.Organisations;

/// <summary>
/// What an organisation does. Most community organisations campaign or inform rather than deliver
/// services (the seed editorial's point), so this is a set, not a single category.
/// </summary>
[Flags]
public enum Activities
{
    None = 0,
    DirectServiceProvider = 1,
    InformationAndAdvice = 2,
    CampaigningAndAdvocacy = 4,
    PeerSupport = 8,
}

/// <summary>Annual income bands as used by NCVO's UK Civil Society Almanac.</summary>
public enum IncomeBand
{
    Micro,
    Small,
    Medium,
    Large,
    Major,
    SuperMajor,
}

public enum OrganisationStatus
{
    Active,
    Closed,
    Dormant,
    Proposed,
}

public static class OrganisationLabels
{
    public static string DisplayName(Activities activity) => activity switch
    {
        Activities.DirectServiceProvider => "Direct service provider",
        Activities.InformationAndAdvice => "Information and advice",
        Activities.CampaigningAndAdvocacy => "Campaigning and advocacy",
        Activities.PeerSupport => "Peer support",
        _ => activity.ToString(),
    };

    public static IEnumerable<Activities> Each(Activities set) =>
        Enum.GetValues<Activities>().Where(a => a != Activities.None && set.HasFlag(a));

    public static string DisplayName(IncomeBand band) => band switch
    {
        IncomeBand.Micro => "Under £10,000 (micro)",
        IncomeBand.Small => "£10,000 to £100,000 (small)",
        IncomeBand.Medium => "£100,000 to £1 million (medium)",
        IncomeBand.Large => "£1 million to £10 million (large)",
        IncomeBand.Major => "£10 million to £100 million (major)",
        IncomeBand.SuperMajor => "Over £100 million (super-major)",
        _ => band.ToString(),
    };
}
