BEGIN;
--
-- Alter field proxy_class on benefit
--
ALTER TABLE "offer_benefit" ADD CONSTRAINT "offer_benefit_proxy_class_91ca879e_uniq" UNIQUE ("proxy_class");
CREATE INDEX "offer_benefit_proxy_class_91ca879e_like" ON "offer_benefit" ("proxy_class" varchar_pattern_ops);
COMMIT;
