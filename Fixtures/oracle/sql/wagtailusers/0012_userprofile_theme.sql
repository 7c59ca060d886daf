BEGIN;
--
-- Add field theme to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "theme" varchar(40) DEFAULT 'system' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "theme" DROP DEFAULT;
COMMIT;
