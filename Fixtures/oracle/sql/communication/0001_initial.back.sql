BEGIN;
--
-- Custom state/database change combination
--
-- (no-op)
COMMIT;
