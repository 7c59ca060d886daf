BEGIN;
--
-- Add field parent to label
--
SET CONSTRAINTS "features_label_parent_id_ab1bde29_fk_features_label_slug" IMMEDIATE; ALTER TABLE "features_label" DROP CONSTRAINT "features_label_parent_id_ab1bde29_fk_features_label_slug";
ALTER TABLE "features_label" DROP COLUMN "parent_id" CASCADE;
--
-- Alter field text on label
--
ALTER TABLE "features_label" ALTER COLUMN "text" TYPE text COLLATE "POSIX";
--
-- Alter field name on label
--
ALTER TABLE "features_label" ALTER COLUMN "name" TYPE varchar(100);
--
-- Create model Label
--
DROP TABLE "features_label" CASCADE;
COMMIT;
