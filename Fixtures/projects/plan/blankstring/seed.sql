INSERT INTO blankstring_grant (code) VALUES ('a'), ('b');
