BEGIN;
--
-- Create model APIToken
--
DROP TABLE "wagtailcore_apitoken" CASCADE;
COMMIT;
