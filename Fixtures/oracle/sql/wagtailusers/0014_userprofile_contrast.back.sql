BEGIN;
--
-- Add field contrast to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "contrast" CASCADE;
COMMIT;
