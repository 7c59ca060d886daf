BEGIN;
--
-- Rename model Publisher to Imprint
--
ALTER TABLE "features_publisher" RENAME TO "features_imprint";
SET CONSTRAINTS "features_book_publisher_id_4084bc7e_fk_features_publisher_id" IMMEDIATE; ALTER TABLE "features_book" DROP CONSTRAINT "features_book_publisher_id_4084bc7e_fk_features_publisher_id";
ALTER TABLE "features_book" ADD CONSTRAINT "features_book_publisher_id_4084bc7e_fk_features_imprint_id" FOREIGN KEY ("publisher_id") REFERENCES "features_imprint" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Rename model Tag to Label
--
ALTER TABLE "features_tag" RENAME TO "features_label";
SET CONSTRAINTS "features_book_tags_tag_id_4b0ea288_fk" IMMEDIATE; ALTER TABLE "features_book_tags" DROP CONSTRAINT "features_book_tags_tag_id_4b0ea288_fk";
ALTER TABLE "features_book_tags" RENAME COLUMN "tag_id" TO "label_id";
ALTER TABLE "features_book_tags" ADD CONSTRAINT "features_book_tags_label_id_37fe284a_fk_features_label_id" FOREIGN KEY ("label_id") REFERENCES "features_label" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Rename field name on author to full_name
--
ALTER TABLE "features_author" RENAME COLUMN "name" TO "full_name";
--
-- Rename field tags on book to labels
--
ALTER TABLE "features_book_tags" RENAME TO "features_book_labels";
COMMIT;
