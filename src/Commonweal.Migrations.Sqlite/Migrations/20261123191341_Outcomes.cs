using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Outcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contract_outcome_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ScaleKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    WeightPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_outcome_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_outcome_targets_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outcome_instruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequiresLicence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outcome_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstrumentVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Timepoint = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FollowUpMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outcome_responses_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outcome_responses_referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outcome_responses_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_outcome_settings",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Instruments = table.Column<string>(type: "TEXT", nullable: false),
                    FollowUpMonths = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_outcome_settings", x => x.ServiceId);
                    table.ForeignKey(
                        name: "FK_service_outcome_settings_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outcome_scores",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScaleKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_scores", x => new { x.ResponseId, x.ScaleKey });
                    table.ForeignKey(
                        name: "FK_outcome_scores_outcome_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "outcome_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contract_outcome_targets_ContractId_Measure",
                table: "contract_outcome_targets",
                columns: new[] { "ContractId", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outcome_instruments_Key",
                table: "outcome_instruments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outcome_responses_PersonId",
                table: "outcome_responses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_outcome_responses_ReferralId_InstrumentKey_Timepoint",
                table: "outcome_responses",
                columns: new[] { "ReferralId", "InstrumentKey", "Timepoint" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_responses_ServiceId_InstrumentKey",
                table: "outcome_responses",
                columns: new[] { "ServiceId", "InstrumentKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_outcome_targets");

            migrationBuilder.DropTable(
                name: "outcome_instruments");

            migrationBuilder.DropTable(
                name: "outcome_scores");

            migrationBuilder.DropTable(
                name: "service_outcome_settings");

            migrationBuilder.DropTable(
                name: "outcome_responses");
        }
    }
}
