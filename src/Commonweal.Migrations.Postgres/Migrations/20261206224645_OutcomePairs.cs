using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutcomePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outcome_pairs",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScaleKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Baseline = table.Column<double>(type: "double precision", nullable: false),
                    Paired = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_pairs", x => new { x.ReferralId, x.InstrumentKey, x.ScaleKey });
                    table.ForeignKey(
                        name: "FK_outcome_pairs_referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outcome_pairs_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Pairs for the responses recorded before pairs were kept, by the rule OutcomePairing.Pairs
            // follows: the first baseline, and the latest later answers (by date answered, time recorded, id).
            migrationBuilder.Sql("""
                INSERT INTO outcome_pairs ("ReferralId", "InstrumentKey", "ScaleKey", "ServiceId", "ReferredAt", "Baseline", "Paired", "Latest")
                SELECT b."ReferralId", b."InstrumentKey", bs."ScaleKey", b."ServiceId", f."CreatedAt", bs."Score", l."Id" IS NOT NULL, ls."Score"
                FROM (
                    SELECT r."Id", r."ReferralId", r."InstrumentKey", r."ServiceId",
                        ROW_NUMBER() OVER (PARTITION BY r."ReferralId", r."InstrumentKey" ORDER BY r."CompletedOn", r."Id") AS n
                    FROM outcome_responses r WHERE r."Timepoint" = 'Baseline') b
                JOIN outcome_scores bs ON bs."ResponseId" = b."Id"
                JOIN referrals f ON f."Id" = b."ReferralId"
                LEFT JOIN (
                    SELECT r."Id", r."ReferralId", r."InstrumentKey",
                        ROW_NUMBER() OVER (PARTITION BY r."ReferralId", r."InstrumentKey" ORDER BY r."CompletedOn" DESC, r."RecordedAt" DESC, r."Id" DESC) AS n
                    FROM outcome_responses r WHERE r."Timepoint" <> 'Baseline') l
                    ON l."ReferralId" = b."ReferralId" AND l."InstrumentKey" = b."InstrumentKey" AND l.n = 1
                LEFT JOIN outcome_scores ls ON ls."ResponseId" = l."Id" AND ls."ScaleKey" = bs."ScaleKey"
                WHERE b.n = 1;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ServiceId_CreatedAt",
                table: "referrals",
                columns: new[] { "ServiceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_pairs_InstrumentKey_ServiceId_ReferredAt",
                table: "outcome_pairs",
                columns: new[] { "InstrumentKey", "ServiceId", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_pairs_ServiceId",
                table: "outcome_pairs",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outcome_pairs");

            migrationBuilder.DropIndex(
                name: "IX_referrals_ServiceId_CreatedAt",
                table: "referrals");
        }
    }
}
