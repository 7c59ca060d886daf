BEGIN;
--
-- Add field avatar to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "avatar" CASCADE;
COMMIT;
