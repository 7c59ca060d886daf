BEGIN;
--
-- Alter field uploaded_by_user on document
--
-- (no-op)
--
-- Alter field created_at on document
--
-- (no-op)
--
-- Change Meta options on document
--
-- (no-op)
COMMIT;
