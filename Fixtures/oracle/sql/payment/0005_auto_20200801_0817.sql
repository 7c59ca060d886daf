BEGIN;
--
-- Change Meta options on source
--
-- (no-op)
--
-- Change Meta options on sourcetype
--
-- (no-op)
--
-- Alter field name on sourcetype
--
CREATE INDEX "payment_sourcetype_name_a980e862" ON "payment_sourcetype" ("name");
CREATE INDEX "payment_sourcetype_name_a980e862_like" ON "payment_sourcetype" ("name" varchar_pattern_ops);
COMMIT;
