BEGIN;
--
-- Create model QueryDailyHits
--
DROP TABLE "wagtailsearchpromotions_querydailyhits" CASCADE;
--
-- Create model Query
--
DROP TABLE "wagtailsearchpromotions_query" CASCADE;
COMMIT;
