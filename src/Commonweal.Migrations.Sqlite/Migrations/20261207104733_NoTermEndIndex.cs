using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Drops the index of funding records by end date: the cliff figures and the plans read terms
    /// through the cliffs index (recipient, end, start), and the extra index cost every insert.
    /// </summary>
    public partial class NoTermEndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_records_TermEnd",
                table: "funding_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_funding_records_TermEnd",
                table: "funding_records",
                column: "TermEnd");
        }
    }
}
