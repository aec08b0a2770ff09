namespace Commonweal.Directory;

/// <summary>HSDS service status; the HSDS value for each is given by <see cref="ServiceStatuses.ToHsds"/>.</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

public static class ServiceStatuses
{
    public static string ToHsds(ServiceStatus status) => status switch
    {
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static ServiceStatus? FromHsds(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        _ => null,
    };

    public static string DisplayName(ServiceStatus status) => status switch
    {
        ServiceStatus.TemporarilyClosed => "Temporarily closed",
        _ => status.ToString(),
    };
}
