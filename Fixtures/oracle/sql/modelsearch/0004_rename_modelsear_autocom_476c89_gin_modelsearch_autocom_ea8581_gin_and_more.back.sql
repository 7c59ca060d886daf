BEGIN;
--
-- Rename index modelsear_body_90c85d_gin on indexentry to modelsearch_body_61c094_gin
--
ALTER INDEX "modelsearch_body_61c094_gin" RENAME TO "modelsear_body_90c85d_gin";
--
-- Rename index modelsear_title_9caae0_gin on indexentry to modelsearch_title_e31adb_gin
--
ALTER INDEX "modelsearch_title_e31adb_gin" RENAME TO "modelsear_title_9caae0_gin";
--
-- Rename index modelsear_autocom_476c89_gin on indexentry to modelsearch_autocom_ea8581_gin
--
ALTER INDEX "modelsearch_autocom_ea8581_gin" RENAME TO "modelsear_autocom_476c89_gin";
COMMIT;
