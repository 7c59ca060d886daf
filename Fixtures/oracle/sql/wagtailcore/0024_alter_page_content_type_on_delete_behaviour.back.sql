BEGIN;
--
-- Alter field content_type on page
--
-- (no-op)
COMMIT;
