INSERT INTO removefield_account (name, legacy_code) VALUES ('ann', 'A1'), ('bob', 'B2');
