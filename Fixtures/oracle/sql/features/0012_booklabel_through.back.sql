BEGIN;
--
-- Add field position to booklabel
--
ALTER TABLE "features_booklabel" DROP COLUMN "position" CASCADE;
--
-- Custom state/database change combination
--
ALTER TABLE features_booklabel RENAME TO features_book_labels;
COMMIT;
