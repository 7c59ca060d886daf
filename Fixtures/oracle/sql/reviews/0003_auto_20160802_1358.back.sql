BEGIN;
--
-- Alter field status on productreview
--
-- (no-op)
COMMIT;
