INSERT INTO renamefield_article (title) VALUES ('one'), ('two');
