BEGIN;
--
-- Alter unique_together for imprint (0 constraint(s))
--
ALTER TABLE "features_imprint" DROP CONSTRAINT "features_imprint_name_country_119d688e_uniq";
--
-- Raw SQL operation
--
CREATE INDEX features_series_code_idx ON features_series (code); COMMENT ON COLUMN features_series.code IS 'up to 12 characters, {braces} kept';
--
-- Raw SQL operation
--
COMMENT ON TABLE features_series IS 'codes of 12 characters, None, auth.User';
COMMIT;
