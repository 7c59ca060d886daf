BEGIN;
--
-- Add field autocomplete to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" ADD COLUMN "autocomplete" tsvector NOT NULL;
--
-- Add field title to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" ADD COLUMN "title" tsvector NOT NULL;
--
-- Add field body to indexentry
--
ALTER TABLE "wagtailsearch_indexentry" ADD COLUMN "body" tsvector NOT NULL;
--
-- Create index wagtailsear_autocom_476c89_gin on field(s) autocomplete of model indexentry
--
CREATE INDEX "wagtailsear_autocom_476c89_gin" ON "wagtailsearch_indexentry" USING gin ("autocomplete");
--
-- Create index wagtailsear_title_9caae0_gin on field(s) title of model indexentry
--
CREATE INDEX "wagtailsear_title_9caae0_gin" ON "wagtailsearch_indexentry" USING gin ("title");
--
-- Create index wagtailsear_body_90c85d_gin on field(s) body of model indexentry
--
CREATE INDEX "wagtailsear_body_90c85d_gin" ON "wagtailsearch_indexentry" USING gin ("body");
COMMIT;
