using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LiveKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SealedContent = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bids_lots_LotId",
                        column: x => x.LotId,
                        principalTable: "lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bids_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bids_organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "clarification_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AskedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clarification_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clarification_questions_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_clarification_questions_organisations_AskedByOrganisationId",
                        column: x => x.AskedByOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bid_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateAtDeadline = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bid_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bid_evidence_bids_BidId",
                        column: x => x.BidId,
                        principalTable: "bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bid_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bid_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bid_members_bids_BidId",
                        column: x => x.BidId,
                        principalTable: "bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_bid_members_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bid_evidence_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidEvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bid_evidence_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bid_evidence_documents_bid_evidence_BidEvidenceId",
                        column: x => x.BidEvidenceId,
                        principalTable: "bid_evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bid_evidence_BidId",
                table: "bid_evidence",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_bid_evidence_documents_BidEvidenceId",
                table: "bid_evidence_documents",
                column: "BidEvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_bid_members_BidId_OrganisationId",
                table: "bid_members",
                columns: new[] { "BidId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bid_members_OrganisationId",
                table: "bid_members",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_bids_LeadOrganisationId",
                table: "bids",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_bids_LiveKey",
                table: "bids",
                column: "LiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bids_LotId",
                table: "bids",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_bids_OpportunityId_Status",
                table: "bids",
                columns: new[] { "OpportunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_clarification_questions_AskedByOrganisationId",
                table: "clarification_questions",
                column: "AskedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_clarification_questions_OpportunityId_Number",
                table: "clarification_questions",
                columns: new[] { "OpportunityId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bid_evidence_documents");

            migrationBuilder.DropTable(
                name: "bid_members");

            migrationBuilder.DropTable(
                name: "clarification_questions");

            migrationBuilder.DropTable(
                name: "bid_evidence");

            migrationBuilder.DropTable(
                name: "bids");
        }
    }
}
