using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Sector",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "LegalForm",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "DirectoryExtra",
                table: "organisations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    LocationType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AddressLine = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Outcode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "postcode_centroids",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postcode_centroids", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    AlternateName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    EligibilityDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FeesDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Alert = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AcceptingReferrals = table.Column<bool>(type: "boolean", nullable: false),
                    TypicalWaitDays = table.Column<int>(type: "integer", nullable: true),
                    WaitTime = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferralRoute = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssuredDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AssurerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    AssuredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "taxonomies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Uri = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_at_locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_at_locations_locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_service_at_locations_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_changes_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "taxonomy_terms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TermUri = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomy_terms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_taxonomy_terms_taxonomies_TaxonomyId",
                        column: x => x.TaxonomyId,
                        principalTable: "taxonomies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_taxonomy_terms_taxonomy_terms_ParentId",
                        column: x => x.ParentId,
                        principalTable: "taxonomy_terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceAtLocationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Freq = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ByDay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OpensAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_schedules_service_at_locations_ServiceAtLocationId",
                        column: x => x.ServiceAtLocationId,
                        principalTable: "service_at_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_schedules_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_taxonomy_terms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyTermId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_taxonomy_terms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_taxonomy_terms_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_service_taxonomy_terms_taxonomy_terms_TaxonomyTermId",
                        column: x => x.TaxonomyTermId,
                        principalTable: "taxonomy_terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_locations_Latitude_Longitude",
                table: "locations",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_locations_OrganisationId",
                table: "locations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_locations_Outcode",
                table: "locations",
                column: "Outcode");

            migrationBuilder.CreateIndex(
                name: "IX_locations_Postcode",
                table: "locations",
                column: "Postcode");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_ServiceAtLocationId",
                table: "schedules",
                column: "ServiceAtLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_ServiceId",
                table: "schedules",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_LocationId",
                table: "service_at_locations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_ServiceId_LocationId",
                table: "service_at_locations",
                columns: new[] { "ServiceId", "LocationId" });

            migrationBuilder.CreateIndex(
                name: "IX_service_changes_ServiceId",
                table: "service_changes",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_service_changes_Status_ServiceId",
                table: "service_changes",
                columns: new[] { "Status", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_service_taxonomy_terms_ServiceId_TaxonomyTermId",
                table: "service_taxonomy_terms",
                columns: new[] { "ServiceId", "TaxonomyTermId" });

            migrationBuilder.CreateIndex(
                name: "IX_service_taxonomy_terms_TaxonomyTermId",
                table: "service_taxonomy_terms",
                column: "TaxonomyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_services_Name",
                table: "services",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_services_OrganisationId",
                table: "services",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_services_Status_AcceptingReferrals",
                table: "services",
                columns: new[] { "Status", "AcceptingReferrals" });

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_Code",
                table: "taxonomy_terms",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_ParentId",
                table: "taxonomy_terms",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_TaxonomyId",
                table: "taxonomy_terms",
                column: "TaxonomyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "postcode_centroids");

            migrationBuilder.DropTable(
                name: "schedules");

            migrationBuilder.DropTable(
                name: "service_changes");

            migrationBuilder.DropTable(
                name: "service_taxonomy_terms");

            migrationBuilder.DropTable(
                name: "service_at_locations");

            migrationBuilder.DropTable(
                name: "taxonomy_terms");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "taxonomies");

            migrationBuilder.DropColumn(
                name: "DirectoryExtra",
                table: "organisations");

            migrationBuilder.AlterColumn<string>(
                name: "Sector",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LegalForm",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
