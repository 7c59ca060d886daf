INSERT INTO checkconstraint_product (price) VALUES (0), (10);
