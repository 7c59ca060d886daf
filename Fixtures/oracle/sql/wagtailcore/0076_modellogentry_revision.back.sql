BEGIN;
--
-- Add field revision to modellogentry
--
ALTER TABLE "wagtailcore_modellogentry" DROP COLUMN "revision_id" CASCADE;
COMMIT;
