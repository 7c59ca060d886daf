BEGIN;
--
-- Custom state/database change combination
--
ALTER TABLE features_book_labels RENAME TO features_booklabel;
--
-- Add field position to booklabel
--
ALTER TABLE "features_booklabel" ADD COLUMN "position" smallint DEFAULT 0 NOT NULL CHECK ("position" >= 0);
ALTER TABLE "features_booklabel" ALTER COLUMN "position" DROP DEFAULT;
COMMIT;
