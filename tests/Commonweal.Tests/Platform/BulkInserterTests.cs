using System.Data.Common;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Platform;

/// <summary>
/// Bulk inserts (imports, scale seeding) must store exactly what EF Core's own saves store: the
/// same records are saved once each way and their rows compared column by column.
/// </summary>
public sealed class BulkInserterTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task SaveChanges_InBulk_StoresTheSameColumnsAsEfCore()
    {
        var viaEf = await SaveTwinAsync(bulk: false);
        var inBulk = await SaveTwinAsync(bulk: true);

        foreach (var table in new[] { "organisations", "locations", "services", "service_at_locations", "schedules", "taxonomies", "taxonomy_terms", "service_taxonomy_terms" })
        {
            var efRows = await RowsAsync(table, viaEf.Ids);
            var bulkRows = await RowsAsync(table, inBulk.Ids);
            Assert.NotEmpty(efRows);
            Assert.Equal(efRows.Count, bulkRows.Count);
            for (var i = 0; i < efRows.Count; i++)
            {
                // Keys and references differ between the twins by construction; every other column must match.
                var expected = Comparable(efRows[i], viaEf.Ids);
                var actual = Comparable(bulkRows[i], inBulk.Ids);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public async Task SaveChanges_InBulk_ReadsBackThroughEfWithParentsBeforeChildrenAndAnIntactAuditChain()
    {
        var twin = await SaveTwinAsync(bulk: true);

        await using var db = database.Database.CreateContext();
        var service = await db.Services.Include(s => s.Schedules).Include(s => s.TaxonomyTerms).Include(s => s.ServiceAtLocations)
            .SingleAsync(s => s.Id == twin.ServiceId, TestContext.Current.CancellationToken);
        var child = await db.TaxonomyTerms.SingleAsync(t => t.Id == twin.ChildTermId, TestContext.Current.CancellationToken);
        Assert.Equal("Peer support (bulk)", service.Name);
        Assert.Equal(new DateOnly(2026, 2, 28), service.AssuredDate);
        Assert.Equal(new TimeOnly(9, 30), Assert.Single(service.Schedules).OpensAt);
        Assert.Equal(twin.ParentTermId, child.ParentId);
        Assert.Single(service.TaxonomyTerms);
        Assert.Single(service.ServiceAtLocations);
        Assert.Equal(DateTimeKind.Utc, service.CreatedAt.Kind);
        Assert.True(await db.AuditEvents.CountAsync(e => e.EntityId == twin.ServiceId.ToString(), TestContext.Current.CancellationToken) >= 1);
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task SaveChanges_InBulk_ThenAgain_WritesAndAuditsNothingMore()
    {
        // A save stamps what it adds (an organisation's creation time) before inserting it: the next
        // save on the same context must not take the stamp for a change, update the row and audit it.
        // Imports detect changes only when they save, as here.
        var cancel = TestContext.Current.CancellationToken;
        await using var db = database.Database.CreateContext();
        db.BulkInserts = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var organisation = new Organisation { Name = "Stamped once trust", LegalForm = LegalForm.RegisteredCharity, Postcode = "E1 6AN" };
        organisation.DeriveSector();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancel);

        Assert.Equal(0, await db.SaveChangesAsync(cancel));

        Assert.Equal(EntityState.Unchanged, db.Entry(organisation).State);
        await using var check = database.Database.CreateContext();
        Assert.Equal(["Organisation.Created"],
            await check.AuditEvents.Where(e => e.EntityId == organisation.Id.ToString()).Select(e => e.Action).ToListAsync(cancel));
    }

    /// <summary>
    /// On SQLite a value the same as the row before's is not bound again (SQLite keeps it): rows whose values
    /// come and go, and repeat, must each be stored with their own, none with the row before's.
    /// </summary>
    [Fact]
    public async Task InsertAsync_RowsWhoseValuesComeAndGo_AreEachStoredWithTheirOwn()
    {
        var cancel = TestContext.Current.CancellationToken;
        (string? Description, int? Volunteers, IncomeBand? Income)[] values =
        [
            ("Lunch club", 5, IncomeBand.Small), (null, 5, IncomeBand.Small), ("Lunch club", null, null), ("Lunch club", null, null),
            ("Tea dance", 7, IncomeBand.Micro), ("", 7, IncomeBand.Micro), (null, null, IncomeBand.Small),
        ];
        var organisations = values.Select((v, i) => new Organisation
        {
            Name = $"Come and go {i}", Description = v.Description, Volunteers = v.Volunteers, IncomeBand = v.Income, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await using (var db = database.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            Assert.Equal(values.Length, await BulkInserter.InsertAsync(db, organisations, cancel));
            await transaction.CommitAsync(cancel);
        }

        await using var check = database.Database.CreateContext();
        var ids = organisations.Select(o => o.Id).ToList();
        var stored = await check.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancel);
        for (var i = 0; i < values.Length; i++)
        {
            var row = stored[organisations[i].Id];
            Assert.Equal(values[i], (row.Description, row.Volunteers, row.IncomeBand));
        }
    }

    private sealed record Twin(Guid ServiceId, Guid ParentTermId, Guid ChildTermId, HashSet<string> Ids);

    /// <summary>One of each directory record, the child term added before its parent, all with fixed values.</summary>
    private async Task<Twin> SaveTwinAsync(bool bulk)
    {
        var tag = bulk ? "(bulk)" : "(ef)";
        await using var db = database.Database.CreateContext();
        db.BulkInserts = bulk;
        var organisation = new Organisation
        {
            Name = $"Bow Befrienders {tag}", LegalForm = LegalForm.CharitableIncorporatedOrganisation, Activities = Activities.DirectServiceProvider | Activities.PeerSupport,
            IncomeBand = IncomeBand.Small, Volunteers = 12, Postcode = "E3 2AN",
        };
        organisation.DeriveSector();
        var taxonomy = new Taxonomy { Name = $"Needs {tag}", Version = "1" };
        var parent = new TaxonomyTerm { Name = $"Loneliness {tag}", TaxonomyId = taxonomy.Id };
        var child = new TaxonomyTerm { Name = $"Befriending {tag}", TaxonomyId = taxonomy.Id, ParentId = parent.Id };
        var location = new Location { OrganisationId = organisation.Id, Name = "Roman Road hall", Outcode = "E3", Latitude = 51.5301, Longitude = -0.0293 };
        var service = new Service
        {
            OrganisationId = organisation.Id, Name = $"Peer support {tag}", Description = "Weekly peer support, free.", MinimumAge = 18,
            Status = ServiceStatus.Active, AcceptingReferrals = false, AssuredDate = new DateOnly(2026, 2, 28), Extra = """{"funding":[]}""",
        };
        var link = new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id };
        var schedule = new Schedule { ServiceId = service.Id, Freq = "WEEKLY", ByDay = "MO,WE", OpensAt = new TimeOnly(9, 30), ClosesAt = new TimeOnly(12, 0, 0, 250), ValidFrom = new DateOnly(2026, 1, 5) };
        var attribute = new ServiceTaxonomyTerm { ServiceId = service.Id, TaxonomyTermId = child.Id };
        db.AddRange(attribute, schedule, link, service, child, parent, location, taxonomy, organisation);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var ids = new[] { organisation.Id, taxonomy.Id, parent.Id, child.Id, location.Id, service.Id, link.Id, schedule.Id, attribute.Id }
            .Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Twin(service.Id, parent.Id, child.Id, ids);
    }

    private async Task<List<Dictionary<string, object?>>> RowsAsync(string table, HashSet<string> ids)
    {
        await using var db = database.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = Row(reader);
            if (ids.Contains(Convert.ToString(row["Id"])!))
            {
                rows.Add(row);
            }
        }

        return rows.OrderBy(r => Convert.ToString(r["Name"] ?? r["Freq"] ?? "")).ToList();
    }

    private static Dictionary<string, object?> Row(DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));

    /// <summary>The row with its own ids replaced by a placeholder, the twin's tag removed, and creation times left out.</summary>
    private static string Comparable(Dictionary<string, object?> row, HashSet<string> ids) =>
        string.Join("|", row
            .Where(c => c.Key is not ("CreatedAt" or "UpdatedAt" or "LastModified"))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}={Normalise(c.Value, ids)}"));

    private static string Normalise(object? value, HashSet<string> ids) => value switch
    {
        null => "null",
        _ when ids.Contains(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) => "(own id)",
        _ => $"{value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Replace("(bulk)", "").Replace("(ef)", "")}",
    };
}
