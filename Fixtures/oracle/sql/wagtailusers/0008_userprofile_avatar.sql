BEGIN;
--
-- Add field avatar to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "avatar" varchar(100) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "avatar" DROP DEFAULT;
COMMIT;
