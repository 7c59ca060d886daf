BEGIN;
--
-- Add field code to useraddress
--
ALTER TABLE "address_useraddress" DROP COLUMN "code" CASCADE;
COMMIT;
