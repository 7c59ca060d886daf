BEGIN;
--
-- Alter field uploaded_by_user on document
--
-- (no-op)
COMMIT;
