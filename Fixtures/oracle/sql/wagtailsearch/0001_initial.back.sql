BEGIN;
--
-- Add field query to editorspick
--
SET CONSTRAINTS "wagtailsearch_editor_query_id_c6eee4a0_fk_wagtailse" IMMEDIATE; ALTER TABLE "wagtailsearch_editorspick" DROP CONSTRAINT "wagtailsearch_editor_query_id_c6eee4a0_fk_wagtailse";
ALTER TABLE "wagtailsearch_editorspick" DROP COLUMN "query_id" CASCADE;
--
-- Alter unique_together for querydailyhits (1 constraint(s))
--
ALTER TABLE "wagtailsearch_querydailyhits" DROP CONSTRAINT "wagtailsearch_querydailyhits_query_id_date_1dd232e6_uniq";
--
-- Create model QueryDailyHits
--
DROP TABLE "wagtailsearch_querydailyhits" CASCADE;
--
-- Create model Query
--
DROP TABLE "wagtailsearch_query" CASCADE;
--
-- Create model EditorsPick
--
DROP TABLE "wagtailsearch_editorspick" CASCADE;
COMMIT;
