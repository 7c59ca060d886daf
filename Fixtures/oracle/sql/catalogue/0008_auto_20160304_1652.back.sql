BEGIN;
--
-- Alter field code on productattribute
--
-- (no-op)
COMMIT;
