BEGIN;
--
-- Raw SQL operation
--
CREATE DOMAIN relative_path AS text CHECK (VALUE <> '');
--
-- Create model NightShift
--
CREATE TABLE "features_nightshift" ("shift_ptr_id" integer NOT NULL PRIMARY KEY, "bonus" integer NOT NULL);
--
-- Add field home to crew
--
ALTER TABLE "features_crew" ADD COLUMN "home" text DEFAULT 'x' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "home" DROP DEFAULT;
--
-- Alter field home on crew
--
ALTER TABLE "features_crew" ALTER COLUMN "home" TYPE relative_path;
ALTER TABLE "features_nightshift" ADD CONSTRAINT "features_nightshift_shift_ptr_id_34fd4cb2_fk_features_shift_id" FOREIGN KEY ("shift_ptr_id") REFERENCES "features_shift" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
