INSERT INTO addindex_account (name, created) VALUES ('ann', '2024-01-01'), ('bob', '2024-02-01');
