INSERT INTO uniquetoindex_link (path, code) VALUES ('/a', 1), ('/b', 2), ('/c', 3);
