BEGIN;
--
-- Add field code to partneraddress
--
ALTER TABLE "partner_partneraddress" DROP COLUMN "code" CASCADE;
COMMIT;
