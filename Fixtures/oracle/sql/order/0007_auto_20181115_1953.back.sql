BEGIN;
--
-- Alter field date_created on shippingevent
--
DROP INDEX IF EXISTS "order_shippingevent_date_created_74c4a6fa";
--
-- Alter field date_created on paymentevent
--
DROP INDEX IF EXISTS "order_paymentevent_date_created_05d8c079";
--
-- Alter field date_created on orderstatuschange
--
DROP INDEX IF EXISTS "order_orderstatuschange_date_created_a5107b93";
--
-- Alter field date_created on communicationevent
--
DROP INDEX IF EXISTS "order_communicationevent_date_created_ce404d62";
COMMIT;
