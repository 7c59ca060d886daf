BEGIN;
--
-- Add field uuid to modellogentry
--
ALTER TABLE "wagtailcore_modellogentry" ADD COLUMN "uuid" uuid NULL;
--
-- Add field uuid to pagelogentry
--
ALTER TABLE "wagtailcore_pagelogentry" ADD COLUMN "uuid" uuid NULL;
COMMIT;
