using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The document spans the organisation's name and the term names, which a generated
            // column cannot reach: a table of its own, kept current by triggers.
            migrationBuilder.Sql("""
                CREATE TABLE service_search (
                    service_id uuid PRIMARY KEY REFERENCES services ("Id") ON DELETE CASCADE,
                    document tsvector NOT NULL);
                CREATE INDEX ix_service_search_document ON service_search USING GIN (document);

                CREATE FUNCTION service_search_refresh(target uuid) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO service_search (service_id, document)
                    SELECT s."Id",
                        setweight(to_tsvector('english', coalesce(s."Name", '')), 'A')
                        || setweight(to_tsvector('english', coalesce(s."AlternateName", '')), 'B')
                        || setweight(to_tsvector('english', coalesce((SELECT string_agg(t."Name", ' ') FROM service_taxonomy_terms st
                               JOIN taxonomy_terms t ON t."Id" = st."TaxonomyTermId" WHERE st."ServiceId" = s."Id"), '')), 'B')
                        || setweight(to_tsvector('english', coalesce(o."Name", '')), 'C')
                        || setweight(to_tsvector('english', concat_ws(' ', s."Description", s."EligibilityDescription")), 'D')
                    FROM services s JOIN organisations o ON o."Id" = s."OrganisationId"
                    WHERE s."Id" = target
                    ON CONFLICT (service_id) DO UPDATE SET document = EXCLUDED.document;
                $$;

                CREATE FUNCTION service_search_on_service() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM service_search_refresh(NEW."Id");
                    RETURN NULL;
                END $$;

                CREATE FUNCTION service_search_on_link() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN PERFORM service_search_refresh(OLD."ServiceId"); END IF;
                    IF TG_OP <> 'DELETE' THEN PERFORM service_search_refresh(NEW."ServiceId"); END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION service_search_on_term() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM service_search_refresh(st."ServiceId") FROM service_taxonomy_terms st WHERE st."TaxonomyTermId" = NEW."Id";
                    RETURN NULL;
                END $$;

                CREATE FUNCTION service_search_on_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM service_search_refresh(s."Id") FROM services s WHERE s."OrganisationId" = NEW."Id";
                    RETURN NULL;
                END $$;

                CREATE TRIGGER service_search_service AFTER INSERT OR UPDATE OF "Name", "AlternateName", "Description", "EligibilityDescription", "OrganisationId"
                    ON services FOR EACH ROW EXECUTE FUNCTION service_search_on_service();
                CREATE TRIGGER service_search_link AFTER INSERT OR UPDATE OR DELETE ON service_taxonomy_terms
                    FOR EACH ROW EXECUTE FUNCTION service_search_on_link();
                CREATE TRIGGER service_search_term AFTER UPDATE OF "Name" ON taxonomy_terms
                    FOR EACH ROW EXECUTE FUNCTION service_search_on_term();
                CREATE TRIGGER service_search_organisation AFTER UPDATE OF "Name" ON organisations
                    FOR EACH ROW EXECUTE FUNCTION service_search_on_organisation();

                SELECT service_search_refresh("Id") FROM services;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS service_search_service ON services;
                DROP TRIGGER IF EXISTS service_search_link ON service_taxonomy_terms;
                DROP TRIGGER IF EXISTS service_search_term ON taxonomy_terms;
                DROP TRIGGER IF EXISTS service_search_organisation ON organisations;
                DROP FUNCTION IF EXISTS service_search_on_service();
                DROP FUNCTION IF EXISTS service_search_on_link();
                DROP FUNCTION IF EXISTS service_search_on_term();
                DROP FUNCTION IF EXISTS service_search_on_organisation();
                DROP FUNCTION IF EXISTS service_search_refresh(uuid);
                DROP TABLE IF EXISTS service_search;
                """);
        }
    }
}
