using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A number raised by the database whenever anything a directory search reads changes, so that the web
    /// server's in-memory index (Directory/Search) knows when it is out of date, whoever made the change:
    /// the site, an import in another process, or plain SQL. Services' searched columns only (a change of
    /// referral counts is not a change to search), organisations' names, terms, links, places, schedules
    /// and outcode centres (the centres of places without coordinates).
    /// One raise per statement, not per row.
    /// </summary>
    public partial class DirectoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE directory_version ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO directory_version ("Id", "Version") VALUES (1, 1);
                CREATE FUNCTION directory_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE directory_version SET "Version" = "Version" + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER directory_version_services AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "Name", "AlternateName", "Description", "EligibilityDescription", "OrganisationId", "Status", "MinimumAge", "MaximumAge", "AcceptingReferrals" ON services FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_organisations AFTER UPDATE OF "Name" ON organisations FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_taxonomy_terms AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON taxonomy_terms FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_service_taxonomy_terms AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_taxonomy_terms FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_service_at_locations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_at_locations FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_locations AFTER DELETE OR TRUNCATE OR UPDATE OF "Latitude", "Longitude", "Outcode" ON locations FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_schedules AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON schedules FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                CREATE TRIGGER directory_version_postcode_centroids AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postcode_centroids FOR EACH STATEMENT EXECUTE FUNCTION directory_version_raise();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER directory_version_services ON services;
                DROP TRIGGER directory_version_organisations ON organisations;
                DROP TRIGGER directory_version_taxonomy_terms ON taxonomy_terms;
                DROP TRIGGER directory_version_service_taxonomy_terms ON service_taxonomy_terms;
                DROP TRIGGER directory_version_service_at_locations ON service_at_locations;
                DROP TRIGGER directory_version_locations ON locations;
                DROP TRIGGER directory_version_schedules ON schedules;
                DROP TRIGGER directory_version_postcode_centroids ON postcode_centroids;
                DROP FUNCTION directory_version_raise();
                DROP TABLE directory_version;
                """);
        }
    }
}
