BEGIN;
--
-- Alter unique_together for run (1 constraint(s))
--
ALTER TABLE "features_run" DROP CONSTRAINT "features_run_series_id_code_n_19314664_uniq";
ALTER TABLE "features_run" ADD CONSTRAINT "features_run_series_id_n_a501449d_uniq" UNIQUE ("series_id", "n");
COMMIT;
