BEGIN;
--
-- Change Meta options on option
--
-- (no-op)
--
-- Alter field name on option
--
CREATE INDEX "catalogue_option_name_7b84926d" ON "catalogue_option" ("name");
CREATE INDEX "catalogue_option_name_7b84926d_like" ON "catalogue_option" ("name" varchar_pattern_ops);
--
-- Alter field required on option
--
-- (no-op)
COMMIT;
