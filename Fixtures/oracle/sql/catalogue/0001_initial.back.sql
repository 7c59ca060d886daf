BEGIN;
--
-- Add field group to attributeoption
--
SET CONSTRAINTS "catalogue_attributeo_group_id_3d4a5e24_fk_catalogue" IMMEDIATE; ALTER TABLE "catalogue_attributeoption" DROP CONSTRAINT "catalogue_attributeo_group_id_3d4a5e24_fk_catalogue";
ALTER TABLE "catalogue_attributeoption" DROP COLUMN "group_id" CASCADE;
--
-- Add field recommended_products to product
--
-- (no-op)
--
-- Add field product_options to product
--
DROP TABLE "catalogue_product_product_options" CASCADE;
--
-- Add field product_class to product
--
SET CONSTRAINTS "catalogue_product_product_class_id_0c6c5b54_fk_catalogue" IMMEDIATE; ALTER TABLE "catalogue_product" DROP CONSTRAINT "catalogue_product_product_class_id_0c6c5b54_fk_catalogue";
ALTER TABLE "catalogue_product" DROP COLUMN "product_class_id" CASCADE;
--
-- Add field parent to product
--
SET CONSTRAINTS "catalogue_product_parent_id_9bfd2382_fk_catalogue_product_id" IMMEDIATE; ALTER TABLE "catalogue_product" DROP CONSTRAINT "catalogue_product_parent_id_9bfd2382_fk_catalogue_product_id";
ALTER TABLE "catalogue_product" DROP COLUMN "parent_id" CASCADE;
--
-- Add field categories to product
--
-- (no-op)
--
-- Add field attributes to product
--
-- (no-op)
--
-- Add field product_class to productattribute
--
SET CONSTRAINTS "catalogue_productatt_product_class_id_7af808ec_fk_catalogue" IMMEDIATE; ALTER TABLE "catalogue_productattribute" DROP CONSTRAINT "catalogue_productatt_product_class_id_7af808ec_fk_catalogue";
ALTER TABLE "catalogue_productattribute" DROP COLUMN "product_class_id" CASCADE;
--
-- Alter unique_together for productattributevalue (1 constraint(s))
--
ALTER TABLE "catalogue_productattributevalue" DROP CONSTRAINT "catalogue_productattribu_attribute_id_product_id_1e8e7112_uniq";
--
-- Alter unique_together for productcategory (1 constraint(s))
--
ALTER TABLE "catalogue_productcategory" DROP CONSTRAINT "catalogue_productcategory_product_id_category_id_8f0dbfe2_uniq";
--
-- Alter unique_together for productimage (1 constraint(s))
--
ALTER TABLE "catalogue_productimage" DROP CONSTRAINT "catalogue_productimage_product_id_display_order_2df78171_uniq";
--
-- Alter unique_together for productrecommendation (1 constraint(s))
--
ALTER TABLE "catalogue_productrecommendation" DROP CONSTRAINT "catalogue_productrecomme_primary_id_recommendatio_da1fdf43_uniq";
--
-- Create model ProductRecommendation
--
DROP TABLE "catalogue_productrecommendation" CASCADE;
--
-- Create model ProductImage
--
DROP TABLE "catalogue_productimage" CASCADE;
--
-- Create model ProductClass
--
DROP TABLE "catalogue_productclass_options" CASCADE;
DROP TABLE "catalogue_productclass" CASCADE;
--
-- Create model ProductCategory
--
DROP TABLE "catalogue_productcategory" CASCADE;
--
-- Create model ProductAttributeValue
--
DROP TABLE "catalogue_productattributevalue" CASCADE;
--
-- Create model ProductAttribute
--
DROP TABLE "catalogue_productattribute" CASCADE;
--
-- Create model Product
--
DROP TABLE "catalogue_product" CASCADE;
--
-- Create model Option
--
DROP TABLE "catalogue_option" CASCADE;
--
-- Create model Category
--
DROP TABLE "catalogue_category" CASCADE;
--
-- Create model AttributeOptionGroup
--
DROP TABLE "catalogue_attributeoptiongroup" CASCADE;
--
-- Create model AttributeOption
--
DROP TABLE "catalogue_attributeoption" CASCADE;
COMMIT;
