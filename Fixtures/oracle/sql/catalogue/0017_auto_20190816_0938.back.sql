BEGIN;
--
-- Alter field original on productimage
--
-- (no-op)
--
-- Alter field value_image on productattributevalue
--
-- (no-op)
--
-- Alter field value_file on productattributevalue
--
-- (no-op)
COMMIT;
