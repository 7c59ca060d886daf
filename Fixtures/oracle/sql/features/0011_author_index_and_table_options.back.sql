BEGIN;
--
-- Rename table for label to features_labels
--
ALTER TABLE "features_labels" RENAME TO "features_label";
--
-- Alter unique_together for imprint (1 constraint(s))
--
ALTER TABLE "features_imprint" DROP CONSTRAINT "features_imprint_name_country_119d688e_uniq";
--
-- Alter unique_together for book (0 constraint(s))
--
ALTER TABLE "features_book" ADD CONSTRAINT "features_book_author_id_title_3c90db1e_uniq" UNIQUE ("author_id", "title");
--
-- Alter imprint table comment
--
COMMENT ON TABLE "features_imprint" IS 'Companies that publish books';
--
-- Rename unnamed index for ('full_name', 'born') on author to features_au_full_na_d36602_idx
--
-- (no-op)
COMMIT;
