BEGIN;
--
-- Alter field date_created on stockalert
--
DROP INDEX IF EXISTS "partner_stockalert_date_created_832cf043";
--
-- Alter field name on partner
--
DROP INDEX IF EXISTS "partner_partner_name_caa0c2ee";
DROP INDEX IF EXISTS "partner_partner_name_caa0c2ee_like";
COMMIT;
