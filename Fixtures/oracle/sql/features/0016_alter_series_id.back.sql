BEGIN;
--
-- Alter field id on series
--
SET CONSTRAINTS "features_imprint_series_series_id_4e8fc8ce_fk" IMMEDIATE; ALTER TABLE "features_imprint_series" DROP CONSTRAINT "features_imprint_series_series_id_4e8fc8ce_fk";
SET CONSTRAINTS "features_author_main_series_id_c53ee9c8_fk" IMMEDIATE; ALTER TABLE "features_author" DROP CONSTRAINT "features_author_main_series_id_c53ee9c8_fk";
SET CONSTRAINTS "features_book_series_id_124d9cfe_fk" IMMEDIATE; ALTER TABLE "features_book" DROP CONSTRAINT "features_book_series_id_124d9cfe_fk";
ALTER TABLE "features_series" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "features_series_id_seq" AS integer;
ALTER TABLE "features_imprint_series" ALTER COLUMN "series_id" TYPE integer USING "series_id"::integer;
ALTER TABLE "features_author" ALTER COLUMN "main_series_id" TYPE integer USING "main_series_id"::integer;
ALTER TABLE "features_book" ALTER COLUMN "series_id" TYPE integer USING "series_id"::integer;
ALTER TABLE "features_imprint_series" ADD CONSTRAINT "features_imprint_series_series_id_4e8fc8ce_fk" FOREIGN KEY ("series_id") REFERENCES "features_series" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_author" ADD CONSTRAINT "features_author_main_series_id_c53ee9c8_fk" FOREIGN KEY ("main_series_id") REFERENCES "features_series" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "features_book" ADD CONSTRAINT "features_book_series_id_124d9cfe_fk" FOREIGN KEY ("series_id") REFERENCES "features_series" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
