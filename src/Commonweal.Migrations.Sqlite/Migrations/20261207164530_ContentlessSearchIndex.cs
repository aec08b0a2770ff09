using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index keeps only its index, not its own copy of every service's text (a contentless
    /// FTS5 table): a search reads just the rowids it matches and their rank, and finds each service by
    /// its rowid. The copy was a tenth of the database and writing it a fifth of the time an HSDS import
    /// spends indexing. A row is still deleted by its rowid, as the triggers do (contentless_delete,
    /// SQLite 3.43 and later); the triggers themselves are unchanged.
    /// </summary>
    public partial class ContentlessSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, ", content = '', contentless_delete = 1");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "");

        private static void Recreate(MigrationBuilder migrationBuilder, string options)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS services_fts;");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE services_fts USING fts5(
                    service_id UNINDEXED, name, alternate_name, description, eligibility, organisation, terms, filters,
                    tokenize = 'porter unicode61'{options});
                """);
            migrationBuilder.Sql($"{DirectorySearchFilters.Refresh} ORDER BY s.rowid;");
        }
    }
}
