BEGIN;
--
-- Alter field contact on crew
--
SET CONSTRAINTS "features_crew_contact_id_ef0a1115_fk_features_author_id" IMMEDIATE; ALTER TABLE "features_crew" DROP CONSTRAINT "features_crew_contact_id_ef0a1115_fk_features_author_id";
ALTER TABLE "features_crew" ALTER COLUMN "contact_id" DROP NOT NULL;
ALTER TABLE "features_crew" ADD CONSTRAINT "features_crew_contact_id_ef0a1115_fk_features_author_id" FOREIGN KEY ("contact_id") REFERENCES "features_author" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Add field contact to crew
--
SET CONSTRAINTS "features_crew_contact_id_ef0a1115_fk_features_author_id" IMMEDIATE; ALTER TABLE "features_crew" DROP CONSTRAINT "features_crew_contact_id_ef0a1115_fk_features_author_id";
ALTER TABLE "features_crew" DROP COLUMN "contact_id" CASCADE;
--
-- Add field token to crew
--
ALTER TABLE "features_crew" DROP COLUMN "token" CASCADE;
COMMIT;
