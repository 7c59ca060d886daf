BEGIN;
--
-- Alter field extra_data on socialaccount
--
ALTER TABLE "socialaccount_socialaccount" ALTER COLUMN "extra_data" TYPE text USING "extra_data"::text;
COMMIT;
