INSERT INTO uniquedeleted_profile (email) VALUES ('ann@example.com'), ('bob@example.com');
