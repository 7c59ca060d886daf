INSERT INTO stampdefault_client (name) VALUES ('ann'), ('bob');
