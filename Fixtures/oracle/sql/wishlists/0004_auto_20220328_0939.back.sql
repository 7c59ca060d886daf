BEGIN;
--
-- Create model WishListSharedEmail
--
DROP TABLE "wishlists_wishlistsharedemail" CASCADE;
COMMIT;
