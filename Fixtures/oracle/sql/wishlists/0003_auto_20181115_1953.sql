BEGIN;
--
-- Alter field date_created on wishlist
--
CREATE INDEX "wishlists_wishlist_date_created_c05d5e7f" ON "wishlists_wishlist" ("date_created");
COMMIT;
