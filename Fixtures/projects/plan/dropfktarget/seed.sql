INSERT INTO dropfktarget_query (text) VALUES ('tea');
INSERT INTO dropfktarget_hit (day, query_id) SELECT DATE '2026-01-02', id FROM dropfktarget_query;
