BEGIN;
--
-- Remove field full_name from category
--
ALTER TABLE "catalogue_category" ADD COLUMN "full_name" varchar(255) NOT NULL;
--
-- Change Meta options on category
--
-- (no-op)
CREATE INDEX "catalogue_category_full_name_7682bdd5" ON "catalogue_category" ("full_name");
CREATE INDEX "catalogue_category_full_name_7682bdd5_like" ON "catalogue_category" ("full_name" varchar_pattern_ops);
COMMIT;
