namespace Commonweal.Outcomes;

/// <summary>
/// Which instruments a service asks people and when it follows them up, set by the service's own
/// organisation. A service without settings uses <see cref="Default"/>: ONS4 at 3 and 6 months.
/// </summary>
public sealed class ServiceOutcomeSettings
{
    public const int MaxFollowUpMonths = 60;

    public Guid ServiceId { get; set; }
    public List<string> Instruments { get; set; } = [];

    /// <summary>Months after the baseline at which a follow-up is due, in order.</summary>
    public List<int> FollowUpMonths { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public static ServiceOutcomeSettings Default(Guid serviceId) => new()
    {
        ServiceId = serviceId,
        Instruments = [InstrumentCatalogue.Ons4],
        FollowUpMonths = [3, 6],
    };
}
