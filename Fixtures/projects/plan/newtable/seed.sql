INSERT INTO newtable_author (name) VALUES ('ann'), ('bob');
INSERT INTO newtable_book (title) VALUES ('one'), ('two'), ('three');
