BEGIN;
--
-- Add field excluded_categories to range
--
DROP TABLE "offer_range_excluded_categories" CASCADE;
COMMIT;
