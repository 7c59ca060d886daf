BEGIN;
--
-- Add field handle to crew
--
ALTER TABLE "features_crew" ADD COLUMN "handle" varchar(50) DEFAULT '' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "handle" DROP DEFAULT;
--
-- Alter field handle on crew
--
ALTER TABLE "features_crew" ALTER COLUMN "handle" TYPE varchar(255) USING "handle"::varchar(255);
ALTER TABLE "features_crew" ADD CONSTRAINT "features_crew_handle_4a576e17_uniq" UNIQUE ("handle");
CREATE INDEX "features_crew_handle_4a576e17_like" ON "features_crew" ("handle" varchar_pattern_ops);
--
-- Add field code to crew
--
ALTER TABLE "features_crew" ADD COLUMN "code" varchar(20) DEFAULT 'y' NOT NULL UNIQUE;
ALTER TABLE "features_crew" ALTER COLUMN "code" DROP DEFAULT;
CREATE INDEX "features_crew_code_f19886a5_like" ON "features_crew" ("code" varchar_pattern_ops);
COMMIT;
