BEGIN;
--
-- Add field priority to product
--
ALTER TABLE "catalogue_product" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;
ALTER TABLE "catalogue_product" ALTER COLUMN "priority" DROP DEFAULT;
CREATE INDEX "catalogue_product_priority_983a8f56" ON "catalogue_product" ("priority");
COMMIT;
