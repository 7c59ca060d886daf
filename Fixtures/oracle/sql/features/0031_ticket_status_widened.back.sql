BEGIN;
--
-- Alter field status on ticket
--
ALTER TABLE "features_ticket" ALTER COLUMN "status" TYPE varchar(9);
--
-- Raw SQL operation
--
-- (no-op)
--
-- Raw SQL operation
--
-- (no-op)
COMMIT;
