BEGIN;
--
-- Create model Surcharge
--
DROP TABLE "order_surcharge" CASCADE;
COMMIT;
