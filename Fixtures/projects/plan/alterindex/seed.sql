INSERT INTO alterindex_account (name) VALUES ('ann'), ('bob');
