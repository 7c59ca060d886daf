BEGIN;
--
-- Alter field plugin_id on audit
--
ALTER TABLE "features_a_very_long_explicit_table_name_for_the_learner_audit_x64" DROP CONSTRAINT "audit_plugin_uniq";
DROP INDEX IF EXISTS "features_a_very_long_exp_plugin_id_a07b4fbb_like";
--
-- Rename unnamed index for ('customer_uuid', 'plugin_id') on audit to audit_customer_plugin_idx
--
ALTER INDEX "audit_custom_idx" RENAME TO "audit_customer_plugin_idx";
COMMIT;
