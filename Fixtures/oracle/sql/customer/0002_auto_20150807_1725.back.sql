BEGIN;
--
-- Alter field code on communicationeventtype
--
-- (no-op)
COMMIT;
