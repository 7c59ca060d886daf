BEGIN;
--
-- Add field code to product
--
ALTER TABLE "catalogue_product" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "catalogue_product_code_a7386c07_like" ON "catalogue_product" ("code" varchar_pattern_ops);
COMMIT;
