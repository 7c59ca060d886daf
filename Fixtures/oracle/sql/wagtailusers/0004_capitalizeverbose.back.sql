BEGIN;
--
-- Alter field submitted_notifications on userprofile
--
-- (no-op)
--
-- Alter field rejected_notifications on userprofile
--
-- (no-op)
--
-- Alter field approved_notifications on userprofile
--
-- (no-op)
--
-- Change Meta options on userprofile
--
-- (no-op)
COMMIT;
