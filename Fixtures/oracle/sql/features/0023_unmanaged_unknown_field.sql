BEGIN;
--
-- Create model Ledger
--
-- (no-op)
--
-- Add field extra to ledger
--
-- (no-op)
--
-- Alter field data on ledger
--
-- (no-op)
--
-- Delete model Ledger
--
-- (no-op)
COMMIT;
