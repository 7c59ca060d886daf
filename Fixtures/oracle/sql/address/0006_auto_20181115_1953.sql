BEGIN;
--
-- Alter field printable_name on country
--
CREATE INDEX "address_country_printable_name_450b016c" ON "address_country" ("printable_name");
CREATE INDEX "address_country_printable_name_450b016c_like" ON "address_country" ("printable_name" varchar_pattern_ops);
COMMIT;
