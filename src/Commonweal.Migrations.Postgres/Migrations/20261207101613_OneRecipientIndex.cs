using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Drops the index of funding records by recipient and year: the cliffs index begins with the
    /// recipient and serves every query by recipient, and the extra index cost every insert.
    /// </summary>
    public partial class OneRecipientIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_records_RecipientOrganisationId_FinancialYear",
                table: "funding_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_funding_records_RecipientOrganisationId_FinancialYear",
                table: "funding_records",
                columns: new[] { "RecipientOrganisationId", "FinancialYear" });
        }
    }
}
