BEGIN;
--
-- Alter field first_published_at on page
--
-- (no-op)
COMMIT;
