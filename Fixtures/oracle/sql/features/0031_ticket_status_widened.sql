BEGIN;
--
-- Raw SQL operation
--
DROP TRIGGER features_ticket_same ON features_ticket;
--
-- Raw SQL operation
--
UPDATE features_ticket SET priority = (SELECT count(*) FROM features_series) WHERE status = 'READY';
--
-- Alter field status on ticket
--
ALTER TABLE "features_ticket" ALTER COLUMN "status" TYPE varchar(10);
COMMIT;
