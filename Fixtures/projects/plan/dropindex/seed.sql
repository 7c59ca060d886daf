INSERT INTO dropindex_ticket (code, created, active) VALUES ('a1', '2024-01-01', true), ('a1', '2024-02-01', false), ('b2', '2024-03-01', true);
