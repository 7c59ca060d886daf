BEGIN;
--
-- Add field exclusive to conditionaloffer
--
ALTER TABLE "offer_conditionaloffer" ADD COLUMN "exclusive" boolean DEFAULT true NOT NULL;
ALTER TABLE "offer_conditionaloffer" ALTER COLUMN "exclusive" DROP DEFAULT;
COMMIT;
