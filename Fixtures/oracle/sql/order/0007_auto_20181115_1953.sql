BEGIN;
--
-- Alter field date_created on communicationevent
--
CREATE INDEX "order_communicationevent_date_created_ce404d62" ON "order_communicationevent" ("date_created");
--
-- Alter field date_created on orderstatuschange
--
CREATE INDEX "order_orderstatuschange_date_created_a5107b93" ON "order_orderstatuschange" ("date_created");
--
-- Alter field date_created on paymentevent
--
CREATE INDEX "order_paymentevent_date_created_05d8c079" ON "order_paymentevent" ("date_created");
--
-- Alter field date_created on shippingevent
--
CREATE INDEX "order_shippingevent_date_created_74c4a6fa" ON "order_shippingevent" ("date_created");
COMMIT;
