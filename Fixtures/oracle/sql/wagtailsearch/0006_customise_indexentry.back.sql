BEGIN;
--
-- Create index wagtailsear_body_90c85d_gin on field(s) body of model indexentry
--
DROP INDEX IF EXISTS "wagtailsear_body_90c85d_gin";
--
-- Create index wagtailsear_title_9caae0_gin on field(s) title of model indexentry
--
DROP INDEX IF EXISTS "wagtailsear_title_9caae0_gin";
--
-- Create index wagtailsear_autocom_476c89_gin on field(s) autocomplete of model indexentry
--
DROP INDEX IF EXISTS "wagtailsear_autocom_476c89_gin";
--
-- Add field body to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" DROP COLUMN "body" CASCADE;
--
-- Add field title to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" DROP COLUMN "title" CASCADE;
--
-- Add field autocomplete to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" DROP COLUMN "autocomplete" CASCADE;
COMMIT;
