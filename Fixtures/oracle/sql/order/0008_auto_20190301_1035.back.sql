BEGIN;
--
-- Alter field event_type on communicationevent
--
-- (no-op)
COMMIT;
