BEGIN;
--
-- Add field token to crew
--
ALTER TABLE "features_crew" ADD COLUMN "token" varchar(36) DEFAULT '<uuid4>' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "token" DROP DEFAULT;
--
-- Add field contact to crew
--
ALTER TABLE "features_crew" ADD COLUMN "contact_id" bigint NULL CONSTRAINT "features_crew_contact_id_ef0a1115_fk_features_author_id" REFERENCES "features_author"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_crew_contact_id_ef0a1115_fk_features_author_id" IMMEDIATE;
--
-- Alter field contact on crew
--
UPDATE "features_crew" SET "contact_id" = NULL WHERE "contact_id" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "features_crew" ALTER COLUMN "contact_id" SET NOT NULL;
CREATE INDEX "features_crew_contact_id_ef0a1115" ON "features_crew" ("contact_id");
COMMIT;
