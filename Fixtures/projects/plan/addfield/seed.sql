INSERT INTO addfield_account (name) VALUES ('ann'), ('bob'), ('cy');
