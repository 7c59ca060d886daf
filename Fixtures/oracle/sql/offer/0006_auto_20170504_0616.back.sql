BEGIN;
--
-- Alter field start_datetime on conditionaloffer
--
-- (no-op)
--
-- Alter field end_datetime on conditionaloffer
--
-- (no-op)
COMMIT;
