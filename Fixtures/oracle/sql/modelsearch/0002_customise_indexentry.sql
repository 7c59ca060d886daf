BEGIN;
--
-- Add field autocomplete to indexentry
--
ALTER TABLE "modelsearch_indexentry" ADD COLUMN "autocomplete" tsvector NOT NULL;
--
-- Add field title to indexentry
--
ALTER TABLE "modelsearch_indexentry" ADD COLUMN "title" tsvector NOT NULL;
--
-- Add field body to indexentry
--
ALTER TABLE "modelsearch_indexentry" ADD COLUMN "body" tsvector NOT NULL;
--
-- Create index modelsear_autocom_476c89_gin on field(s) autocomplete of model indexentry
--
CREATE INDEX "modelsear_autocom_476c89_gin" ON "modelsearch_indexentry" USING gin ("autocomplete");
--
-- Create index modelsear_title_9caae0_gin on field(s) title of model indexentry
--
CREATE INDEX "modelsear_title_9caae0_gin" ON "modelsearch_indexentry" USING gin ("title");
--
-- Create index modelsear_body_90c85d_gin on field(s) body of model indexentry
--
CREATE INDEX "modelsear_body_90c85d_gin" ON "modelsearch_indexentry" USING gin ("body");
COMMIT;
