INSERT INTO positivefield_account (name) VALUES ('ann'), ('bob');
