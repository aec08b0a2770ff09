using Commonweal.Organisations;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Which HSDS properties are columns, per record; every other property goes to the record's
/// Extra JSON (<see cref="NotExtra"/>).
/// </summary>
public static class HsdsFields
{
    public static readonly HsdsField<Service>[] Service =
    [
        HsdsField.Of<Service, string?>("name", nameof(Directory.Service.Name), s => s.Name, (s, v) => s.Name = v ?? "", HsdsValues.Text),
        HsdsField.Of<Service, string?>("alternate_name", nameof(Directory.Service.AlternateName), s => s.AlternateName, (s, v) => s.AlternateName = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("description", nameof(Directory.Service.Description), s => s.Description, (s, v) => s.Description = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("url", nameof(Directory.Service.Url), s => s.Url, (s, v) => s.Url = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("email", nameof(Directory.Service.Email), s => s.Email, (s, v) => s.Email = v, HsdsValues.Text),
        HsdsField.Of<Service, ServiceStatus?>("status", nameof(Directory.Service.Status), s => s.Status, (s, v) => s.Status = v ?? ServiceStatus.Active, HsdsValues.Status),
        HsdsField.Of<Service, int?>("minimum_age", nameof(Directory.Service.MinimumAge), s => s.MinimumAge, (s, v) => s.MinimumAge = v, HsdsValues.Integer),
        HsdsField.Of<Service, int?>("maximum_age", nameof(Directory.Service.MaximumAge), s => s.MaximumAge, (s, v) => s.MaximumAge = v, HsdsValues.Integer),
        HsdsField.Of<Service, string?>("eligibility_description", nameof(Directory.Service.EligibilityDescription), s => s.EligibilityDescription, (s, v) => s.EligibilityDescription = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("fees_description", nameof(Directory.Service.FeesDescription), s => s.FeesDescription, (s, v) => s.FeesDescription = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("alert", nameof(Directory.Service.Alert), s => s.Alert, (s, v) => s.Alert = v, HsdsValues.Text),
        HsdsField.Of<Service, string?>("wait_time", nameof(Directory.Service.WaitTime), s => s.WaitTime, (s, v) => s.WaitTime = v, HsdsValues.Text),
        HsdsField.Of<Service, DateOnly?>("assured_date", nameof(Directory.Service.AssuredDate), s => s.AssuredDate, (s, v) => s.AssuredDate = v, HsdsValues.Date),
        HsdsField.Of<Service, string?>("assurer_email", nameof(Directory.Service.AssurerEmail), s => s.AssurerEmail, (s, v) => s.AssurerEmail = v, HsdsValues.Text),
        // Only taken when the publisher sends it; otherwise the save stamps the time of the change.
        HsdsField.Of<Service, DateTime?>("last_modified", nameof(Directory.Service.LastModified), s => s.LastModified == default ? null : s.LastModified, (s, v) => s.LastModified = v ?? default, HsdsValues.DateTime),
    ];

    public static readonly HsdsField<Organisation>[] Organization =
    [
        HsdsField.Of<Organisation, string?>("name", nameof(Organisation.Name), o => o.Name, (o, v) => o.Name = v ?? "", HsdsValues.Text),
        HsdsField.Of<Organisation, string?>("description", nameof(Organisation.Description), o => o.Description, (o, v) => o.Description = v, HsdsValues.Text),
        HsdsField.Of<Organisation, string?>("email", nameof(Organisation.Email), o => o.Email, (o, v) => o.Email = v, HsdsValues.Text),
        HsdsField.Of<Organisation, string?>("website", nameof(Organisation.Website), o => o.Website, (o, v) => o.Website = v, HsdsValues.Text),
    ];

    public static readonly HsdsField<Location>[] Location =
    [
        HsdsField.Of<Location, string?>("location_type", nameof(Directory.Location.LocationType), l => l.LocationType, (l, v) => l.LocationType = v ?? "physical", HsdsValues.OneOf("physical", "postal", "virtual")),
        HsdsField.Of<Location, string?>("name", nameof(Directory.Location.Name), l => l.Name, (l, v) => l.Name = v, HsdsValues.Text),
        HsdsField.Of<Location, string?>("description", nameof(Directory.Location.Description), l => l.Description, (l, v) => l.Description = v, HsdsValues.Text),
        HsdsField.Of<Location, double?>("latitude", nameof(Directory.Location.Latitude), l => l.Latitude, (l, v) => l.Latitude = v, HsdsValues.Number),
        HsdsField.Of<Location, double?>("longitude", nameof(Directory.Location.Longitude), l => l.Longitude, (l, v) => l.Longitude = v, HsdsValues.Number),
    ];

    public static readonly HsdsField<ServiceAtLocation>[] ServiceAtLocation =
    [
        HsdsField.Of<ServiceAtLocation, string?>("description", nameof(Directory.ServiceAtLocation.Description), s => s.Description, (s, v) => s.Description = v, HsdsValues.Text),
    ];

    public static readonly HsdsField<Schedule>[] Schedule =
    [
        HsdsField.Of<Schedule, string?>("freq", nameof(Directory.Schedule.Freq), s => s.Freq, (s, v) => s.Freq = v, HsdsValues.OneOf("WEEKLY", "MONTHLY")),
        HsdsField.Of<Schedule, string?>("byday", nameof(Directory.Schedule.ByDay), s => s.ByDay, (s, v) => s.ByDay = v, HsdsValues.Text),
        HsdsField.Of<Schedule, TimeOnly?>("opens_at", nameof(Directory.Schedule.OpensAt), s => s.OpensAt, (s, v) => s.OpensAt = v, HsdsValues.Time),
        HsdsField.Of<Schedule, TimeOnly?>("closes_at", nameof(Directory.Schedule.ClosesAt), s => s.ClosesAt, (s, v) => s.ClosesAt = v, HsdsValues.Time),
        HsdsField.Of<Schedule, DateOnly?>("valid_from", nameof(Directory.Schedule.ValidFrom), s => s.ValidFrom, (s, v) => s.ValidFrom = v, HsdsValues.Date),
        HsdsField.Of<Schedule, DateOnly?>("valid_to", nameof(Directory.Schedule.ValidTo), s => s.ValidTo, (s, v) => s.ValidTo = v, HsdsValues.Date),
        HsdsField.Of<Schedule, string?>("description", nameof(Directory.Schedule.Description), s => s.Description, (s, v) => s.Description = v, HsdsValues.Text),
    ];

    public static readonly HsdsField<Taxonomy>[] Taxonomy =
    [
        HsdsField.Of<Taxonomy, string?>("name", nameof(Directory.Taxonomy.Name), t => t.Name, (t, v) => t.Name = v ?? "", HsdsValues.Text),
        HsdsField.Of<Taxonomy, string?>("description", nameof(Directory.Taxonomy.Description), t => t.Description, (t, v) => t.Description = v, HsdsValues.Text),
        HsdsField.Of<Taxonomy, string?>("uri", nameof(Directory.Taxonomy.Uri), t => t.Uri, (t, v) => t.Uri = v, HsdsValues.Text),
        HsdsField.Of<Taxonomy, string?>("version", nameof(Directory.Taxonomy.Version), t => t.Version, (t, v) => t.Version = v, HsdsValues.Text),
    ];

    public static readonly HsdsField<TaxonomyTerm>[] TaxonomyTerm =
    [
        HsdsField.Of<TaxonomyTerm, string?>("code", nameof(Directory.TaxonomyTerm.Code), t => t.Code, (t, v) => t.Code = v, HsdsValues.Text),
        HsdsField.Of<TaxonomyTerm, string?>("name", nameof(Directory.TaxonomyTerm.Name), t => t.Name, (t, v) => t.Name = v ?? "", HsdsValues.Text),
        HsdsField.Of<TaxonomyTerm, string?>("description", nameof(Directory.TaxonomyTerm.Description), t => t.Description, (t, v) => t.Description = v, HsdsValues.Text),
        HsdsField.Of<TaxonomyTerm, string?>("term_uri", nameof(Directory.TaxonomyTerm.TermUri), t => t.TermUri, (t, v) => t.TermUri = v, HsdsValues.Text),
        HsdsField.Of<TaxonomyTerm, string?>("language", nameof(Directory.TaxonomyTerm.Language), t => t.Language, (t, v) => t.Language = v, HsdsValues.Text),
    ];

    public static readonly HsdsField<ServiceTaxonomyTerm>[] Attribute =
    [
        HsdsField.Of<ServiceTaxonomyTerm, string?>("value", nameof(ServiceTaxonomyTerm.Value), a => a.Value, (a, v) => a.Value = v, HsdsValues.Text),
    ];

    /// <summary>
    /// Per record, the properties that do not go to its Extra JSON: its columns, and what the importer
    /// reads itself (ids, links, children). One set each, looked up once a property.
    /// </summary>
    public static readonly IReadOnlyDictionary<HsdsKind, HashSet<string>> NotExtra = new Dictionary<HsdsKind, HashSet<string>>
    {
        [HsdsKind.Service] = Taken(Service, "id", "organization", "organization_id", "service_at_locations", "schedules", "attributes"),
        [HsdsKind.Organization] = Taken(Organization, "id", "services"),
        [HsdsKind.Location] = Taken(Location, "id"),
        [HsdsKind.ServiceAtLocation] = Taken(ServiceAtLocation, "id", "service", "service_id", "location", "location_id", "schedules"),
        [HsdsKind.Taxonomy] = Taken(Taxonomy, "id", "taxonomy_terms"),
        [HsdsKind.TaxonomyTerm] = Taken(TaxonomyTerm, "id"),
    };

    public static readonly HashSet<string> ScheduleNotExtra = Taken(Schedule, "id", "service_id", "service_at_location_id");
    public static readonly HashSet<string> AttributeNotExtra = Taken(Attribute, "id", "taxonomy_term", "taxonomy_term_id", "link_id");

    private static HashSet<string> Taken<T>(HsdsField<T>[] columns, params string[] readByTheImporter) =>
        [.. readByTheImporter, .. columns.Select(c => c.Name)];
}
