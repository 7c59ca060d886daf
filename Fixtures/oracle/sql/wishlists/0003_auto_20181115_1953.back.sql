BEGIN;
--
-- Alter field date_created on wishlist
--
DROP INDEX IF EXISTS "wishlists_wishlist_date_created_c05d5e7f";
COMMIT;
