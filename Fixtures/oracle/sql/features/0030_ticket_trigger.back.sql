BEGIN;
--
-- Raw SQL operation
--
DROP TRIGGER features_ticket_same ON features_ticket;
--
-- Create model Ticket
--
DROP TABLE "features_ticket" CASCADE;
COMMIT;
