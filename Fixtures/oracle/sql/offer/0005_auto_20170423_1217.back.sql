BEGIN;
--
-- Alter field condition on conditionaloffer
--
-- (no-op)
--
-- Alter field benefit on conditionaloffer
--
-- (no-op)
COMMIT;
