BEGIN;
--
-- Change Meta options on conditionaloffer
--
-- (no-op)
COMMIT;
