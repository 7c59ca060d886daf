BEGIN;
--
-- Add field comment to taskstate
--
ALTER TABLE "wagtailcore_taskstate" DROP COLUMN "comment" CASCADE;
COMMIT;
