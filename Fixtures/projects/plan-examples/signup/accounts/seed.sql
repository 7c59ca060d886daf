INSERT INTO accounts_account (username, joined) VALUES ('ann', '2024-01-01T00:00:00Z');
