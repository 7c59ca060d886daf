BEGIN;
--
-- Add field current_time_zone to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "current_time_zone" varchar(40) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "current_time_zone" DROP DEFAULT;
COMMIT;
