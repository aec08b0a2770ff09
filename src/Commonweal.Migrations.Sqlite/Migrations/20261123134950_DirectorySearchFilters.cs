using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Adds a <c>filters</c> column to the full-text index holding a token per taxonomy term
    /// (<c>t</c> + the term id's hex) and per map cell each of the service's locations falls in
    /// (<c>g{level}x{row}y{column}</c>, see <c>SearchTokens</c>), so that one FTS5 query intersects
    /// text, needs and place before any row is read. Without it, a common word near a postcode
    /// joined tens of thousands of text matches to their locations.
    /// </summary>
    public partial class DirectorySearchFilters : Migration
    {
        private static readonly string[] Triggers =
        [
            "services_fts_insert", "services_fts_update", "services_fts_delete", "service_terms_fts_insert", "service_terms_fts_delete",
            "service_terms_fts_update", "taxonomy_terms_fts_rename", "organisations_fts_rename", "service_locations_fts_insert",
            "service_locations_fts_delete", "locations_fts_move", "postcode_centres_fts_insert", "postcode_centres_fts_move",
        ];

        // A location without coordinates is placed at its outcode's centre, as the search does.
        // The cell sizes and the 1.6 longitude stretch must match SearchTokens.
        private const string Cells = """
            (SELECT group_concat(c, ' ') FROM (
                SELECT DISTINCT 'g' || lv.n || 'x' || CAST((p.lat + 90) / lv.size AS INTEGER) || 'y' || CAST((p.lon + 180) / (lv.size * 1.6) AS INTEGER) AS c
                FROM (SELECT coalesce(l.Latitude, pc.Latitude) AS lat, coalesce(l.Longitude, pc.Longitude) AS lon
                      FROM service_at_locations sal JOIN locations l ON l.Id = sal.LocationId
                      LEFT JOIN postcode_centroids pc ON l.Latitude IS NULL AND pc.Code = l.Outcode
                      WHERE sal.ServiceId = s.Id) AS p,
                     (SELECT 0 AS n, 0.01 AS size UNION ALL SELECT 1, 0.04 UNION ALL SELECT 2, 0.16 UNION ALL SELECT 3, 0.64) AS lv
                WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL))
            """;

        internal static readonly string Refresh = RefreshOf(Cells);

        /// <summary>The statement that indexes services (chosen by the WHERE clause that follows it), placing them by <paramref name="cells"/>.</summary>
        internal static string RefreshOf(string cells) => $"""
            INSERT INTO services_fts (rowid, service_id, name, alternate_name, description, eligibility, organisation, terms, filters)
            SELECT s.rowid, s.Id, s.Name, s.AlternateName, s.Description, s.EligibilityDescription, o.Name,
                (SELECT group_concat(t.Name, ' ') FROM service_taxonomy_terms st JOIN taxonomy_terms t ON t.Id = st.TaxonomyTermId WHERE st.ServiceId = s.Id),
                coalesce((SELECT group_concat('t' || lower(replace(st.TaxonomyTermId, '-', '')), ' ') FROM service_taxonomy_terms st WHERE st.ServiceId = s.Id), '')
                    || ' ' || coalesce({cells}, '')
            FROM services s JOIN organisations o ON o.Id = s.OrganisationId
            """;

        private const string OutcodeOnly =
            "SELECT sal.ServiceId FROM service_at_locations sal JOIN locations l ON l.Id = sal.LocationId WHERE l.Latitude IS NULL AND l.Outcode = new.Code";

        internal static string Redo(string services) => Redo(services, Refresh);

        private static string Redo(string services, string refresh) => $"""
            DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services WHERE Id IN ({services}));
            {refresh} WHERE s.Id IN ({services});
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE IF EXISTS services_fts;");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE services_fts USING fts5(
                    service_id UNINDEXED, name, alternate_name, description, eligibility, organisation, terms, filters,
                    tokenize = 'porter unicode61');
                """);
            migrationBuilder.Sql($"{Refresh};");
            CreateTriggers(migrationBuilder, Refresh);
        }

        internal static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
        }

        /// <summary>The triggers that keep the index, each indexing services with <paramref name="refresh"/>.</summary>
        internal static void CreateTriggers(MigrationBuilder migrationBuilder, string refresh)
        {
            migrationBuilder.Sql($"CREATE TRIGGER services_fts_insert AFTER INSERT ON services BEGIN {refresh} WHERE s.Id = new.Id; END;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER services_fts_update AFTER UPDATE OF Name, AlternateName, Description, EligibilityDescription, OrganisationId ON services BEGIN
                    DELETE FROM services_fts WHERE rowid = old.rowid;
                    {refresh} WHERE s.Id = new.Id;
                END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER services_fts_delete AFTER DELETE ON services BEGIN DELETE FROM services_fts WHERE rowid = old.rowid; END;");
            foreach (var (name, when, services) in new[]
            {
                ("service_terms_fts_insert", "AFTER INSERT ON service_taxonomy_terms", "new.ServiceId"),
                ("service_terms_fts_delete", "AFTER DELETE ON service_taxonomy_terms", "old.ServiceId"),
                ("service_terms_fts_update", "AFTER UPDATE OF ServiceId, TaxonomyTermId ON service_taxonomy_terms", "old.ServiceId, new.ServiceId"),
                ("service_locations_fts_insert", "AFTER INSERT ON service_at_locations", "new.ServiceId"),
                ("service_locations_fts_delete", "AFTER DELETE ON service_at_locations", "old.ServiceId"),
                ("locations_fts_move", "AFTER UPDATE OF Latitude, Longitude, Outcode ON locations",
                    "SELECT ServiceId FROM service_at_locations WHERE LocationId = new.Id"),
                ("taxonomy_terms_fts_rename", "AFTER UPDATE OF Name ON taxonomy_terms",
                    "SELECT ServiceId FROM service_taxonomy_terms WHERE TaxonomyTermId = new.Id"),
                ("organisations_fts_rename", "AFTER UPDATE OF Name ON organisations", "SELECT Id FROM services WHERE OrganisationId = new.Id"),
                // An outcode centre loaded after the services places the ones known only by outcode.
                ("postcode_centres_fts_insert", "AFTER INSERT ON postcode_centroids", OutcodeOnly),
                ("postcode_centres_fts_move", "AFTER UPDATE OF Latitude, Longitude ON postcode_centroids", OutcodeOnly),
            })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {name} {when} BEGIN {Redo(services, refresh)} END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE IF EXISTS services_fts;");
            DirectorySearch.CreateIndex(migrationBuilder);
        }
    }
}
