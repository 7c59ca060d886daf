BEGIN;
--
-- Alter field type on option
--
-- (no-op)
--
-- Add field order to option
--
ALTER TABLE "catalogue_option" DROP COLUMN "order" CASCADE;
--
-- Add field option_group to option
--
SET CONSTRAINTS "catalogue_option_option_group_id_2fd86269_fk_catalogue" IMMEDIATE; ALTER TABLE "catalogue_option" DROP CONSTRAINT "catalogue_option_option_group_id_2fd86269_fk_catalogue";
ALTER TABLE "catalogue_option" DROP COLUMN "option_group_id" CASCADE;
--
-- Add field help_text to option
--
ALTER TABLE "catalogue_option" DROP COLUMN "help_text" CASCADE;
--
-- Change Meta options on option
--
-- (no-op)
COMMIT;
