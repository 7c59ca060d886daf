BEGIN;
--
-- Add field order to communicationevent
--
SET CONSTRAINTS "order_communicationevent_order_id_94e784ac_fk_order_order_id" IMMEDIATE; ALTER TABLE "order_communicationevent" DROP CONSTRAINT "order_communicationevent_order_id_94e784ac_fk_order_order_id";
ALTER TABLE "order_communicationevent" DROP COLUMN "order_id" CASCADE;
--
-- Add field stockrecord to line
--
SET CONSTRAINTS "order_line_stockrecord_id_1d65aff5_fk_partner_stockrecord_id" IMMEDIATE; ALTER TABLE "order_line" DROP CONSTRAINT "order_line_stockrecord_id_1d65aff5_fk_partner_stockrecord_id";
ALTER TABLE "order_line" DROP COLUMN "stockrecord_id" CASCADE;
--
-- Add field product to line
--
SET CONSTRAINTS "order_line_product_id_e620902d_fk_catalogue_product_id" IMMEDIATE; ALTER TABLE "order_line" DROP CONSTRAINT "order_line_product_id_e620902d_fk_catalogue_product_id";
ALTER TABLE "order_line" DROP COLUMN "product_id" CASCADE;
--
-- Add field partner to line
--
SET CONSTRAINTS "order_line_partner_id_258a2fb9_fk_partner_partner_id" IMMEDIATE; ALTER TABLE "order_line" DROP CONSTRAINT "order_line_partner_id_258a2fb9_fk_partner_partner_id";
ALTER TABLE "order_line" DROP COLUMN "partner_id" CASCADE;
--
-- Add field order to line
--
SET CONSTRAINTS "order_line_order_id_b9148391_fk_order_order_id" IMMEDIATE; ALTER TABLE "order_line" DROP CONSTRAINT "order_line_order_id_b9148391_fk_order_order_id";
ALTER TABLE "order_line" DROP COLUMN "order_id" CASCADE;
--
-- Add field order to lineprice
--
SET CONSTRAINTS "order_lineprice_order_id_66792e56_fk_order_order_id" IMMEDIATE; ALTER TABLE "order_lineprice" DROP CONSTRAINT "order_lineprice_order_id_66792e56_fk_order_order_id";
ALTER TABLE "order_lineprice" DROP COLUMN "order_id" CASCADE;
--
-- Add field user to order
--
SET CONSTRAINTS "order_order_user_id_7cf9bc2b_fk_auth_user_id" IMMEDIATE; ALTER TABLE "order_order" DROP CONSTRAINT "order_order_user_id_7cf9bc2b_fk_auth_user_id";
ALTER TABLE "order_order" DROP COLUMN "user_id" CASCADE;
--
-- Add field site to order
--
SET CONSTRAINTS "order_order_site_id_e27f3526_fk_django_site_id" IMMEDIATE; ALTER TABLE "order_order" DROP CONSTRAINT "order_order_site_id_e27f3526_fk_django_site_id";
ALTER TABLE "order_order" DROP COLUMN "site_id" CASCADE;
--
-- Add field shipping_address to order
--
SET CONSTRAINTS "order_order_shipping_address_id_57e64931_fk_order_shi" IMMEDIATE; ALTER TABLE "order_order" DROP CONSTRAINT "order_order_shipping_address_id_57e64931_fk_order_shi";
ALTER TABLE "order_order" DROP COLUMN "shipping_address_id" CASCADE;
--
-- Add field shipping_event to paymentevent
--
SET CONSTRAINTS "order_paymentevent_shipping_event_id_213dcfb8_fk_order_shi" IMMEDIATE; ALTER TABLE "order_paymentevent" DROP CONSTRAINT "order_paymentevent_shipping_event_id_213dcfb8_fk_order_shi";
ALTER TABLE "order_paymentevent" DROP COLUMN "shipping_event_id" CASCADE;
--
-- Add field order to paymentevent
--
SET CONSTRAINTS "order_paymentevent_order_id_395b3e82_fk_order_order_id" IMMEDIATE; ALTER TABLE "order_paymentevent" DROP CONSTRAINT "order_paymentevent_order_id_395b3e82_fk_order_order_id";
ALTER TABLE "order_paymentevent" DROP COLUMN "order_id" CASCADE;
--
-- Add field lines to paymentevent
--
-- (no-op)
--
-- Add field event_type to paymentevent
--
SET CONSTRAINTS "order_paymentevent_event_type_id_568c7161_fk_order_pay" IMMEDIATE; ALTER TABLE "order_paymentevent" DROP CONSTRAINT "order_paymentevent_event_type_id_568c7161_fk_order_pay";
ALTER TABLE "order_paymentevent" DROP COLUMN "event_type_id" CASCADE;
--
-- Alter unique_together for paymenteventquantity (1 constraint(s))
--
ALTER TABLE "order_paymenteventquantity" DROP CONSTRAINT "order_paymenteventquantity_event_id_line_id_765c5209_uniq";
--
-- Add field order to shippingevent
--
SET CONSTRAINTS "order_shippingevent_order_id_8c031fb6_fk_order_order_id" IMMEDIATE; ALTER TABLE "order_shippingevent" DROP CONSTRAINT "order_shippingevent_order_id_8c031fb6_fk_order_order_id";
ALTER TABLE "order_shippingevent" DROP COLUMN "order_id" CASCADE;
--
-- Add field lines to shippingevent
--
-- (no-op)
--
-- Add field event_type to shippingevent
--
SET CONSTRAINTS "order_shippingevent_event_type_id_9f1efb20_fk_order_shi" IMMEDIATE; ALTER TABLE "order_shippingevent" DROP CONSTRAINT "order_shippingevent_event_type_id_9f1efb20_fk_order_shi";
ALTER TABLE "order_shippingevent" DROP COLUMN "event_type_id" CASCADE;
--
-- Alter unique_together for shippingeventquantity (1 constraint(s))
--
ALTER TABLE "order_shippingeventquantity" DROP CONSTRAINT "order_shippingeventquantity_event_id_line_id_91687107_uniq";
--
-- Create model ShippingEventType
--
DROP TABLE "order_shippingeventtype" CASCADE;
--
-- Create model ShippingEventQuantity
--
DROP TABLE "order_shippingeventquantity" CASCADE;
--
-- Create model ShippingEvent
--
DROP TABLE "order_shippingevent" CASCADE;
--
-- Create model ShippingAddress
--
DROP TABLE "order_shippingaddress" CASCADE;
--
-- Create model PaymentEventType
--
DROP TABLE "order_paymenteventtype" CASCADE;
--
-- Create model PaymentEventQuantity
--
DROP TABLE "order_paymenteventquantity" CASCADE;
--
-- Create model PaymentEvent
--
DROP TABLE "order_paymentevent" CASCADE;
--
-- Create model OrderNote
--
DROP TABLE "order_ordernote" CASCADE;
--
-- Create model OrderDiscount
--
DROP TABLE "order_orderdiscount" CASCADE;
--
-- Create model Order
--
DROP TABLE "order_order" CASCADE;
--
-- Create model LinePrice
--
DROP TABLE "order_lineprice" CASCADE;
--
-- Create model LineAttribute
--
DROP TABLE "order_lineattribute" CASCADE;
--
-- Create model Line
--
DROP TABLE "order_line" CASCADE;
--
-- Create model CommunicationEvent
--
DROP TABLE "order_communicationevent" CASCADE;
--
-- Create model BillingAddress
--
DROP TABLE "order_billingaddress" CASCADE;
COMMIT;
