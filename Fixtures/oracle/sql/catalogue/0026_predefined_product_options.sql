BEGIN;
--
-- Change Meta options on option
--
-- (no-op)
--
-- Add field help_text to option
--
ALTER TABLE "catalogue_option" ADD COLUMN "help_text" varchar(255) NULL;
--
-- Add field option_group to option
--
ALTER TABLE "catalogue_option" ADD COLUMN "option_group_id" bigint NULL CONSTRAINT "catalogue_option_option_group_id_2fd86269_fk_catalogue" REFERENCES "catalogue_attributeoptiongroup"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "catalogue_option_option_group_id_2fd86269_fk_catalogue" IMMEDIATE;
--
-- Add field order to option
--
ALTER TABLE "catalogue_option" ADD COLUMN "order" integer NULL;
--
-- Alter field type on option
--
-- (no-op)
CREATE INDEX "catalogue_option_option_group_id_2fd86269" ON "catalogue_option" ("option_group_id");
CREATE INDEX "catalogue_option_order_d4ee348f" ON "catalogue_option" ("order");
COMMIT;
