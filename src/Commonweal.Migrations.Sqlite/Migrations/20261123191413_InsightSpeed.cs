using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InsightSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnnualPence",
                table: "funding_records",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing records get the annual value FundingRecord.SetDates now stores: whole months
            // from the start to the day after the end (at least one), then pence * 12 / months
            // rounded half to even, as decimal Math.Round does, in integers so it is exact.
            migrationBuilder.Sql("""
                UPDATE funding_records SET AnnualPence = max(1,
                    (CAST(strftime('%Y', TermEnd, '+1 day') AS INTEGER) - CAST(strftime('%Y', TermStart) AS INTEGER)) * 12
                    + CAST(strftime('%m', TermEnd, '+1 day') AS INTEGER) - CAST(strftime('%m', TermStart) AS INTEGER)
                    - (CAST(strftime('%d', TermEnd, '+1 day') AS INTEGER) < CAST(strftime('%d', TermStart) AS INTEGER)));
                """);
            migrationBuilder.Sql("""
                UPDATE funding_records SET AnnualPence = (CASE WHEN AmountPence < 0 THEN -1 ELSE 1 END) * (
                    abs(AmountPence) * 12 / AnnualPence
                    + CASE WHEN 2 * (abs(AmountPence) * 12 % AnnualPence) > AnnualPence
                        OR (2 * (abs(AmountPence) * 12 % AnnualPence) = AnnualPence AND (abs(AmountPence) * 12 / AnnualPence) % 2 = 1)
                        THEN 1 ELSE 0 END);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_cliffs",
                table: "funding_records",
                columns: new[] { "RecipientOrganisationId", "TermEnd", "TermStart", "Source", "Currency", "AnnualPence" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_dependency",
                table: "funding_records",
                columns: new[] { "FinancialYear", "RecipientOrganisationId", "FunderOrganisationId", "Source", "IncomeKind", "FunderName", "Currency", "AmountPence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_records_cliffs",
                table: "funding_records");

            migrationBuilder.DropIndex(
                name: "IX_funding_records_dependency",
                table: "funding_records");

            migrationBuilder.DropColumn(
                name: "AnnualPence",
                table: "funding_records");
        }
    }
}
