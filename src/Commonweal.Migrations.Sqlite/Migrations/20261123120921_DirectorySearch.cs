using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearch : Migration
    {
        // One row per service, its rowid the service's rowid, rebuilt by triggers whenever the
        // service, one of its taxonomy links, a linked term's name or its organisation's name changes.
        private const string Refresh = """
            INSERT INTO services_fts (rowid, service_id, name, alternate_name, description, eligibility, organisation, terms)
            SELECT s.rowid, s.Id, s.Name, s.AlternateName, s.Description, s.EligibilityDescription, o.Name,
                (SELECT group_concat(t.Name, ' ') FROM service_taxonomy_terms st JOIN taxonomy_terms t ON t.Id = st.TaxonomyTermId WHERE st.ServiceId = s.Id)
            FROM services s JOIN organisations o ON o.Id = s.OrganisationId
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => CreateIndex(migrationBuilder);

        /// <summary>The index as this migration made it (also what a later migration's Down goes back to).</summary>
        internal static void CreateIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE services_fts USING fts5(
                    service_id UNINDEXED, name, alternate_name, description, eligibility, organisation, terms,
                    tokenize = 'porter unicode61');
                """);
            migrationBuilder.Sql($"{Refresh};");
            migrationBuilder.Sql($"""
                CREATE TRIGGER services_fts_insert AFTER INSERT ON services BEGIN
                    {Refresh} WHERE s.Id = new.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER services_fts_update AFTER UPDATE OF Name, AlternateName, Description, EligibilityDescription, OrganisationId ON services BEGIN
                    DELETE FROM services_fts WHERE rowid = old.rowid;
                    {Refresh} WHERE s.Id = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER services_fts_delete AFTER DELETE ON services BEGIN
                    DELETE FROM services_fts WHERE rowid = old.rowid;
                END;
                """);
            foreach (var (name, when, service) in new[]
            {
                ("service_terms_fts_insert", "AFTER INSERT ON service_taxonomy_terms", "new.ServiceId"),
                ("service_terms_fts_delete", "AFTER DELETE ON service_taxonomy_terms", "old.ServiceId"),
            })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when} BEGIN
                        DELETE FROM services_fts WHERE rowid = (SELECT rowid FROM services WHERE Id = {service});
                        {Refresh} WHERE s.Id = {service};
                    END;
                    """);
            }

            migrationBuilder.Sql($"""
                CREATE TRIGGER taxonomy_terms_fts_rename AFTER UPDATE OF Name ON taxonomy_terms BEGIN
                    DELETE FROM services_fts WHERE rowid IN (SELECT s.rowid FROM services s JOIN service_taxonomy_terms st ON st.ServiceId = s.Id WHERE st.TaxonomyTermId = new.Id);
                    {Refresh} WHERE s.Id IN (SELECT ServiceId FROM service_taxonomy_terms WHERE TaxonomyTermId = new.Id);
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER organisations_fts_rename AFTER UPDATE OF Name ON organisations BEGIN
                    DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services WHERE OrganisationId = new.Id);
                    {Refresh} WHERE s.OrganisationId = new.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "services_fts_insert", "services_fts_update", "services_fts_delete", "service_terms_fts_insert", "service_terms_fts_delete", "taxonomy_terms_fts_rename", "organisations_fts_rename" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS services_fts;");
        }
    }
}
