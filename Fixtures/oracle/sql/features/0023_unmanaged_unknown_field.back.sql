BEGIN;
--
-- Delete model Ledger
--
-- (no-op)
--
-- Alter field data on ledger
--
-- (no-op)
--
-- Add field extra to ledger
--
-- (no-op)
--
-- Create model Ledger
--
-- (no-op)
COMMIT;
