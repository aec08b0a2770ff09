using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The database itself refuses to change or remove audit entries; the hash chain catches anyone who drops these triggers first.
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_delete;");
        }
    }
}
