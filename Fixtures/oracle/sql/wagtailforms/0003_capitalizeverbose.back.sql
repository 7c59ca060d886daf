BEGIN;
--
-- Alter field submit_time on formsubmission
--
-- (no-op)
--
-- Change Meta options on formsubmission
--
-- (no-op)
COMMIT;
