INSERT INTO setnotnull_account (nickname) VALUES ('ann'), (NULL), (NULL);
