BEGIN;
--
-- Add field combinations to conditionaloffer
--
DROP TABLE "offer_conditionaloffer_combinations" CASCADE;
COMMIT;
