BEGIN;
--
-- Alter field proxy_class on condition
--
ALTER TABLE "offer_condition" DROP CONSTRAINT "offer_condition_proxy_class_key";
DROP INDEX IF EXISTS "offer_condition_proxy_class_8d459a42_like";
COMMIT;
