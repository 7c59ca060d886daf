BEGIN;
--
-- Raw SQL operation
--

                -- What the reporting user may read: books in print with their author.
                CREATE VIEW features_book_catalogue AS
                    SELECT b.id, b.title, a.full_name AS author, b.published
                      FROM features_book b
                      JOIN features_author a ON a.id = b.author_id
                     WHERE b.in_print;
                COMMENT ON VIEW features_book_catalogue IS 'Books in print; 100% read-only';
            
--
-- Raw SQL operation
--
INSERT INTO features_labels (name) VALUES ('fiction'), ('poetry');
UPDATE features_labels SET name = 'children''s' WHERE name LIKE 'kid%';
COMMIT;
