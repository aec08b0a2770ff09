using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "award_letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    BidId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StandstillEndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_award_letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_award_letters_bids_BidId",
                        column: x => x.BidId,
                        principalTable: "bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consensus_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BidId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ModeratedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consensus_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consensus_scores_award_criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "award_criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consensus_scores_bids_BidId",
                        column: x => x.BidId,
                        principalTable: "bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluator_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BidId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ScoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluator_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluator_scores_award_criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "award_criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evaluator_scores_bids_BidId",
                        column: x => x.BidId,
                        principalTable: "bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evaluators_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutcomeLinkedPaymentPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IntentionIssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContractsRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_evaluations_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HasInterest = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conflict_declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conflict_declarations_evaluators_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "evaluators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_conflict_declarations_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_award_letters_BidId",
                table: "award_letters",
                column: "BidId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_award_letters_OpportunityId",
                table: "award_letters",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_EvaluatorId_OrganisationId",
                table: "conflict_declarations",
                columns: new[] { "EvaluatorId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_OrganisationId",
                table: "conflict_declarations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_consensus_scores_BidId_CriterionId",
                table: "consensus_scores",
                columns: new[] { "BidId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consensus_scores_CriterionId",
                table: "consensus_scores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluator_scores_BidId_CriterionId_EvaluatorUserId",
                table: "evaluator_scores",
                columns: new[] { "BidId", "CriterionId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluator_scores_CriterionId",
                table: "evaluator_scores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluators_OpportunityId_UserId",
                table: "evaluators",
                columns: new[] { "OpportunityId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluators_UserId",
                table: "evaluators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_evaluations_OpportunityId",
                table: "opportunity_evaluations",
                column: "OpportunityId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "award_letters");

            migrationBuilder.DropTable(
                name: "conflict_declarations");

            migrationBuilder.DropTable(
                name: "consensus_scores");

            migrationBuilder.DropTable(
                name: "evaluator_scores");

            migrationBuilder.DropTable(
                name: "opportunity_evaluations");

            migrationBuilder.DropTable(
                name: "evaluators");
        }
    }
}
