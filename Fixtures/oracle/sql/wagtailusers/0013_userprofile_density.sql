BEGIN;
--
-- Add field density to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "density" varchar(40) DEFAULT 'default' NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "density" DROP DEFAULT;
COMMIT;
