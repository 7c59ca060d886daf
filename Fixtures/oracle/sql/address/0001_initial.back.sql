BEGIN;
--
-- Alter unique_together for useraddress (1 constraint(s))
--
ALTER TABLE "address_useraddress" DROP CONSTRAINT "address_useraddress_user_id_hash_9d1738c7_uniq";
--
-- Create model UserAddress
--
DROP TABLE "address_useraddress" CASCADE;
--
-- Create model Country
--
DROP TABLE "address_country" CASCADE;
COMMIT;
