BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field data on pagelogentry
--
-- (no-op)
--
-- Alter field data on modellogentry
--
-- (no-op)
COMMIT;
