BEGIN;
--
-- Change Meta options on communicationeventtype
--
-- (no-op)
--
-- Change Meta options on email
--
-- (no-op)
--
-- Alter field name on communicationeventtype
--
CREATE INDEX "communication_communicationeventtype_name_45761eb9" ON "communication_communicationeventtype" ("name");
CREATE INDEX "communication_communicationeventtype_name_45761eb9_like" ON "communication_communicationeventtype" ("name" varchar_pattern_ops);
COMMIT;
