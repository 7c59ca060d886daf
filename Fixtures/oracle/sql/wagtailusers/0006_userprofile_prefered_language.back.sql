BEGIN;
--
-- Add field preferred_language to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "preferred_language" CASCADE;
COMMIT;
