BEGIN;
--
-- Alter field value on lineattribute
--
ALTER TABLE "basket_lineattribute" ALTER COLUMN "value" TYPE varchar(255) USING "value"::varchar(255);
COMMIT;
