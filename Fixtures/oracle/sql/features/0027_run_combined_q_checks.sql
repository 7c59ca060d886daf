BEGIN;
--
-- Create constraint run_combined_or on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_combined_or" CHECK (("n" > 0 OR "code" = 'x' OR NOT ("kind" = 'q' AND "tag" = 'p')));
--
-- Create constraint run_combined_mixed on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_combined_mixed" CHECK ((("n" < 1000 AND "n" >  -5) OR ("kind" = 'plain' AND NOT ("code"::text LIKE 'z%'))));
--
-- Create index run_code_partial_idx on field(s) code of model run
--
CREATE INDEX "run_code_partial_idx" ON "features_run" ("code") WHERE NOT ("code" = '' OR "n" = 0);
COMMIT;
