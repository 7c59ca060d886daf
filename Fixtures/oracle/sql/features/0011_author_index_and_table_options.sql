BEGIN;
--
-- Rename unnamed index for ('full_name', 'born') on author to features_au_full_na_d36602_idx
--
ALTER INDEX "features_author_name_born_49a3eb51_idx" RENAME TO "features_au_full_na_d36602_idx";
--
-- Alter imprint table comment
--
COMMENT ON TABLE "features_imprint" IS 'Imprints (publishing brands) of a publishing house';
--
-- Alter unique_together for book (0 constraint(s))
--
ALTER TABLE "features_book" DROP CONSTRAINT "features_book_author_id_title_3c90db1e_uniq";
--
-- Alter unique_together for imprint (1 constraint(s))
--
ALTER TABLE "features_imprint" ADD CONSTRAINT "features_imprint_name_country_119d688e_uniq" UNIQUE ("name", "country");
--
-- Rename table for label to features_labels
--
ALTER TABLE "features_label" RENAME TO "features_labels";
COMMIT;
