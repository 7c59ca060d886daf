BEGIN;
--
-- Add field contrast to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "contrast" varchar(40) DEFAULT 'system' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "contrast" DROP DEFAULT;
COMMIT;
