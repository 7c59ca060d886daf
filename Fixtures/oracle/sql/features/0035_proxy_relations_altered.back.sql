BEGIN;
--
-- Alter field id on crew
--
SET CONSTRAINTS "features_shift_lead_id_debb8f18_fk" IMMEDIATE; ALTER TABLE "features_shift" DROP CONSTRAINT "features_shift_lead_id_debb8f18_fk";
SET CONSTRAINTS "features_shift_crews_crewproxy_id_e7c96987_fk" IMMEDIATE; ALTER TABLE "features_shift_crews" DROP CONSTRAINT "features_shift_crews_crewproxy_id_e7c96987_fk";
SET CONSTRAINTS "features_shift_crew_id_3458d3f9_fk" IMMEDIATE; ALTER TABLE "features_shift" DROP CONSTRAINT "features_shift_crew_id_3458d3f9_fk";
ALTER TABLE "features_crew" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "features_crew_id_seq" AS integer;
ALTER TABLE "features_shift" ALTER COLUMN "lead_id" TYPE integer USING "lead_id"::integer;
ALTER TABLE "features_shift_crews" ALTER COLUMN "crewproxy_id" TYPE integer USING "crewproxy_id"::integer;
ALTER TABLE "features_shift" ALTER COLUMN "crew_id" TYPE integer USING "crew_id"::integer;
ALTER TABLE "features_shift" ADD CONSTRAINT "features_shift_lead_id_debb8f18_fk" FOREIGN KEY ("lead_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_shift_crews" ADD CONSTRAINT "features_shift_crews_crewproxy_id_e7c96987_fk" FOREIGN KEY ("crewproxy_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_shift" ADD CONSTRAINT "features_shift_crew_id_3458d3f9_fk" FOREIGN KEY ("crew_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field lead on shift
--
-- (no-op)
COMMIT;
