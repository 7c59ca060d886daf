INSERT INTO foreignkeyconstraint_author (name) VALUES ('ann'), ('bob');
INSERT INTO foreignkeyconstraint_book (title, author_id) SELECT 'one', id FROM foreignkeyconstraint_author WHERE name = 'ann';
INSERT INTO foreignkeyconstraint_book (title, author_id) SELECT 'two', id FROM foreignkeyconstraint_author WHERE name = 'bob';
