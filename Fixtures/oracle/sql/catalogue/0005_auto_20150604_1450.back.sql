BEGIN;
--
-- Alter field product_class on product
--
-- (no-op)
COMMIT;
