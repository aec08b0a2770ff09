using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Lets an import pause the search index's upkeep for the rows it inserts: while
    /// <c>search_index_paused</c> holds a row (only ever inside the import's own transaction), inserting a
    /// service, a service's place or a service's term does not rebuild the service's index row. The import
    /// then rebuilds each service it touched once, instead of once per row inserted for it (a new service
    /// was indexed, unindexed and indexed again for its one place). Updates and deletes are never paused.
    /// </summary>
    public partial class SearchIndexPause : Migration
    {
        internal const string NotPaused = "WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE search_index_paused (Id INTEGER NOT NULL PRIMARY KEY);");
            Recreate(migrationBuilder, NotPaused);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Recreate(migrationBuilder, "");
            migrationBuilder.Sql("DROP TABLE search_index_paused;");
        }

        /// <summary>The three insert triggers of <see cref="DirectorySearchFilters"/>, with or without the pause.</summary>
        internal static void Recreate(MigrationBuilder migrationBuilder, string when)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS services_fts_insert;");
            migrationBuilder.Sql($"CREATE TRIGGER services_fts_insert AFTER INSERT ON services {when} BEGIN {DirectorySearchFilters.Refresh} WHERE s.Id = new.Id; END;");
            foreach (var (name, table) in new[] { ("service_terms_fts_insert", "service_taxonomy_terms"), ("service_locations_fts_insert", "service_at_locations") })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
                migrationBuilder.Sql($"CREATE TRIGGER {name} AFTER INSERT ON {table} {when} BEGIN {DirectorySearchFilters.Redo("new.ServiceId")} END;");
            }
        }
    }
}
