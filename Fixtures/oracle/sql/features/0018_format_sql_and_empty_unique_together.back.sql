BEGIN;
--
-- Raw SQL operation
--
COMMENT ON TABLE features_series IS NULL;
--
-- Raw SQL operation
--
DROP INDEX features_series_code_idx; COMMENT ON COLUMN features_series.code IS NULL;
--
-- Alter unique_together for imprint (0 constraint(s))
--
ALTER TABLE "features_imprint" ADD CONSTRAINT "features_imprint_name_country_119d688e_uniq" UNIQUE ("name", "country");
COMMIT;
