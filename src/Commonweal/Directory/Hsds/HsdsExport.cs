using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Writes the directory as HSDS 3.0: JSON (services.json of full service documents,
/// organizations.json, locations.json, taxonomies.json, taxonomy_terms.json) and the CSV table set with its
/// datapackage.json. Records are read a page at a time by id, so memory stays flat however large
/// the directory is.
/// </summary>
public sealed class HsdsExport(CommonwealDbContext db)
{
    private const int PageSize = 1_000;

    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(folder);
        await using var tables = new HsdsCsvWriter(folder);
        var count = 0;
        await WriteListAsync(Path.Combine(folder, "services.json"), Pages(db.Services.AsNoTracking()
            .Include(s => s.Organisation).Include(s => s.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(l => l.Location)
            .Include(s => s.ServiceAtLocations).ThenInclude(l => l.Schedules)
            .Include(s => s.TaxonomyTerms).ThenInclude(a => a.TaxonomyTerm!).ThenInclude(t => t.Taxonomy)
            .AsSplitQuery(), s => s.Id, cancellationToken), service =>
            {
                count++;
                var document = HsdsDocumentsOut.Service(service);
                tables.Add("services", document, null);
                return document;
            }, cancellationToken);
        await WriteListAsync(Path.Combine(folder, "organizations.json"), Pages(db.Organisations.AsNoTracking(), o => o.Id, cancellationToken), organisation =>
            {
                var document = HsdsDocumentsOut.Organization(organisation);
                tables.Add("organizations", document, null);
                return document;
            }, cancellationToken);
        await WriteListAsync(Path.Combine(folder, "locations.json"), Pages(db.Locations.AsNoTracking(), l => l.Id, cancellationToken), location =>
            {
                var document = HsdsDocumentsOut.Location(location);
                tables.Add("locations", document, null);
                return document;
            }, cancellationToken);
        await WriteListAsync(Path.Combine(folder, "taxonomies.json"), Pages(db.Taxonomies.AsNoTracking(), t => t.Id, cancellationToken), taxonomy =>
            {
                var document = HsdsDocumentsOut.Taxonomy(taxonomy);
                tables.Add("taxonomies", document, null);
                return document;
            }, cancellationToken);
        await WriteListAsync(Path.Combine(folder, "taxonomy_terms.json"), Pages(db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy), t => t.Id, cancellationToken), term =>
            {
                var document = HsdsDocumentsOut.Term(term);
                tables.Add("taxonomy_terms", document, null);
                return document;
            }, cancellationToken);
        await tables.CompleteAsync();
        return count;
    }

    private static async Task WriteListAsync<T>(string path, IAsyncEnumerable<T> records, Func<T, JsonObject> document, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            document(record).WriteTo(json);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Keyset paging by id: each page starts after the last id of the one before.</summary>
    private async IAsyncEnumerable<T> Pages<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, Guid>> key,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var keyOf = key.Compile();
        Guid? after = null;
        while (true)
        {
            var page = query;
            if (after is { } last)
            {
                var parameter = key.Parameters[0];
                var greater = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                    System.Linq.Expressions.Expression.GreaterThan(key.Body, System.Linq.Expressions.Expression.Constant(last)), parameter);
                page = page.Where(greater);
            }

            var items = await page.OrderBy(key).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count < PageSize)
            {
                yield break;
            }

            after = keyOf(items[^1]);
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Records as HSDS documents: columns, links and children, then the stored Extra properties.</summary>
public static class HsdsDocumentsOut
{
    public static JsonObject Service(Service service)
    {
        var document = Columns(service.Id, service, HsdsFields.Service);
        document["organization_id"] = service.OrganisationId.ToString();
        if (service.Organisation is not null)
        {
            document["organization"] = Organization(service.Organisation);
        }

        document["service_at_locations"] = new JsonArray(service.ServiceAtLocations.OrderBy(l => l.Id).Select(l => (JsonNode)ServiceAtLocation(l)).ToArray());
        document["schedules"] = Schedules(service.Schedules);
        document["attributes"] = new JsonArray(service.TaxonomyTerms.OrderBy(a => a.Id).Select(a => (JsonNode)Attribute(a, service.Id)).ToArray());
        HsdsExtra.AddTo(document, service.Extra);
        return document;
    }

    public static JsonObject Organization(Organisation organisation)
    {
        var document = Columns(organisation.Id, organisation, HsdsFields.Organization);
        // HSDS requires a description; an organisation that has none is given an empty one.
        document["description"] ??= "";
        HsdsExtra.AddTo(document, organisation.DirectoryExtra);
        return document;
    }

    public static JsonObject Taxonomy(Taxonomy taxonomy)
    {
        var document = Columns(taxonomy.Id, taxonomy, HsdsFields.Taxonomy);
        document["description"] ??= "";
        HsdsExtra.AddTo(document, taxonomy.Extra);
        return document;
    }

    public static JsonObject Term(TaxonomyTerm term)
    {
        var document = Columns(term.Id, term, HsdsFields.TaxonomyTerm);
        document["description"] ??= "";
        if (term.ParentId is { } parent)
        {
            document["parent_id"] = parent.ToString();
        }

        if (term.TaxonomyId is { } taxonomy)
        {
            document["taxonomy_id"] = taxonomy.ToString();
        }

        if (term.Taxonomy is not null)
        {
            document["taxonomy_detail"] = Taxonomy(term.Taxonomy);
        }

        HsdsExtra.AddTo(document, term.Extra);
        return document;
    }

    private static JsonObject ServiceAtLocation(ServiceAtLocation link)
    {
        var document = Columns(link.Id, link, HsdsFields.ServiceAtLocation);
        document["service_id"] = link.ServiceId.ToString();
        document["location_id"] = link.LocationId.ToString();
        if (link.Location is not null)
        {
            document["location"] = Location(link.Location);
        }

        document["schedules"] = Schedules(link.Schedules);
        HsdsExtra.AddTo(document, link.Extra);
        return document;
    }

    public static JsonObject Location(Location location)
    {
        var document = Columns(location.Id, location, HsdsFields.Location);
        if (location.OrganisationId is { } owner)
        {
            document["organization_id"] = owner.ToString();
        }

        HsdsExtra.AddTo(document, location.Extra);
        return document;
    }

    private static JsonArray Schedules(IEnumerable<Schedule> schedules) =>
        new(schedules.OrderBy(s => s.Id).Select(s =>
        {
            var document = Columns(s.Id, s, HsdsFields.Schedule);
            HsdsExtra.AddTo(document, s.Extra);
            return (JsonNode)document;
        }).ToArray());

    private static JsonObject Attribute(ServiceTaxonomyTerm attribute, Guid serviceId)
    {
        var document = Columns(attribute.Id, attribute, HsdsFields.Attribute);
        document["link_id"] = serviceId.ToString();
        document["taxonomy_term_id"] = attribute.TaxonomyTermId.ToString();
        if (attribute.TaxonomyTerm is not null)
        {
            document["taxonomy_term"] = Term(attribute.TaxonomyTerm);
        }

        HsdsExtra.AddTo(document, attribute.Extra);
        return document;
    }

    private static JsonObject Columns<T>(Guid id, T entity, HsdsField<T>[] fields)
    {
        var document = new JsonObject { ["id"] = id.ToString() };
        foreach (var field in fields)
        {
            if (field.Write(entity) is { } value)
            {
                document[field.Name] = value;
            }
        }

        return document;
    }
}
