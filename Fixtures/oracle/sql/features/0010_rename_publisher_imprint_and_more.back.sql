BEGIN;
--
-- Rename field tags on book to labels
--
ALTER TABLE "features_book_labels" RENAME TO "features_book_tags";
--
-- Rename field name on author to full_name
--
ALTER TABLE "features_author" RENAME COLUMN "full_name" TO "name";
--
-- Rename model Tag to Label
--
ALTER TABLE "features_label" RENAME TO "features_tag";
ALTER TABLE "features_book_tags" RENAME COLUMN "label_id" TO "tag_id";
--
-- Rename model Publisher to Imprint
--
ALTER TABLE "features_imprint" RENAME TO "features_publisher";
SET CONSTRAINTS "features_book_publisher_id_4084bc7e_fk_features_imprint_id" IMMEDIATE; ALTER TABLE "features_book" DROP CONSTRAINT "features_book_publisher_id_4084bc7e_fk_features_imprint_id";
ALTER TABLE "features_book" ADD CONSTRAINT "features_book_publisher_id_4084bc7e_fk_features_publisher_id" FOREIGN KEY ("publisher_id") REFERENCES "features_publisher" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
