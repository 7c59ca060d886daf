BEGIN;
--
-- Alter field benefit on conditionaloffer
--
-- (no-op)
--
-- Alter field condition on conditionaloffer
--
-- (no-op)
COMMIT;
