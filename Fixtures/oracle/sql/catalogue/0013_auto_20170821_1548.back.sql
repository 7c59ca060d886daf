BEGIN;
--
-- Alter field option_group on productattribute
--
-- (no-op)
COMMIT;
