BEGIN;
--
-- Alter field line_reference on line
--
-- (no-op)
COMMIT;
