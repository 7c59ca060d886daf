BEGIN;
--
-- Alter field proxy_class on benefit
--
ALTER TABLE "offer_benefit" DROP CONSTRAINT "offer_benefit_proxy_class_key";
DROP INDEX IF EXISTS "offer_benefit_proxy_class_91ca879e_like";
COMMIT;
