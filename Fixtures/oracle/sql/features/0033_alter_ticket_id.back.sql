BEGIN;
--
-- Alter field id on ticket
--
ALTER TABLE "features_ticket" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER SEQUENCE IF EXISTS "features_ticket_id_seq" AS bigint;
COMMIT;
