using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Procurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReferenceYear = table.Column<int>(type: "integer", nullable: false),
                    ReferenceSequence = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Process = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TotalValue = table.Column<long>(type: "bigint", nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    MobilisationStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClarificationDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EvaluationEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    StandstillStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StandstillEndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MinimumAnnualTurnover = table.Column<long>(type: "bigint", nullable: true),
                    MinimumPublicLiabilityCover = table.Column<long>(type: "bigint", nullable: true),
                    MinimumEmployersLiabilityCover = table.Column<long>(type: "bigint", nullable: true),
                    RequiredRegistrations = table.Column<List<string>>(type: "text[]", nullable: false),
                    IncumbentOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PerformanceAssessmentUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FairnessOverrideReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FairnessOverriddenByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    FairnessFindingsAtPublication = table.Column<string>(type: "text", nullable: true),
                    SuitableForSmallOrganisations = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunities_organisations_IncumbentOrganisationId",
                        column: x => x.IncumbentOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "award_criteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Descriptors = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_award_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_award_criteria_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lots_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_areas_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_commissioners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_commissioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_commissioners_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_opportunity_commissioners_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_evidence_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyTermId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_needs_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_transitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunity_transitions_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_award_criteria_OpportunityId_Order",
                table: "award_criteria",
                columns: new[] { "OpportunityId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_lots_OpportunityId_Number",
                table: "lots",
                columns: new[] { "OpportunityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_IncumbentOrganisationId",
                table: "opportunities",
                column: "IncumbentOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_PublishedAt",
                table: "opportunities",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_Reference",
                table: "opportunities",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_ReferenceYear_ReferenceSequence",
                table: "opportunities",
                columns: new[] { "ReferenceYear", "ReferenceSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_Status_StandstillEndsAt",
                table: "opportunities",
                columns: new[] { "Status", "StandstillEndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_Status_SubmissionDeadline",
                table: "opportunities",
                columns: new[] { "Status", "SubmissionDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_areas_OpportunityId_Outcode",
                table: "opportunity_areas",
                columns: new[] { "OpportunityId", "Outcode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_areas_Outcode",
                table: "opportunity_areas",
                column: "Outcode");

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_commissioners_OpportunityId_OrganisationId",
                table: "opportunity_commissioners",
                columns: new[] { "OpportunityId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_commissioners_OrganisationId",
                table: "opportunity_commissioners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_evidence_OpportunityId_Kind",
                table: "opportunity_evidence",
                columns: new[] { "OpportunityId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_needs_OpportunityId_TaxonomyTermId",
                table: "opportunity_needs",
                columns: new[] { "OpportunityId", "TaxonomyTermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_needs_TaxonomyTermId",
                table: "opportunity_needs",
                column: "TaxonomyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_transitions_OpportunityId_At",
                table: "opportunity_transitions",
                columns: new[] { "OpportunityId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "award_criteria");

            migrationBuilder.DropTable(
                name: "lots");

            migrationBuilder.DropTable(
                name: "opportunity_areas");

            migrationBuilder.DropTable(
                name: "opportunity_commissioners");

            migrationBuilder.DropTable(
                name: "opportunity_evidence");

            migrationBuilder.DropTable(
                name: "opportunity_needs");

            migrationBuilder.DropTable(
                name: "opportunity_transitions");

            migrationBuilder.DropTable(
                name: "opportunities");
        }
    }
}
