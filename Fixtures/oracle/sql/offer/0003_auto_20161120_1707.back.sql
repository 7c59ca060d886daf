BEGIN;
--
-- Alter field proxy_class on condition
--
ALTER TABLE "offer_condition" ADD CONSTRAINT "offer_condition_proxy_class_8d459a42_uniq" UNIQUE ("proxy_class");
CREATE INDEX "offer_condition_proxy_class_8d459a42_like" ON "offer_condition" ("proxy_class" varchar_pattern_ops);
COMMIT;
