BEGIN;
--
-- Alter field product on productreview
--
-- (no-op)
COMMIT;
