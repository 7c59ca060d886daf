BEGIN;
--
-- Alter field file on rendition
--
-- (no-op)
--
-- Alter field file on image
--
-- (no-op)
COMMIT;
