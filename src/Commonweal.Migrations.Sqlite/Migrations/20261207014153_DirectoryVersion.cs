using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A number raised by the database whenever anything a directory search reads changes, so that the web
    /// server's in-memory index (Directory/Search) knows when it is out of date, whoever made the change:
    /// the site, an import in another process, or plain SQL. Services' searched columns only (a change of
    /// referral counts is not a change to search), organisations' names, terms, links, places, schedules
    /// and outcode centres (the centres of places without coordinates).
    /// </summary>
    public partial class DirectoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE directory_version (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version INTEGER NOT NULL);
                INSERT INTO directory_version (Id, Version) VALUES (1, 1);
                CREATE TRIGGER directory_version_services_insert AFTER INSERT ON services BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_services_delete AFTER DELETE ON services BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_services_update AFTER UPDATE OF Name, AlternateName, Description, EligibilityDescription, OrganisationId, Status, MinimumAge, MaximumAge, AcceptingReferrals ON services BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_organisations_update AFTER UPDATE OF Name ON organisations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_taxonomy_terms_insert AFTER INSERT ON taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_taxonomy_terms_delete AFTER DELETE ON taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_taxonomy_terms_update AFTER UPDATE ON taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_taxonomy_terms_insert AFTER INSERT ON service_taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_taxonomy_terms_delete AFTER DELETE ON service_taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_taxonomy_terms_update AFTER UPDATE ON service_taxonomy_terms BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_at_locations_insert AFTER INSERT ON service_at_locations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_at_locations_delete AFTER DELETE ON service_at_locations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_service_at_locations_update AFTER UPDATE ON service_at_locations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_locations_delete AFTER DELETE ON locations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_locations_update AFTER UPDATE OF Latitude, Longitude, Outcode ON locations BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_schedules_insert AFTER INSERT ON schedules BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_schedules_delete AFTER DELETE ON schedules BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_schedules_update AFTER UPDATE ON schedules BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_postcode_centroids_insert AFTER INSERT ON postcode_centroids WHEN instr(new.Code, ' ') = 0 BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_postcode_centroids_delete AFTER DELETE ON postcode_centroids WHEN instr(old.Code, ' ') = 0 BEGIN UPDATE directory_version SET Version = Version + 1; END;
                CREATE TRIGGER directory_version_postcode_centroids_update AFTER UPDATE ON postcode_centroids WHEN instr(new.Code, ' ') = 0 BEGIN UPDATE directory_version SET Version = Version + 1; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER directory_version_services_insert;
                DROP TRIGGER directory_version_services_delete;
                DROP TRIGGER directory_version_services_update;
                DROP TRIGGER directory_version_organisations_update;
                DROP TRIGGER directory_version_taxonomy_terms_insert;
                DROP TRIGGER directory_version_taxonomy_terms_delete;
                DROP TRIGGER directory_version_taxonomy_terms_update;
                DROP TRIGGER directory_version_service_taxonomy_terms_insert;
                DROP TRIGGER directory_version_service_taxonomy_terms_delete;
                DROP TRIGGER directory_version_service_taxonomy_terms_update;
                DROP TRIGGER directory_version_service_at_locations_insert;
                DROP TRIGGER directory_version_service_at_locations_delete;
                DROP TRIGGER directory_version_service_at_locations_update;
                DROP TRIGGER directory_version_locations_delete;
                DROP TRIGGER directory_version_locations_update;
                DROP TRIGGER directory_version_schedules_insert;
                DROP TRIGGER directory_version_schedules_delete;
                DROP TRIGGER directory_version_schedules_update;
                DROP TRIGGER directory_version_postcode_centroids_insert;
                DROP TRIGGER directory_version_postcode_centroids_delete;
                DROP TRIGGER directory_version_postcode_centroids_update;
                DROP TABLE directory_version;
                """);
        }
    }
}
