BEGIN;
--
-- Alter field data on modellogentry
--
-- (no-op)
--
-- Alter field data on pagelogentry
--
-- (no-op)
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
