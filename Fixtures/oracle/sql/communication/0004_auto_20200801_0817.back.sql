BEGIN;
--
-- Alter field name on communicationeventtype
--
DROP INDEX IF EXISTS "communication_communicationeventtype_name_45761eb9";
DROP INDEX IF EXISTS "communication_communicationeventtype_name_45761eb9_like";
--
-- Change Meta options on email
--
-- (no-op)
--
-- Change Meta options on communicationeventtype
--
-- (no-op)
COMMIT;
