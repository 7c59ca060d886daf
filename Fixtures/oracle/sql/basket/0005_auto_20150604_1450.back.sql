BEGIN;
--
-- Alter field vouchers on basket
--
-- (no-op)
COMMIT;
