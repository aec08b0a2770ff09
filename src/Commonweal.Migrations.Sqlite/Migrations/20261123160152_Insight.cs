using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Insight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FunderOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FunderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AwardDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinancialYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IncomeKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientIdentifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FunderIdentifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_records_organisations_FunderOrganisationId",
                        column: x => x.FunderOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_funding_records_organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_ContractId",
                table: "funding_records",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_FunderOrganisationId_FinancialYear",
                table: "funding_records",
                columns: new[] { "FunderOrganisationId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_RecipientOrganisationId_FinancialYear",
                table: "funding_records",
                columns: new[] { "RecipientOrganisationId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_Source_SourceKey_RecipientOrganisationId",
                table: "funding_records",
                columns: new[] { "Source", "SourceKey", "RecipientOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_records_TermEnd",
                table: "funding_records",
                column: "TermEnd");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_records");
        }
    }
}
