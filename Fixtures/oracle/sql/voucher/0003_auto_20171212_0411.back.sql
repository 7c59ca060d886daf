BEGIN;
--
-- Alter field offers on voucher
--
-- (no-op)
COMMIT;
