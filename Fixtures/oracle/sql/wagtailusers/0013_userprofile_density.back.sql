BEGIN;
--
-- Add field density to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "density" CASCADE;
COMMIT;
