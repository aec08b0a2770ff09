using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Passport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "passport_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passport_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_passport_documents_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "passport_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    YearEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Income = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    CqcProviderId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LatestRating = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Initials = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OnUpdateService = table.Column<bool>(type: "INTEGER", nullable: true),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DsptStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Insurer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PolicyNumber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Cover = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passport_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_passport_evidence_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "passport_attachments",
                columns: table => new
                {
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passport_attachments", x => new { x.EvidenceId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_passport_attachments_passport_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "passport_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_passport_attachments_passport_evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "passport_evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "passport_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Threshold = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passport_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_passport_reminders_passport_evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "passport_evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "passport_training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passport_training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_passport_training_passport_evidence_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "passport_evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_passport_attachments_DocumentId",
                table: "passport_attachments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_passport_documents_OrganisationId_Sha256",
                table: "passport_documents",
                columns: new[] { "OrganisationId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_passport_evidence_OrganisationId_Kind",
                table: "passport_evidence",
                columns: new[] { "OrganisationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_passport_reminders_EvidenceId_Threshold_DueOn",
                table: "passport_reminders",
                columns: new[] { "EvidenceId", "Threshold", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_passport_reminders_OrganisationId",
                table: "passport_reminders",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_passport_training_VolunteerId",
                table: "passport_training",
                column: "VolunteerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "passport_attachments");

            migrationBuilder.DropTable(
                name: "passport_reminders");

            migrationBuilder.DropTable(
                name: "passport_training");

            migrationBuilder.DropTable(
                name: "passport_documents");

            migrationBuilder.DropTable(
                name: "passport_evidence");
        }
    }
}
