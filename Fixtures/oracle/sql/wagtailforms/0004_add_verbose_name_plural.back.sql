BEGIN;
--
-- Change Meta options on formsubmission
--
-- (no-op)
COMMIT;
