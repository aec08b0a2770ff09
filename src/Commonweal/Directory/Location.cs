using Commonweal.Data;

namespace Commonweal.Directory;

/// <summary>
/// Where services are delivered (HSDS "location"). Postcode and coordinates are columns for search;
/// the full HSDS addresses, accessibility, languages and phones stay in <see cref="Extra"/>.
/// </summary>
public sealed class Location
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid? OrganisationId { get; set; }

    /// <summary>HSDS location_type: physical, postal or virtual.</summary>
    public string LocationType { get; set; } = "physical";

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }

    /// <summary>Outward code (E3), for searches from an outcode and as a fallback when a full postcode is not geocoded.</summary>
    public string? Outcode { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string Extra { get; set; } = "{}";
}

/// <summary>A service delivered at a location (HSDS "service_at_location").</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    public string? Description { get; set; }
    public string Extra { get; set; } = "{}";
    public List<Schedule> Schedules { get; set; } = [];
}
