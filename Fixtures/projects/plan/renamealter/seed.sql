INSERT INTO renamealter_article (title) VALUES ('one'), ('two');
