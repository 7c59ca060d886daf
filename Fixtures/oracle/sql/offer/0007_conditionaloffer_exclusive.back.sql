BEGIN;
--
-- Add field exclusive to conditionaloffer
--
ALTER TABLE "offer_conditionaloffer" DROP COLUMN "exclusive" CASCADE;
COMMIT;
