BEGIN;
--
-- Create model Admin
--
-- (no-op)
COMMIT;
