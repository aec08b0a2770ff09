using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConcernClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "concerns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "concerns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByOrganisation",
                table: "concerns",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosedByOrganisationId",
                table: "concerns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosedByUserId",
                table: "concerns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "concerns",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "concerns");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "concerns");

            migrationBuilder.DropColumn(
                name: "ClosedByOrganisation",
                table: "concerns");

            migrationBuilder.DropColumn(
                name: "ClosedByOrganisationId",
                table: "concerns");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "concerns");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "concerns");
        }
    }
}
