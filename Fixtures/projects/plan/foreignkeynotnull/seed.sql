INSERT INTO foreignkeynotnull_author (name) VALUES ('ann'), ('bob');
INSERT INTO foreignkeynotnull_book (title, author_id) SELECT 'one', id FROM foreignkeynotnull_author WHERE name = 'ann';
INSERT INTO foreignkeynotnull_book (title, author_id) SELECT 'two', id FROM foreignkeynotnull_author WHERE name = 'bob';
