BEGIN;
--
-- Alter field guest_email on order
--
ALTER TABLE "order_order" ALTER COLUMN "guest_email" TYPE varchar(75);
COMMIT;
