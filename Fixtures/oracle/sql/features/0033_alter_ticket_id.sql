BEGIN;
--
-- Alter field id on ticket
--
ALTER TABLE "features_ticket" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "features_ticket_id_seq" AS integer;
COMMIT;
