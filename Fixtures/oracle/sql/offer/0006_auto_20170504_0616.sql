BEGIN;
--
-- Alter field end_datetime on conditionaloffer
--
-- (no-op)
--
-- Alter field start_datetime on conditionaloffer
--
-- (no-op)
COMMIT;
