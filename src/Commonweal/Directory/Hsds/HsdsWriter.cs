using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Creates or updates the records of valid HSDS documents, a batch at a time: the records a batch
/// names are loaded in a few queries first, so that each document is applied in memory. A
/// property a document leaves out keeps its stored value; a child list it carries replaces the
/// stored one. Every method says whether anything changed, for the written count.
/// New records are not tracked by EF Core: they are kept in order and inserted together by
/// <see cref="InsertNewAsync"/> (tracking each cost more than building and writing it), on another
/// thread while the next batch is loaded and applied. Stored
/// records are loaded untracked too, each with a copy of its stored values; only those a batch
/// changes or removes are handed to EF Core (<see cref="TrackChanged"/>), with the copy as their
/// original values, so that they are saved and audited with their old values as before. Tracking
/// every record loaded cost a re-import of unchanged data a third of its time.
/// </summary>
public sealed class HsdsWriter(CommonwealDbContext db, Action<string, string> reject) : IDisposable
{
    private readonly Dictionary<Guid, Organisation> organisations = [];
    private readonly Dictionary<Guid, Service> services = [];
    private readonly Dictionary<Guid, Location> locations = [];
    private readonly Dictionary<Guid, ServiceAtLocation> serviceAtLocations = [];
    private readonly Dictionary<Guid, Schedule> schedules = [];
    private readonly Dictionary<Guid, Taxonomy> taxonomies = [];
    private readonly Dictionary<Guid, TaxonomyTerm> terms = [];

    /// <summary>The batch's new records, in the order they were made.</summary>
    private List<object> newRecords = [];

    /// <summary>
    /// The insert of the batch before, still running while this batch is prepared and applied: on another
    /// thread, so that SQLite writes the rows on one core while the next batch is mapped on the other
    /// (0.2 to 0.3 s of an import of 50,000 services). Whatever uses the connection waits for it first.
    /// </summary>
    private Task pendingInsert = Task.CompletedTask;

    /// <summary>The inserts' prepared statements, kept from batch to batch until the writer is disposed.</summary>
    private readonly SqliteInsertStatements statements = new();

    /// <summary>A copy of a record's fields (its lists shared): its column values are all the copy is for.</summary>
    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    /// <summary>The batch's stored records, loaded untracked, each with a shallow copy of its values as stored.</summary>
    private readonly Dictionary<object, object> stored = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each entity type's property getters, for <see cref="TrackChanged"/>.</summary>
    private readonly Dictionary<Type, IClrPropertyGetter[]> getters = [];

    /// <summary>HSDS organization ids matched to an existing organisation by its org-id identifier.</summary>
    private readonly Dictionary<Guid, Guid> organisationAliases = [];

    private string where = "";

    /// <summary>
    /// For each table that held no row when the import began, the ids the import has inserted into it
    /// since: all the table can hold, so the batch's other ids need not be looked up. At 50,000 new
    /// services every batch looked up every id it named, finding nothing, for half a second in all.
    /// </summary>
    private Dictionary<Type, HashSet<Guid>>? insertedIntoEmpty;

    /// <summary>Notes the tables that hold nothing yet, before the first batch.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        Type[] lookedUp = [typeof(Organisation), typeof(Taxonomy), typeof(TaxonomyTerm), typeof(Location), typeof(Service), typeof(ServiceAtLocation)];
        insertedIntoEmpty = (await TableRows.EmptyAsync(db, lookedUp, cancellationToken)).ToDictionary(type => type, _ => new HashSet<Guid>());
    }

    /// <summary>Loads, untracked, every stored record a batch names (its <paramref name="ids"/>), each remembered with a copy of its stored values.</summary>
    public async Task PrepareAsync(HsdsIds ids, CancellationToken cancellationToken)
    {
        foreach (var alias in ids.Organisations.Where(organisationAliases.ContainsKey).ToList())
        {
            ids.Organisations.Add(organisationAliases[alias]);
        }

        var organisationIds = MayBeStored<Organisation>(ids.Organisations);
        var (taxonomyIds, termIds) = (MayBeStored<Taxonomy>(ids.Taxonomies), MayBeStored<TaxonomyTerm>(ids.Terms));
        var (locationIds, serviceIds) = (MayBeStored<Location>(ids.Locations), MayBeStored<Service>(ids.Services));
        var linkIds = MayBeStored<ServiceAtLocation>(ids.ServiceAtLocations);
        await Load(db.Organisations.Where(o => organisationIds.Contains(o.Id)), organisationIds, organisations, cancellationToken);
        await Load(db.Taxonomies.Where(t => taxonomyIds.Contains(t.Id)), taxonomyIds, taxonomies, cancellationToken);
        await Load(db.TaxonomyTerms.Where(t => termIds.Contains(t.Id)), termIds, terms, cancellationToken);
        await Load(db.Locations.Where(l => locationIds.Contains(l.Id)), locationIds, locations, cancellationToken);
        await Load(db.Services.Include(s => s.Schedules).Include(s => s.TaxonomyTerms)
            .Include(s => s.ServiceAtLocations).ThenInclude(l => l.Schedules)
            .AsSplitQuery().Where(s => serviceIds.Contains(s.Id)), serviceIds, services, cancellationToken);
        foreach (var service in services.Values)
        {
            foreach (var schedule in service.Schedules.Concat(service.ServiceAtLocations.SelectMany(l => l.Schedules)))
            {
                schedules.TryAdd(schedule.Id, schedule);
            }

            foreach (var link in service.ServiceAtLocations)
            {
                serviceAtLocations.TryAdd(link.Id, link);
            }
        }

        // Links named inside their service's document came with it; only the others are read again.
        linkIds.RemoveAll(serviceAtLocations.ContainsKey);
        await Load(db.ServiceAtLocations.Include(s => s.Schedules).Where(s => linkIds.Contains(s.Id)), linkIds, serviceAtLocations, cancellationToken);

        // The records that came with a service or a place (Load remembered those it read by id).
        foreach (var service in services.Values)
        {
            service.Schedules.ForEach(Remember);
            service.TaxonomyTerms.ForEach(Remember);
        }

        foreach (var link in serviceAtLocations.Values)
        {
            Remember(link);
            link.Schedules.ForEach(Remember);
        }
    }

    /// <summary>
    /// Hands EF Core the stored records the batch has changed, before its save: each is tracked from
    /// its copy, so that the save writes and audits what changed, from the old values.
    /// </summary>
    internal void TrackChanged()
    {
        foreach (var (record, copy) in stored)
        {
            if (!getters.TryGetValue(record.GetType(), out var properties))
            {
                properties = getters[record.GetType()] = db.Model.FindEntityType(record.GetType())!.GetProperties().Select(p => p.GetGetter()).ToArray();
            }

            foreach (var property in properties)
            {
                if (!Equals(property.GetClrValue(record), property.GetClrValue(copy)))
                {
                    Track(record, copy, EntityState.Unchanged);
                    break;
                }
            }
        }

        stored.Clear();
    }

    /// <summary>Keeps a copy of a stored record's values as loaded, before the batch changes any.</summary>
    private void Remember(object record) => stored.TryAdd(record, ShallowCopy(record));

    private void Track(object record, object copy, EntityState state)
    {
        var entry = db.Entry(record);
        entry.State = state;
        entry.OriginalValues.SetValues(copy);
    }

    /// <summary>
    /// Deletes a stored record, and the loaded records that go with it (a place's schedules), as EF
    /// Core's cascade did when they were tracked, so that each deletion is audited.
    /// </summary>
    private void Delete(object record)
    {
        if (record is ServiceAtLocation link)
        {
            foreach (var schedule in link.Schedules)
            {
                // A schedule this batch made for the place is not written at all.
                if (!newRecords.Remove(schedule))
                {
                    Delete(schedule);
                }
            }
        }

        // Setting a state, unlike Remove, leaves the records it refers to untracked.
        if (stored.Remove(record, out var copy))
        {
            Track(record, copy, EntityState.Deleted);
        }
        else
        {
            db.Entry(record).State = EntityState.Deleted;
        }
    }

    /// <summary>The ids that may name a stored record of <typeparamref name="T"/>.</summary>
    private List<Guid> MayBeStored<T>(HashSet<Guid> ids) =>
        insertedIntoEmpty?.GetValueOrDefault(typeof(T)) is { } inserted ? ids.Where(inserted.Contains).ToList() : ids.ToList();

    /// <summary>
    /// Inserts the batch's new records, stamped as a save stamps them, counting them by table and
    /// telling the search index which services they touch. The rows are written in the background,
    /// once the batch before's are (<see cref="WrittenAsync"/>).
    /// </summary>
    internal async Task InsertNewAsync(SortedDictionary<string, int> created, SearchIndexPause searchIndex, CancellationToken cancellationToken)
    {
        foreach (var record in newRecords)
        {
            db.StampNew(record);
            var table = db.Model.FindEntityType(record.GetType())!.GetTableName()!;
            created[table] = created.GetValueOrDefault(table) + 1;
            switch (record)
            {
                case Service service:
                    searchIndex.Touched(service.Id);
                    break;
                case ServiceAtLocation link:
                    searchIndex.Touched(link.ServiceId);
                    break;
                case ServiceTaxonomyTerm attribute:
                    searchIndex.Touched(attribute.ServiceId);
                    break;
            }

            if (insertedIntoEmpty?.GetValueOrDefault(record.GetType()) is { } inserted)
            {
                inserted.Add(RecordId(record));
            }
        }

        await pendingInsert;
        var insert = BulkInserter.Prepare(db, newRecords, statements);
        newRecords = [];
        pendingInsert = Task.Run(() => insert(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Waits until the rows inserted so far are written (a failed insert throws here): before anything
    /// else uses the connection, the batch's save of changed records and the end of the import among them.
    /// </summary>
    internal Task WrittenAsync() => pendingInsert;

    /// <summary>After a failure: waits for an insert still running to stop, so that the rollback has the connection to itself; what it says is moot.</summary>
    internal Task SettleAsync() => pendingInsert.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>Lets the inserts' statements go: once the last insert has ended, before the connection closes.</summary>
    public void Dispose() => statements.Dispose();

    /// <summary>Forgets the batch (after its save and the change tracker is cleared).</summary>
    public void Clear()
    {
        newRecords.Clear();
        stored.Clear();
        organisations.Clear();
        services.Clear();
        locations.Clear();
        serviceAtLocations.Clear();
        schedules.Clear();
        taxonomies.Clear();
        terms.Clear();
    }

    public async Task<bool> ApplyAsync(HsdsDocument document, CancellationToken cancellationToken)
    {
        where = $"{document.Origin} {document.Path}";
        return document.Kind switch
        {
            HsdsKind.Organization => (await OrganisationAsync(document.Node, "", cancellationToken)).Changed,
            HsdsKind.Service => await ServiceAsync(document.Node, "", null, cancellationToken),
            HsdsKind.ServiceAtLocation => await StandaloneServiceAtLocationAsync(document.Node, cancellationToken),
            HsdsKind.Location => LocationRecord(document.Node).Changed,
            HsdsKind.Taxonomy => TaxonomyRecord(document.Node, "").Changed,
            _ => TermRecord(document.Node, "").Changed,
        };
    }

    private async Task<(Organisation Organisation, bool Changed)> OrganisationAsync(JsonObject node, string path, CancellationToken cancellationToken)
    {
        var id = IdOf(node);
        var organisation = FindOrganisation(id) ?? await ByIdentifierAsync(node, id, cancellationToken);
        var changed = false;
        if (organisation is null)
        {
            organisation = new Organisation { Id = id, Name = "", Identifier = await FreeIdentifierAsync(node, cancellationToken) };
            organisations[id] = organisation;
            newRecords.Add(organisation);
            changed = true;
        }

        changed |= Apply(organisation, node, HsdsFields.Organization);
        changed |= SetExtra(organisation.DirectoryExtra, node, HsdsKind.Organization, v => organisation.DirectoryExtra = v);
        if (node["services"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                changed |= await ServiceAsync((JsonObject)children[i]!, $"{path}.services[{i}]", organisation, cancellationToken);
            }
        }

        return (organisation, changed);
    }

    private async Task<bool> ServiceAsync(JsonObject node, string path, Organisation? parent, CancellationToken cancellationToken)
    {
        var id = IdOf(node);
        var changed = false;
        if (!services.TryGetValue(id, out var service))
        {
            service = new Service { Id = id, Name = "" };
            services[id] = service;
            newRecords.Add(service);
            changed = true;
        }

        var organisation = parent;
        if (node["organization"] is JsonObject owner)
        {
            (organisation, var ownerChanged) = await OrganisationAsync(owner, $"{path}.organization", cancellationToken);
            changed |= ownerChanged;
        }
        else if (node["organization_id"] is { } reference)
        {
            organisation ??= FindOrganisation(Guid.Parse(reference.GetValue<string>()));
            if (organisation is null)
            {
                reject($"{where}{path}.organization_id", $"organization {reference} is not in the data or the database");
                return false;
            }
        }

        if (organisation is null && service.OrganisationId == Guid.Empty)
        {
            reject($"{where}{path}", "a service needs its organization (organization or organization_id)");
            return false;
        }

        if (organisation is not null && service.OrganisationId != organisation.Id)
        {
            service.OrganisationId = organisation.Id;
            changed = true;
        }

        changed |= Apply(service, node, HsdsFields.Service);
        changed |= SetExtra(service.Extra, node, HsdsKind.Service, v => service.Extra = v);
        if (node["service_at_locations"] is JsonArray links)
        {
            var kept = new HashSet<Guid>();
            for (var i = 0; i < links.Count; i++)
            {
                var (link, linkChanged) = ServiceAtLocationRecord((JsonObject)links[i]!, $"{path}.service_at_locations[{i}]", service);
                changed |= linkChanged;
                kept.Add(link?.Id ?? Guid.Empty);
            }

            changed |= RemoveMissing(service.ServiceAtLocations, kept);
        }

        if (node["schedules"] is JsonArray times)
        {
            changed |= Schedules(times, service.Schedules, s => s.ServiceId = service.Id, s => s.ServiceId == service.Id);
        }

        if (node["attributes"] is JsonArray attributes)
        {
            changed |= Attributes(attributes, path, service);
        }

        return changed;
    }

    private async Task<bool> StandaloneServiceAtLocationAsync(JsonObject node, CancellationToken cancellationToken)
    {
        var changed = false;
        Service? service;
        if (node["service"] is JsonObject nested)
        {
            changed |= await ServiceAsync(nested, ".service", null, cancellationToken);
            services.TryGetValue(IdOf(nested), out service);
        }
        else
        {
            var id = node["service_id"] is { } reference ? Guid.Parse(reference.GetValue<string>()) : Guid.Empty;
            if (!services.TryGetValue(id, out service))
            {
                reject($"{where}.service_id", $"service {node["service_id"]} is not in the data or the database");
                return false;
            }
        }

        if (service is null)
        {
            return false;
        }

        var (_, linkChanged) = ServiceAtLocationRecord(node, "", service);
        return changed | linkChanged;
    }

    private (ServiceAtLocation? Link, bool Changed) ServiceAtLocationRecord(JsonObject node, string path, Service service)
    {
        var id = IdOf(node);
        Location? location;
        var changed = false;
        if (node["location"] is JsonObject place)
        {
            (location, changed) = LocationRecord(place);
        }
        else
        {
            var locationId = Guid.Parse(node["location_id"]!.GetValue<string>());
            if (!locations.TryGetValue(locationId, out location))
            {
                reject($"{where}{path}.location_id", $"location {locationId} is not in the data or the database");
                return (null, false);
            }
        }

        if (!serviceAtLocations.TryGetValue(id, out var link))
        {
            link = new ServiceAtLocation { Id = id, ServiceId = service.Id, LocationId = location.Id };
            serviceAtLocations[id] = link;
            newRecords.Add(link);
            // As EF Core's fix-up did when the link was tracked: a later document for the same service
            // in this batch replaces its places, this one among them.
            service.ServiceAtLocations.Add(link);
            changed = true;
        }

        if (link.ServiceId != service.Id || link.LocationId != location.Id)
        {
            (link.ServiceId, link.LocationId) = (service.Id, location.Id);
            changed = true;
        }

        changed |= Apply(link, node, HsdsFields.ServiceAtLocation);
        changed |= SetExtra(link.Extra, node, HsdsKind.ServiceAtLocation, v => link.Extra = v);
        if (node["schedules"] is JsonArray times)
        {
            changed |= Schedules(times, link.Schedules, s => s.ServiceAtLocationId = link.Id, s => s.ServiceAtLocationId == link.Id);
        }

        return (link, changed);
    }

    private (Location Location, bool Changed) LocationRecord(JsonObject node)
    {
        var id = IdOf(node);
        var changed = false;
        if (!locations.TryGetValue(id, out var location))
        {
            location = new Location { Id = id };
            locations[id] = location;
            newRecords.Add(location);
            changed = true;
        }

        var owner = node["organization_id"] is { } reference ? FindOrganisation(Guid.Parse(reference.GetValue<string>())) : null;
        if (owner is not null && location.OrganisationId != owner.Id)
        {
            location.OrganisationId = owner.Id;
            changed = true;
        }

        changed |= Apply(location, node, HsdsFields.Location);
        // An organization we do not hold stays in Extra, so that the publisher's link is not lost.
        changed |= SetExtra(location.Extra, node, HsdsKind.Location, v => location.Extra = v,
            name => name == "organization_id" && owner is not null);
        if (node["addresses"] is JsonArray addresses)
        {
            changed |= HsdsAddress.Project(location, addresses);
        }

        return (location, changed);
    }

    private bool Schedules(JsonArray items, List<Schedule> current, Action<Schedule> attach, Func<Schedule, bool> isAttached)
    {
        var changed = false;
        var kept = new HashSet<Guid>();
        foreach (var item in items.Cast<JsonObject>())
        {
            var id = IdOf(item);
            kept.Add(id);
            if (!schedules.TryGetValue(id, out var schedule))
            {
                schedule = new Schedule { Id = id };
                schedules[id] = schedule;
                newRecords.Add(schedule);
                changed = true;
            }

            if (!isAttached(schedule))
            {
                attach(schedule);
                changed = true;
            }

            changed |= Apply(schedule, item, HsdsFields.Schedule);
            changed |= SetExtra(schedule.Extra, item, HsdsFields.ScheduleNotExtra, v => schedule.Extra = v);
        }

        return changed | RemoveMissing(current, kept);
    }

    private bool Attributes(JsonArray items, string path, Service service)
    {
        var changed = false;
        var kept = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = (JsonObject)items[i]!;
            Guid termId;
            if (item["taxonomy_term"] is JsonObject term)
            {
                var (record, termChanged) = TermRecord(term, $"{path}.attributes[{i}].taxonomy_term");
                (termId, changed) = (record.Id, changed | termChanged);
            }
            else
            {
                termId = Guid.Parse(item["taxonomy_term_id"]!.GetValue<string>());
                if (!terms.ContainsKey(termId))
                {
                    reject($"{where}{path}.attributes[{i}].taxonomy_term_id", $"taxonomy term {termId} is not in the data or the database");
                    continue;
                }
            }

            var id = IdOf(item);
            kept.Add(id);
            var attribute = service.TaxonomyTerms.Find(a => a.Id == id);
            if (attribute is null)
            {
                attribute = new ServiceTaxonomyTerm { Id = id, ServiceId = service.Id, TaxonomyTermId = termId };
                service.TaxonomyTerms.Add(attribute);
                newRecords.Add(attribute);
                changed = true;
            }
            else if (attribute.TaxonomyTermId != termId)
            {
                attribute.TaxonomyTermId = termId;
                changed = true;
            }

            changed |= Apply(attribute, item, HsdsFields.Attribute);
            changed |= SetExtra(attribute.Extra, item, HsdsFields.AttributeNotExtra, v => attribute.Extra = v);
        }

        return changed | RemoveMissing(service.TaxonomyTerms, kept);
    }

    private (Taxonomy Taxonomy, bool Changed) TaxonomyRecord(JsonObject node, string path)
    {
        var id = IdOf(node);
        var changed = false;
        if (!taxonomies.TryGetValue(id, out var taxonomy))
        {
            taxonomy = new Taxonomy { Id = id, Name = "" };
            taxonomies[id] = taxonomy;
            newRecords.Add(taxonomy);
            changed = true;
        }

        changed |= Apply(taxonomy, node, HsdsFields.Taxonomy);
        changed |= SetExtra(taxonomy.Extra, node, HsdsKind.Taxonomy, v => taxonomy.Extra = v);
        if (node["taxonomy_terms"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                var child = (JsonObject)children[i]!;
                var (term, termChanged) = TermRecord(child, $"{path}.taxonomy_terms[{i}]");
                changed |= termChanged;
                if (term.TaxonomyId != taxonomy.Id)
                {
                    term.TaxonomyId = taxonomy.Id;
                    changed = true;
                }
            }
        }

        return (taxonomy, changed);
    }

    private (TaxonomyTerm Term, bool Changed) TermRecord(JsonObject node, string path)
    {
        var id = IdOf(node);
        var changed = false;
        if (!terms.TryGetValue(id, out var term))
        {
            term = new TaxonomyTerm { Id = id, Name = "" };
            terms[id] = term;
            newRecords.Add(term);
            changed = true;
        }

        Guid? taxonomyId = null;
        if (node["taxonomy_detail"] is JsonObject detail)
        {
            var (taxonomy, taxonomyChanged) = TaxonomyRecord(detail, $"{path}.taxonomy_detail");
            (taxonomyId, changed) = (taxonomy.Id, changed | taxonomyChanged);
        }
        else if (node["taxonomy_id"] is { } reference && taxonomies.ContainsKey(Guid.Parse(reference.GetValue<string>())))
        {
            taxonomyId = Guid.Parse(reference.GetValue<string>());
        }

        // A parent the data does not hold (yet) is kept in Extra rather than refused.
        Guid? parentId = node["parent_id"] is { } parent && terms.ContainsKey(Guid.Parse(parent.GetValue<string>()))
            ? Guid.Parse(parent.GetValue<string>())
            : null;
        if (taxonomyId is not null && term.TaxonomyId != taxonomyId)
        {
            term.TaxonomyId = taxonomyId;
            changed = true;
        }

        if (parentId is not null && term.ParentId != parentId)
        {
            term.ParentId = parentId;
            changed = true;
        }

        changed |= Apply(term, node, HsdsFields.TaxonomyTerm);
        changed |= SetExtra(term.Extra, node, HsdsKind.TaxonomyTerm, v => term.Extra = v,
            name => (name == "parent_id" && parentId is not null) || (name is "taxonomy_id" or "taxonomy_detail" && taxonomyId is not null));
        return (term, changed);
    }

    private Organisation? FindOrganisation(Guid id) =>
        organisations.GetValueOrDefault(id)
        ?? (organisationAliases.TryGetValue(id, out var alias) ? organisations.GetValueOrDefault(alias) : null);

    private async Task<Organisation?> ByIdentifierAsync(JsonObject node, Guid id, CancellationToken cancellationToken)
    {
        foreach (var identifier in HsdsIdentifiers.Of(node))
        {
            await pendingInsert;
            var match = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Identifier == identifier, cancellationToken);
            if (match is not null)
            {
                organisationAliases[id] = match.Id;
                // Loaded already for another document of the batch: that copy is the one to change.
                if (organisations.TryGetValue(match.Id, out var loaded))
                {
                    return loaded;
                }

                organisations[match.Id] = match;
                Remember(match);
                return match;
            }
        }

        return null;
    }

    private async Task<string?> FreeIdentifierAsync(JsonObject node, CancellationToken cancellationToken)
    {
        foreach (var identifier in HsdsIdentifiers.Of(node))
        {
            await pendingInsert;
            var taken = organisations.Values.Any(o => o.Identifier == identifier)
                || await db.Organisations.AnyAsync(o => o.Identifier == identifier, cancellationToken);
            if (!taken)
            {
                return identifier;
            }
        }

        return null;
    }

    private static bool Apply<T>(T entity, JsonObject node, HsdsField<T>[] fields)
    {
        var changed = false;
        foreach (var field in fields)
        {
            if (node.TryGetPropertyValue(field.Name, out var value))
            {
                changed |= field.Apply(entity, value);
            }
        }

        return changed;
    }

    private static bool SetExtra(string stored, JsonObject node, HsdsKind kind, Action<string> set, Func<string, bool>? alsoNotExtra = null) =>
        SetExtra(stored, node, HsdsFields.NotExtra[kind], set, alsoNotExtra);

    private static bool SetExtra(string stored, JsonObject node, HashSet<string> notExtra, Action<string> set, Func<string, bool>? alsoNotExtra = null)
    {
        var merged = HsdsExtra.Merge(stored, node, notExtra, alsoNotExtra);
        if (merged == stored)
        {
            return false;
        }

        set(merged);
        return true;
    }

    /// <summary>Removes the children a document no longer lists: a stored one is deleted, a new one is not made.</summary>
    private bool RemoveMissing<T>(List<T> current, HashSet<Guid> kept) where T : class
    {
        var missing = current.Where(item => !kept.Contains(RecordId(item))).ToList();
        foreach (var item in missing)
        {
            current.Remove(item);
            if (!newRecords.Remove(item))
            {
                Delete(item);
            }
        }

        return missing.Count > 0;
    }

    private static Guid RecordId(object record) => record switch
    {
        Organisation o => o.Id,
        Taxonomy t => t.Id,
        TaxonomyTerm t => t.Id,
        Location l => l.Id,
        Service s => s.Id,
        ServiceAtLocation l => l.Id,
        Schedule s => s.Id,
        ServiceTaxonomyTerm a => a.Id,
        _ => throw new ArgumentException($"No id for {record.GetType().Name}", nameof(record)),
    };

    private static Guid IdOf(JsonObject node) => Guid.Parse(node["id"]!.GetValue<string>());

    private async Task Load<T>(IQueryable<T> query, List<Guid> ids, Dictionary<Guid, T> into, CancellationToken cancellationToken)
        where T : class
    {
        if (ids.Count == 0)
        {
            return;
        }

        await pendingInsert;

        foreach (var item in await query.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (into.TryAdd(RecordId(item), item))
            {
                Remember(item);
            }
        }
    }
}
