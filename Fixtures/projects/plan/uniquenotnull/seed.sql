INSERT INTO uniquenotnull_accesstoken (token, checksum) VALUES ('a', 'ca'), ('b', 'cb');
