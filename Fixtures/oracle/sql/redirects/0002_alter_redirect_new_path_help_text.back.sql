BEGIN;
--
-- Alter field new_path on redirect
--
-- (no-op)
COMMIT;
