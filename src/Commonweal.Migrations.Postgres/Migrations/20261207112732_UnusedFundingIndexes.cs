using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Drops two indexes of funding records that no query uses, by recipient and year and by end date:
    /// the cliffs index (recipient, end, start) serves every query by recipient or term, and each extra
    /// index cost every insert.
    /// </summary>
    public partial class UnusedFundingIndexes : Migration
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
        }
    }
}
