BEGIN;
--
-- Alter field lead on shift
--
-- (no-op)
--
-- Alter field id on crew
--
SET CONSTRAINTS "features_shift_lead_id_debb8f18_fk_features_crew_id" IMMEDIATE; ALTER TABLE "features_shift" DROP CONSTRAINT "features_shift_lead_id_debb8f18_fk_features_crew_id";
SET CONSTRAINTS "features_shift_crews_crewproxy_id_e7c96987_fk_features_crew_id" IMMEDIATE; ALTER TABLE "features_shift_crews" DROP CONSTRAINT "features_shift_crews_crewproxy_id_e7c96987_fk_features_crew_id";
SET CONSTRAINTS "features_shift_crew_id_3458d3f9_fk_features_crew_id" IMMEDIATE; ALTER TABLE "features_shift" DROP CONSTRAINT "features_shift_crew_id_3458d3f9_fk_features_crew_id";
ALTER TABLE "features_crew" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER SEQUENCE IF EXISTS "features_crew_id_seq" AS bigint;
ALTER TABLE "features_shift" ALTER COLUMN "lead_id" TYPE bigint USING "lead_id"::bigint;
ALTER TABLE "features_shift_crews" ALTER COLUMN "crewproxy_id" TYPE bigint USING "crewproxy_id"::bigint;
ALTER TABLE "features_shift" ALTER COLUMN "crew_id" TYPE bigint USING "crew_id"::bigint;
ALTER TABLE "features_shift" ADD CONSTRAINT "features_shift_lead_id_debb8f18_fk" FOREIGN KEY ("lead_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_shift_crews" ADD CONSTRAINT "features_shift_crews_crewproxy_id_e7c96987_fk" FOREIGN KEY ("crewproxy_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_shift" ADD CONSTRAINT "features_shift_crew_id_3458d3f9_fk" FOREIGN KEY ("crew_id") REFERENCES "features_crew" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
