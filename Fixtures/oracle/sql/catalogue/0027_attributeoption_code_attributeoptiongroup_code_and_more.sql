BEGIN;
--
-- Add field code to attributeoption
--
ALTER TABLE "catalogue_attributeoption" ADD COLUMN "code" varchar(255) NULL UNIQUE;
--
-- Add field code to attributeoptiongroup
--
ALTER TABLE "catalogue_attributeoptiongroup" ADD COLUMN "code" varchar(255) NULL UNIQUE;
--
-- Add field code to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "code" varchar(255) NULL UNIQUE;
--
-- Add field code to productimage
--
ALTER TABLE "catalogue_productimage" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "catalogue_attributeoption_code_861d9e91_like" ON "catalogue_attributeoption" ("code" varchar_pattern_ops);
CREATE INDEX "catalogue_attributeoptiongroup_code_30e7931f_like" ON "catalogue_attributeoptiongroup" ("code" varchar_pattern_ops);
CREATE INDEX "catalogue_category_code_98f4a4fa_like" ON "catalogue_category" ("code" varchar_pattern_ops);
CREATE INDEX "catalogue_productimage_code_fdab9782_like" ON "catalogue_productimage" ("code" varchar_pattern_ops);
COMMIT;
