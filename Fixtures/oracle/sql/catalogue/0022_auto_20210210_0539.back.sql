BEGIN;
--
-- Alter field value_boolean on productattributevalue
--
-- (no-op)
COMMIT;
