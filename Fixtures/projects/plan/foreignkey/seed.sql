INSERT INTO foreignkey_author (name) VALUES ('ann'), ('bob');
INSERT INTO foreignkey_book (title) VALUES ('one'), ('two'), ('three');
