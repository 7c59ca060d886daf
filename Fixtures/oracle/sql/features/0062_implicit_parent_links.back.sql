BEGIN;
--
-- Delete model Annex
--
CREATE TABLE "features_annex" ("kiosk_ptr_id" bigint NOT NULL UNIQUE, "hall_ptr_id" integer NOT NULL PRIMARY KEY, "note" text NOT NULL);
--
-- Add field opened to hall
--
ALTER TABLE "features_hall" DROP COLUMN "opened" CASCADE;
--
-- Create model Annex
--
DROP TABLE "features_annex" CASCADE;
--
-- Create model Booth
--
DROP TABLE "features_booth" CASCADE;
--
-- Create proxy model SmallHall
--
-- (no-op)
--
-- Create model Stage
--
DROP TABLE "features_stage" CASCADE;
--
-- Create model Hall
--
DROP TABLE "features_hall" CASCADE;
--
-- Create model Kiosk
--
DROP TABLE "features_kiosk" CASCADE;
--
-- Create model Venue
--
DROP TABLE "features_venue" CASCADE;
COMMIT;
