BEGIN;
--
-- Custom state/database change combination
--
DROP INDEX audit_custom_idx;
ALTER TABLE features_a_very_long_explicit_table_name_for_the_learner_audit_ DROP CONSTRAINT audit_plugin_uniq;
--
-- Create model Audit
--
DROP TABLE "features_a_very_long_explicit_table_name_for_the_learner_audit_x64" CASCADE;
COMMIT;
