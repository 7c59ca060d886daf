INSERT INTO dataop_account (name) VALUES ('ann'), ('bob');
