using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Commissioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommissionerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_areas_organisations_CommissionerOrganisationId",
                        column: x => x.CommissionerOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pooled_funds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pooled_funds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "area_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Prevalence = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    PrevalenceUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Burden = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    BurdenUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsRare = table.Column<bool>(type: "boolean", nullable: false),
                    OrphanetCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TaxonomyTermId = table.Column<Guid>(type: "uuid", nullable: true),
                    EstimatedPeople = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_area_needs_needs_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "needs_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_area_needs_taxonomy_terms_TaxonomyTermId",
                        column: x => x.TaxonomyTermId,
                        principalTable: "taxonomy_terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commissioning_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommissionerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commissioning_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commissioning_plans_needs_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "needs_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_commissioning_plans_organisations_CommissionerOrganisationId",
                        column: x => x.CommissionerOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pool_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PooledFundId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pool_members_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pool_members_pooled_funds_PooledFundId",
                        column: x => x.PooledFundId,
                        principalTable: "pooled_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pool_opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PooledFundId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pool_opportunities_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pool_opportunities_pooled_funds_PooledFundId",
                        column: x => x.PooledFundId,
                        principalTable: "pooled_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_lines_area_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "area_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_lines_commissioning_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "commissioning_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_area_needs_AreaId",
                table: "area_needs",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_area_needs_TaxonomyTermId",
                table: "area_needs",
                column: "TaxonomyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_plans_AreaId",
                table: "commissioning_plans",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_plans_CommissionerOrganisationId_AreaId_Year",
                table: "commissioning_plans",
                columns: new[] { "CommissionerOrganisationId", "AreaId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_areas_CommissionerOrganisationId",
                table: "needs_areas",
                column: "CommissionerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_lines_NeedId",
                table: "plan_lines",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_lines_PlanId",
                table: "plan_lines",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_pool_members_OrganisationId",
                table: "pool_members",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_pool_members_PooledFundId_OrganisationId",
                table: "pool_members",
                columns: new[] { "PooledFundId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pool_opportunities_OpportunityId",
                table: "pool_opportunities",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pool_opportunities_PooledFundId",
                table: "pool_opportunities",
                column: "PooledFundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_lines");

            migrationBuilder.DropTable(
                name: "pool_members");

            migrationBuilder.DropTable(
                name: "pool_opportunities");

            migrationBuilder.DropTable(
                name: "area_needs");

            migrationBuilder.DropTable(
                name: "commissioning_plans");

            migrationBuilder.DropTable(
                name: "pooled_funds");

            migrationBuilder.DropTable(
                name: "needs_areas");
        }
    }
}
