BEGIN;
--
-- Alter unique_together for line (1 constraint(s))
--
ALTER TABLE "wishlists_line" DROP CONSTRAINT "wishlists_line_wishlist_id_product_id_78f04673_uniq";
--
-- Add field wishlist to line
--
SET CONSTRAINTS "wishlists_line_wishlist_id_4cffe302_fk_wishlists_wishlist_id" IMMEDIATE; ALTER TABLE "wishlists_line" DROP CONSTRAINT "wishlists_line_wishlist_id_4cffe302_fk_wishlists_wishlist_id";
ALTER TABLE "wishlists_line" DROP COLUMN "wishlist_id" CASCADE;
--
-- Create model WishList
--
DROP TABLE "wishlists_wishlist" CASCADE;
--
-- Create model Line
--
DROP TABLE "wishlists_line" CASCADE;
COMMIT;
