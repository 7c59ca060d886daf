BEGIN;
--
-- Alter field go_live_at on page
--
-- (no-op)
--
-- Alter field expire_at on page
--
-- (no-op)
COMMIT;
