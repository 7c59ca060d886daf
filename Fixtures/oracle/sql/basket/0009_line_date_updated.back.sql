BEGIN;
--
-- Add field date_updated to line
--
ALTER TABLE "basket_line" DROP COLUMN "date_updated" CASCADE;
COMMIT;
