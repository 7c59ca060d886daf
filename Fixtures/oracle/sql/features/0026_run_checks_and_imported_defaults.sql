BEGIN;
--
-- Add field tag to run
--
ALTER TABLE "features_run" ADD COLUMN "tag" varchar(10) DEFAULT 'div' NOT NULL;
ALTER TABLE "features_run" ALTER COLUMN "tag" DROP DEFAULT;
--
-- Add field kind to run
--
ALTER TABLE "features_run" ADD COLUMN "kind" varchar(10) DEFAULT 'plain' NOT NULL;
ALTER TABLE "features_run" ALTER COLUMN "kind" DROP DEFAULT;
--
-- Add field body to run
--
ALTER TABLE "features_run" ADD COLUMN "body" jsonb DEFAULT '""'::jsonb NOT NULL;
ALTER TABLE "features_run" ALTER COLUMN "body" DROP DEFAULT;
--
-- Create constraint run_n_range on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_n_range" CHECK ("n" BETWEEN  -100 AND 100);
--
-- Create constraint run_code_patterns on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_code_patterns" CHECK (("code"::text LIKE  E'a\\_%' OR UPPER("code"::text) LIKE UPPER( E'%50\\%%') OR "code"::text LIKE  E'%\\\\z' OR UPPER("code"::text) LIKE UPPER('Ü%')));
--
-- Create constraint run_tag_patterns on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_tag_patterns" CHECK ((NOT (UPPER("tag"::text) = UPPER('DIV')) OR "tag"::text ~ '^[a-z]+$' OR UPPER("kind"::text) LIKE UPPER('%N') OR "kind"::text ~* '^p'));
--
-- Create constraint run_n_in on model run
--
ALTER TABLE "features_run" ADD CONSTRAINT "run_n_in" CHECK (("n" IN (1, 2) OR "n"::text LIKE '%7%'));
--
-- Create index run_n_code_ordered_idx on OrderBy(F(n), descending=False), OrderBy(F(code), descending=True) on model run
--
CREATE INDEX "run_n_code_ordered_idx" ON "features_run" ("n" ASC, "code" DESC NULLS LAST);
COMMIT;
