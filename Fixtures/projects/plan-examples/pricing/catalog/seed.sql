INSERT INTO catalog_product (name, price, created) VALUES ('pen', 1.50, '2024-01-01T00:00:00Z');
INSERT INTO catalog_product (name, price, created) VALUES ('cup', NULL, '2024-01-02T00:00:00Z');
