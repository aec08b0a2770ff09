using System.Data;
using System.Text.Json.Nodes;
using Commonweal.Audit;
using Commonweal.Directory;
using Commonweal.Directory.Hsds;
using Commonweal.Directory.Search;
using Commonweal.Importing;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

/// <summary>
/// What an HSDS import leaves behind besides the records themselves: re-imports that update in place,
/// the search index, and the audit log.
/// </summary>
public sealed class HsdsImportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-hsds-import-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reimport_ChangedService_UpdatesInPlaceAndAuditsTheOldValues()
    {
        var service = Service("Quillwort knitting circle");
        var scheduleId = service["schedules"]![0]!["id"]!.ToString();
        var first = await ImportAsync(Write("first.json", new JsonArray(service)));
        service["name"] = "Quillwort crochet circle";
        service["schedules"] = new JsonArray();

        var second = await ImportAsync(Write("second.json", new JsonArray(service.DeepClone())));

        Assert.Equal("read 1, written 1, rejected 0", first.SummaryLine);
        Assert.Equal("read 1, written 1, rejected 0", second.SummaryLine);
        await using var db = database.Database.CreateContext();
        var id = Guid.Parse(service["id"]!.ToString());
        var stored = await db.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == id, Cancel);
        Assert.Equal("Quillwort crochet circle", stored.Name);
        Assert.Empty(stored.Schedules);
        Assert.Equal(1, await db.Services.CountAsync(s => s.Name.StartsWith("Quillwort"), Cancel));
        var renamed = await db.AuditEvents.SingleAsync(e => e.Action == "Service.Updated" && e.EntityId == id.ToString(), Cancel);
        var name = JsonNode.Parse(renamed.Summary)!["Name"]!;
        Assert.Equal(("Quillwort knitting circle", "Quillwort crochet circle"), (name["from"]!.ToString(), name["to"]!.ToString()));
        var removed = await db.AuditEvents.SingleAsync(e => e.Action == "Schedule.Deleted" && e.EntityId == scheduleId, Cancel);
        Assert.Equal("MO", JsonNode.Parse(removed.Summary)!["ByDay"]!.ToString());
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: Cancel)).Intact);
    }

    /// <summary>
    /// Stored records are loaded untracked and handed to EF Core only once changed or removed: every
    /// kind of record a re-import changes is still written, and audited from its old values, a removed
    /// place takes its schedules with it, and a record left as it was is neither written nor audited.
    /// </summary>
    [Fact]
    public async Task Reimport_ChangedAndRemovedRecordsOfEveryKind_AreWrittenAndAuditedFromTheirOldValues()
    {
        var service = Service("Bogbean walking group");
        var links = service["service_at_locations"]!.AsArray();
        var kept = links[0]!.AsObject();
        kept["schedules"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = "WE" });
        var dropped = (JsonObject)kept.DeepClone();
        dropped["id"] = Guid.NewGuid().ToString();
        dropped["location"]!["id"] = Guid.NewGuid().ToString();
        dropped["schedules"]![0]!["id"] = Guid.NewGuid().ToString();
        links.Add(dropped);
        await ImportAsync(Write("before.json", new JsonArray(service.DeepClone())));
        await using var db = database.Database.CreateContext();
        var before = await db.AuditEvents.MaxAsync(e => e.Sequence, Cancel);

        service["organization"]!["name"] = "Wetland neighbours";
        kept["location"]!["latitude"] = 51.531;
        kept["schedules"]![0]!["byday"] = "TH";
        links.RemoveAt(1);
        service["attributes"] = new JsonArray();
        var report = await ImportAsync(Write("after.json", new JsonArray(service.DeepClone())));

        Assert.Equal("read 1, written 1, rejected 0", report.SummaryLine);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > before).ToListAsync(Cancel);
        string From(string action, JsonNode record, string property) =>
            JsonNode.Parse(events.Single(e => e.Action == action && e.EntityId == Guid.Parse(record["id"]!.ToString()).ToString()).Summary)![property]!["from"]!.ToString();
        Assert.Equal("Wetland friends", From("Organisation.Updated", service["organization"]!, "Name"));
        Assert.Equal("51.529", From("Location.Updated", kept["location"]!, "Latitude"));
        Assert.Equal("WE", From("Schedule.Updated", kept["schedules"]![0]!, "ByDay"));
        Assert.Equal(
            [$"Schedule.Deleted {dropped["schedules"]![0]!["id"]}", $"ServiceAtLocation.Deleted {dropped["id"]}", "ServiceTaxonomyTerm.Deleted"],
            events.Where(e => e.Action.EndsWith(".Deleted")).Select(e => e.Action == "ServiceTaxonomyTerm.Deleted" ? e.Action : $"{e.Action} {e.EntityId}").Order());
        Assert.Equal(
            ["Directory.HsdsImported", "Location.Updated", "Organisation.Updated", "Schedule.Deleted", "Schedule.Updated", "ServiceAtLocation.Deleted", "ServiceTaxonomyTerm.Deleted"],
            events.Select(e => e.Action).Order(StringComparer.Ordinal));
        var id = Guid.Parse(service["id"]!.ToString());
        var stored = await db.Services.AsNoTracking().Include(s => s.ServiceAtLocations).ThenInclude(l => l.Schedules).Include(s => s.TaxonomyTerms).SingleAsync(s => s.Id == id, Cancel);
        Assert.Equal("TH", Assert.Single(Assert.Single(stored.ServiceAtLocations).Schedules).ByDay);
        Assert.Empty(stored.TaxonomyTerms);
        Assert.Equal(0, await db.Schedules.CountAsync(s => s.Id == Guid.Parse(dropped["schedules"]![0]!["id"]!.ToString()), Cancel));
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: Cancel)).Intact);
    }

    /// <summary>
    /// One batch names a stored organisation twice: by its own id, and under a publisher's id of its own
    /// with the organisation's charity number. Both documents change the one stored record.
    /// </summary>
    [Fact]
    public async Task Import_OrganisationNamedByIdAndByItsCharityNumber_IsOneRecordChangedOnce()
    {
        var organisationId = Guid.NewGuid();
        await using var db = database.Database.CreateContext();
        db.Organisations.Add(new Organisation { Id = organisationId, Name = "Heronsgate Trust", Identifier = "GB-CHC-1098765" });
        await db.SaveChangesAsync(Cancel);
        var before = await db.AuditEvents.MaxAsync(e => e.Sequence, Cancel);
        var byId = Service("Heronsgate birdwatching");
        byId["organization"] = new JsonObject { ["id"] = organisationId.ToString(), ["name"] = "Heronsgate Trust", ["description"] = "Wetland walks." };
        var byNumber = Service("Heronsgate pond dipping");
        byNumber["organization"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "The Heronsgate Trust",
            ["organization_identifiers"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["identifier_scheme"] = "GB-CHC", ["identifier"] = "1098765" }),
        };

        await ImportAsync(Write("organisation-twice.json", new JsonArray(byId, byNumber)));

        var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Identifier == "GB-CHC-1098765", Cancel);
        Assert.Equal((organisationId, "The Heronsgate Trust", "Wetland walks."), (stored.Id, stored.Name, stored.Description));
        Assert.Equal(2, await db.Services.CountAsync(s => s.OrganisationId == organisationId, Cancel));
        var updated = Assert.Single(await db.AuditEvents.Where(e => e.Sequence > before && e.Action == "Organisation.Updated").ToListAsync(Cancel));
        Assert.Equal("Heronsgate Trust", JsonNode.Parse(updated.Summary)!["Name"]!["from"]!.ToString());
    }

    [Fact]
    public async Task Reimport_Unchanged_WritesNothingButTheImportsOwnEvent()
    {
        var file = Write("unchanged.json", new JsonArray(Service("Reedmace pottery class")));
        await ImportAsync(file);
        await using var db = database.Database.CreateContext();
        var before = await db.AuditEvents.MaxAsync(e => e.Sequence, Cancel);

        var again = await ImportAsync(file);

        Assert.Equal("read 1, written 0, rejected 0", again.SummaryLine);
        var after = await db.AuditEvents.Where(e => e.Sequence > before).ToListAsync(Cancel);
        Assert.Equal(("Directory.HsdsImported", "unchanged.json"), (Assert.Single(after).Action, after[0].EntityId));
        Assert.Equal(0, JsonNode.Parse(after[0].Summary)!["written"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_NewAndRenamedServices_AreFoundByWordsNeedAndPlace()
    {
        await new DirectoryTestData(() => database.Database.CreateContext()).CentroidAsync("E3", DirectoryTestData.E3);
        var service = Service("Sphagnum singing group");
        var term = service["attributes"]![0]!["taxonomy_term"]!;
        term["name"] = "Madrigal company";
        var termId = Guid.Parse(term["id"]!.ToString());
        var id = Guid.Parse(service["id"]!.ToString());

        await ImportAsync(Write("new.json", new JsonArray(service.DeepClone())));

        Assert.Equal([id], await SearchAsync(new ServiceQuery { Text = "sphagnum" }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { Text = "madrigal" }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { TaxonomyTermIds = [termId] }));
        Assert.Contains(id, await SearchAsync(new ServiceQuery { Text = "singing", Postcode = "E3", ProximityMetres = 1500 }));

        service["name"] = "Hornwort singing group";
        var added = (JsonObject)service["attributes"]![0]!.DeepClone();
        (added["id"], added["taxonomy_term"]!["id"], added["taxonomy_term"]!["name"]) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Glee club");
        service["attributes"]!.AsArray().Add(added);
        await ImportAsync(Write("renamed.json", new JsonArray(service)));

        Assert.Empty(await SearchAsync(new ServiceQuery { Text = "sphagnum" }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { Text = "hornwort" }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { TaxonomyTermIds = [termId] }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { Text = "glee" }));
        Assert.Equal([id], await SearchAsync(new ServiceQuery { TaxonomyTermIds = [Guid.Parse(added["taxonomy_term"]!["id"]!.ToString())] }));
    }

    [Fact]
    public async Task Import_IsAuditedAsOneEventWithTheFileHashAndCounts()
    {
        var first = Service("Pillwort walking group");
        var second = Service("Pillwort running group");
        second["organization"] = first["organization"]!.DeepClone();
        var file = Write("audited.json", new JsonArray(first, second));

        await ImportAsync(file);

        await using var db = database.Database.CreateContext();
        var ids = new[] { first, second }.Select(s => s["id"]!.ToString()).ToList();
        Assert.False(await db.AuditEvents.AnyAsync(e => ids.Contains(e.EntityId), Cancel));
        var imported = await db.AuditEvents.SingleAsync(e => e.Action == "Directory.HsdsImported" && e.EntityId == "audited.json", Cancel);
        var summary = JsonNode.Parse(imported.Summary)!;
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file, Cancel)));
        Assert.Equal(sha256, summary["sha256"]!.ToString());
        Assert.Equal((2, 2), (summary["read"]!.GetValue<int>(), summary["written"]!.GetValue<int>()));
        var created = summary["created"]!;
        Assert.Equal((2, 1, 2, 2), (created["services"]!.GetValue<int>(), created["organisations"]!.GetValue<int>(),
            created["locations"]!.GetValue<int>(), created["schedules"]!.GetValue<int>()));
        Assert.Equal(Actor.System.Name, imported.Actor);
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: Cancel)).Intact);
    }

    [Fact]
    public async Task CsvTableSet_IsAuditedAsOneEventWithEachTablesHash()
    {
        var set = System.IO.Directory.CreateDirectory(Path.Combine(folder, "csv-set")).FullName;
        var (organisation, service) = (Guid.NewGuid(), Guid.NewGuid());
        await File.WriteAllTextAsync(Path.Combine(set, "organizations.csv"), $"id,name\n{organisation},Fenland friends\n", Cancel);
        await File.WriteAllTextAsync(Path.Combine(set, "services.csv"), $"id,organization_id,name,status\n{service},{organisation},Fen walks,active\n", Cancel);

        var report = await ImportAsync(set);

        Assert.Equal("read 2, written 2, rejected 0", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        var imported = await db.AuditEvents.SingleAsync(e => e.Action == "Directory.HsdsImported" && e.EntityId == "csv-set", Cancel);
        var summary = JsonNode.Parse(imported.Summary)!;
        Assert.Equal("HsdsCsvSet", imported.EntityType);
        foreach (var table in new[] { "organizations.csv", "services.csv" })
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(set, table), Cancel)));
            Assert.Equal(expected, summary["sha256"]![table]!.ToString());
        }

        Assert.Equal((1, 1), (summary["created"]!["organisations"]!.GetValue<int>(), summary["created"]!["services"]!.GetValue<int>()));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityId == service.ToString() || e.EntityId == organisation.ToString(), Cancel));
    }

    [Fact]
    public async Task Import_SameServiceTwiceInOneFile_KeepsOnlyTheLaterPlacesAndCountsItOnce()
    {
        // Both documents fall in one batch, where the service and its first place are still only about to
        // be created: the later document's list of places replaces the earlier one's, as it would on a re-import.
        var first = Service("Bogbean reading group");
        var later = Service("Bogbean reading group");
        later["id"] = first["id"]!.ToString();
        later["organization"] = first["organization"]!.DeepClone();
        var firstPlace = Guid.Parse(first["service_at_locations"]![0]!["id"]!.ToString());
        var laterPlace = Guid.Parse(later["service_at_locations"]![0]!["id"]!.ToString());

        var report = await ImportAsync(Write("twice.json", new JsonArray(first, later)));

        Assert.Equal("read 2, written 2, rejected 0", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        var id = Guid.Parse(first["id"]!.ToString());
        var places = await db.ServiceAtLocations.Where(l => l.ServiceId == id).Select(l => l.Id).ToListAsync(Cancel);
        Assert.Equal([laterPlace], places);
        Assert.False(await db.ServiceAtLocations.AnyAsync(l => l.Id == firstPlace, Cancel));
        var imported = await db.AuditEvents.SingleAsync(e => e.Action == "Directory.HsdsImported" && e.EntityId == "twice.json", Cancel);
        var created = JsonNode.Parse(imported.Summary)!["created"]!;
        Assert.Equal((1, 1), (created["services"]!.GetValue<int>(), created["service_at_locations"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Import_IntoEmptyTables_FindsWhatAnEarlierBatchInserted()
    {
        // Into tables that held nothing when it began, the import looks up only the ids it has inserted
        // itself: a service named again 500 documents on (in a later batch) must be updated, not inserted twice.
        // Past the first batch the file has brought more services than the table held, so the indexes of
        // services and places (and, the directory being empty, of links and schedules, through which the
        // later batch loads the service's own) are set aside (SQLite) and must be back, whole, at the end.
        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        var indexes = await StoredSchema.IndexesAsync(empty);
        var first = Service("Saltwort choir");
        first["x_rating"] = 2.50m;
        var documents = new JsonArray(first.DeepClone());
        for (var i = 0; i < 500; i++)
        {
            documents.Add(Service($"Filler group {i}"));
        }

        var later = (JsonObject)first.DeepClone();
        later["name"] = "Saltwort orchestra";
        documents.Add(later);
        await using var db = empty.CreateContext();

        var report = await new HsdsImport(db).ImportAsync(Write("empty.json", documents), cancellationToken: Cancel);

        Assert.Equal("read 502, written 502, rejected 0", report.SummaryLine);
        var id = Guid.Parse(first["id"]!.ToString());
        var stored = await db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Cancel);
        Assert.Equal("Saltwort orchestra", stored.Name);
        // Only the publisher's own property goes to Extra: columns, ids, links and children stay out of it.
        Assert.Equal("""{"x_rating":2.50}""", stored.Extra);
        Assert.Equal(["{}"], await db.Organisations.Select(o => o.DirectoryExtra)
            .Concat(db.Locations.Select(l => l.Extra)).Concat(db.ServiceAtLocations.Select(l => l.Extra))
            .Concat(db.Schedules.Select(s => s.Extra)).Concat(db.ServiceTaxonomyTerms.Select(a => a.Extra))
            .Concat(db.TaxonomyTerms.Select(t => t.Extra)).Concat(db.Taxonomies.Select(t => t.Extra))
            .Distinct().ToListAsync(Cancel));
        Assert.Equal((501, 501, 501), (await db.Services.CountAsync(Cancel), await db.Organisations.CountAsync(Cancel), await db.Locations.CountAsync(Cancel)));
        Assert.Equal((501, 501), (await db.ServiceAtLocations.CountAsync(Cancel), await db.Schedules.CountAsync(Cancel)));
        var search = new ServiceSearch(db);
        Assert.Equal([id], (await search.SearchAsync(new ServiceQuery { Text = "orchestra" }, 1, 50, Cancel)).Hits.Select(h => h.ServiceId));
        Assert.Empty((await search.SearchAsync(new ServiceQuery { Text = "choir" }, 1, 50, Cancel)).Hits);
        Assert.Equal(500, (await search.SearchAsync(new ServiceQuery { Text = "filler" }, 1, 50, Cancel)).Total);
        Assert.Equal(indexes, await StoredSchema.IndexesAsync(empty));
        if (db.Database.IsSqlite())
        {
            Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").SingleAsync(Cancel));
        }
    }

    /// <summary>
    /// A batch's new rows are still being written while the next batch is applied: a later batch that
    /// names, under another id, an organisation an earlier batch inserted (by its charity number) must
    /// find that one, not make a second.
    /// </summary>
    [Fact]
    public async Task Import_OrganisationInsertedByAnEarlierBatch_IsFoundByItsCharityNumberInALaterOne()
    {
        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        JsonObject Charity(string name) => new()
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["organization_identifiers"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["identifier_scheme"] = "GB-CHC", ["identifier"] = "1122334" }),
        };
        var first = Service("Sedge walking group");
        first["organization"] = Charity("Sedge Trust");
        var documents = new JsonArray(first);
        for (var i = 0; i < 499; i++)
        {
            documents.Add(Service($"Filler club {i}"));
        }

        var later = Service("Sedge bird survey");
        later["organization"] = Charity("The Sedge Trust");
        documents.Add(later);
        await using var db = empty.CreateContext();

        var report = await new HsdsImport(db).ImportAsync(Write("charity-later.json", documents), cancellationToken: Cancel);

        Assert.Equal("read 501, written 501, rejected 0", report.SummaryLine);
        var charity = await db.Organisations.AsNoTracking().SingleAsync(o => o.Identifier == "GB-CHC-1122334", Cancel);
        Assert.Equal((Guid.Parse(first["organization"]!["id"]!.ToString()), "The Sedge Trust"), (charity.Id, charity.Name));
        Assert.Equal(2, await db.Services.CountAsync(s => s.OrganisationId == charity.Id, Cancel));
        Assert.Equal(500, await db.Organisations.CountAsync(Cancel));
    }

    [Fact]
    public async Task Import_FaultAfterTheFirstBatch_KeepsTheWholeFileOut()
    {
        // Documents are written a batch at a time (500) while the next is read: a fault in a later batch
        // must still undo the batches written before it.
        var organisation = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Batch test trust" };
        var services = new JsonArray();
        for (var i = 0; i < 2_001; i++)
        {
            services.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = $"Batch service {i}", ["status"] = "active", ["organization"] = organisation.DeepClone() });
        }

        services[2_000]!["status"] = "open";
        var file = Write("batches.json", services);
        var indexes = await StoredSchema.IndexesAsync(database.Database);
        await using var db = database.Database.CreateContext();
        var report = await new HsdsImport(db).ImportAsync(file, cancellationToken: Cancel);

        Assert.Equal(["batches.json $[2000].status: must be one of active, inactive, defunct, temporarily closed"], report.Rejected.Select(r => r.ToString()));
        Assert.Equal((2_001, 0), (report.Read, report.Written));
        Assert.Equal(0, await db.Services.CountAsync(s => s.Name.StartsWith("Batch service"), Cancel));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityId == "batches.json", Cancel));
        // The indexes set aside once the file outgrew the table come back with the rollback.
        Assert.Equal(indexes, await StoredSchema.IndexesAsync(database.Database));
    }

    [Fact]
    public async Task Import_LeavesEveryTriggerAsItWas_AndRaisesTheDirectoryVersion()
    {
        // The import sets the triggers of inserted rows aside while it writes (SQLite): they must be back
        // after a file that is written and after one that is refused, and the version must still move
        // when all that changed is a schedule.
        var triggers = await TriggersAsync();
        var service = Service("Trigger test group");
        await ImportAsync(Write("triggers.json", new JsonArray(service.DeepClone())));
        Assert.Equal(triggers, await TriggersAsync());

        service["schedules"]!.AsArray().Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = "TU", ["opens_at"] = "14:00" });
        var before = await VersionAsync();
        await ImportAsync(Write("schedule.json", new JsonArray(service.DeepClone())));
        var after = await VersionAsync();
        Assert.True(after > before, "a new schedule is something a search reads");

        service["status"] = "open";
        await using (var db = database.Database.CreateContext())
        {
            Assert.NotEmpty((await new HsdsImport(db).ImportAsync(Write("refused.json", new JsonArray(service)), cancellationToken: Cancel)).Rejected);
        }

        Assert.Equal(triggers, await TriggersAsync());
        Assert.Equal(after, await VersionAsync());
        await using var check = database.Database.CreateContext();
        if (check.Database.IsSqlite())
        {
            // The import indexes its services itself, after setting the triggers aside: one row each, no more.
            var indexed = await check.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM services_fts").SingleAsync(Cancel);
            Assert.Equal(await check.Services.CountAsync(Cancel), indexed);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    private async Task<List<string>> TriggersAsync()
    {
        var triggers = await StoredSchema.TriggersAsync(database.Database);
        Assert.NotEmpty(triggers);
        return triggers;
    }

    private async Task<long> VersionAsync()
    {
        await using var db = database.Database.CreateContext();
        return await DirectoryVersion.ReadAsync(db, Cancel);
    }

    /// <summary>A service with its organisation, a place near the E3 centre, a weekly session and a need.</summary>
    private static JsonObject Service(string name) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["status"] = "active",
        ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Wetland friends" },
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["latitude"] = 51.529, ["longitude"] = -0.023 },
        }),
        ["schedules"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = "MO", ["opens_at"] = "10:00" }),
        ["attributes"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["taxonomy_term"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["name"] = "Company",
                ["taxonomy_detail"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Needs" },
            },
        }),
    };

    private async Task<ImportReport> ImportAsync(string path)
    {
        await using var db = database.Database.CreateContext();
        var report = await new HsdsImport(db).ImportAsync(path, cancellationToken: Cancel);
        Assert.Empty(report.Rejected);
        return report;
    }

    private async Task<List<Guid>> SearchAsync(ServiceQuery query)
    {
        await using var db = database.Database.CreateContext();
        return [.. (await new ServiceSearch(db).SearchAsync(query, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
    }

    private string Write(string name, JsonNode document)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }
}
