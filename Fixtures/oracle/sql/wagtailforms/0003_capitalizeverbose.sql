BEGIN;
--
-- Change Meta options on formsubmission
--
-- (no-op)
--
-- Alter field submit_time on formsubmission
--
-- (no-op)
COMMIT;
