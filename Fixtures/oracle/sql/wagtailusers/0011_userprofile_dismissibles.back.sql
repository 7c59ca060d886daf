BEGIN;
--
-- Add field dismissibles to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "dismissibles" CASCADE;
COMMIT;
