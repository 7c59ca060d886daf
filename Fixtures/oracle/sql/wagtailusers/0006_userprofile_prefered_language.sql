BEGIN;
--
-- Add field preferred_language to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "preferred_language" varchar(10) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "preferred_language" DROP DEFAULT;
COMMIT;
