BEGIN;
--
-- Alter field value on lineattribute
--
ALTER TABLE "order_lineattribute" ALTER COLUMN "value" TYPE varchar(255) USING "value"::varchar(255);
COMMIT;
