BEGIN;
--
-- Add field current_time_zone to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "current_time_zone" CASCADE;
COMMIT;
