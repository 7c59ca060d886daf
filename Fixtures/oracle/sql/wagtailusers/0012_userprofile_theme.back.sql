BEGIN;
--
-- Add field theme to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "theme" CASCADE;
COMMIT;
