BEGIN;
--
-- Alter unique_together for querydailyhits (0 constraint(s))
--
ALTER TABLE "wagtailsearch_querydailyhits" DROP CONSTRAINT "wagtailsearch_querydailyhits_query_id_date_1dd232e6_uniq";
--
-- Remove field query from querydailyhits
--
SET CONSTRAINTS "wagtailsearch_queryd_query_id_2185994b_fk_wagtailse" IMMEDIATE; ALTER TABLE "wagtailsearch_querydailyhits" DROP CONSTRAINT "wagtailsearch_queryd_query_id_2185994b_fk_wagtailse";
ALTER TABLE "wagtailsearch_querydailyhits" DROP COLUMN "query_id" CASCADE;
--
-- Delete model Query
--
DROP TABLE "wagtailsearch_query" CASCADE;
--
-- Delete model QueryDailyHits
--
DROP TABLE "wagtailsearch_querydailyhits" CASCADE;
COMMIT;
