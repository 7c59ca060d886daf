BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter unique_together for rendition (1 constraint(s))
--
ALTER TABLE "wagtailimages_rendition" DROP CONSTRAINT "wagtailimages_rendition_image_id_filter_spec_foc_323c8fe0_uniq";
--
-- Create model Rendition
--
DROP TABLE "wagtailimages_rendition" CASCADE;
--
-- Create model Image
--
DROP TABLE "wagtailimages_image" CASCADE;
COMMIT;
