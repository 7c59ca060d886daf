BEGIN;
--
-- Add field dismissibles to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "dismissibles" jsonb DEFAULT '{}'::jsonb NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "dismissibles" DROP DEFAULT;
COMMIT;
