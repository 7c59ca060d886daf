BEGIN;
--
-- Raw SQL operation
--
DELETE FROM features_labels WHERE name IN ('fiction', 'poetry', 'children''s');
--
-- Raw SQL operation
--
DROP VIEW features_book_catalogue;
COMMIT;
