using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing records get the annual value FundingRecord.SetDates now stores: whole months
            // from the start to the day after the end (at least one), then pence * 12 / months
            // rounded half to even, as decimal Math.Round does, in integers so it is exact.
            migrationBuilder.Sql("""
                UPDATE funding_records SET "AnnualPence" = GREATEST(1,
                    (EXTRACT(YEAR FROM "TermEnd" + 1)::bigint - EXTRACT(YEAR FROM "TermStart")::bigint) * 12
                    + EXTRACT(MONTH FROM "TermEnd" + 1)::bigint - EXTRACT(MONTH FROM "TermStart")::bigint
                    - CASE WHEN EXTRACT(DAY FROM "TermEnd" + 1) < EXTRACT(DAY FROM "TermStart") THEN 1 ELSE 0 END);
                """);
            migrationBuilder.Sql("""
                UPDATE funding_records SET "AnnualPence" = (CASE WHEN "AmountPence" < 0 THEN -1 ELSE 1 END) * (
                    abs("AmountPence") * 12 / "AnnualPence"
                    + CASE WHEN 2 * (abs("AmountPence") * 12 % "AnnualPence") > "AnnualPence"
                        OR (2 * (abs("AmountPence") * 12 % "AnnualPence") = "AnnualPence" AND (abs("AmountPence") * 12 / "AnnualPence") % 2 = 1)
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
