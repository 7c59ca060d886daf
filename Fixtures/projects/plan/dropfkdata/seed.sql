INSERT INTO dropfkdata_query (text) VALUES ('tea');
INSERT INTO dropfkdata_hit (day, query_id) SELECT DATE '2026-01-02', id FROM dropfkdata_query;
