BEGIN;
--
-- Create model Collection
--
DROP TABLE "wagtailcore_collection" CASCADE;
COMMIT;
