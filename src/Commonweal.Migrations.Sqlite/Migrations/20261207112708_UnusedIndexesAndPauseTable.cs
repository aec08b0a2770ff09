using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Drops what nothing uses any more. Two indexes of funding records, by recipient and year and by end
    /// date: the cliffs index (recipient, end, start) serves every query by recipient or term, and each
    /// extra index cost every insert. And the search index's pause (<see cref="SearchIndexPause"/>): an
    /// import now sets the insert triggers aside instead, so their check of the pause table only cost
    /// every inserted service, place and term a query.
    /// </summary>
    public partial class UnusedIndexesAndPauseTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_records_RecipientOrganisationId_FinancialYear",
                table: "funding_records");

            migrationBuilder.DropIndex(
                name: "IX_funding_records_TermEnd",
                table: "funding_records");

            SearchIndexPause.Recreate(migrationBuilder, "");
            migrationBuilder.Sql("DROP TABLE search_index_paused;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_funding_records_RecipientOrganisationId_FinancialYear",
                table: "funding_records",
                columns: new[] { "RecipientOrganisationId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_TermEnd",
                table: "funding_records",
                column: "TermEnd");

            migrationBuilder.Sql("CREATE TABLE search_index_paused (Id INTEGER NOT NULL PRIMARY KEY);");
            SearchIndexPause.Recreate(migrationBuilder, SearchIndexPause.NotPaused);
        }
    }
}
