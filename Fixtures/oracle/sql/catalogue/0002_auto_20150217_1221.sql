BEGIN;
--
-- Change Meta options on category
--
-- (no-op)
--
-- Remove field full_name from category
--
ALTER TABLE "catalogue_category" DROP COLUMN "full_name" CASCADE;
COMMIT;
