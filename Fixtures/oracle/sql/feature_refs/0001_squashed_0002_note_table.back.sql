BEGIN;
--
-- Create model TicketNote
--
DROP TABLE "ticket_notes" CASCADE;
COMMIT;
