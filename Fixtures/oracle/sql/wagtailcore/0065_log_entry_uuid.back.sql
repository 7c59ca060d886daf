BEGIN;
--
-- Add field uuid to pagelogentry
--
ALTER TABLE "wagtailcore_pagelogentry" DROP COLUMN "uuid" CASCADE;
--
-- Add field uuid to modellogentry
--
ALTER TABLE "wagtailcore_modellogentry" DROP COLUMN "uuid" CASCADE;
COMMIT;
