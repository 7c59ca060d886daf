BEGIN;
--
-- Alter unique_together for productreview (1 constraint(s))
--
ALTER TABLE "reviews_productreview" DROP CONSTRAINT "reviews_productreview_product_id_user_id_c4fdc4cd_uniq";
--
-- Alter unique_together for vote (1 constraint(s))
--
ALTER TABLE "reviews_vote" DROP CONSTRAINT "reviews_vote_user_id_review_id_bb858939_uniq";
--
-- Create model Vote
--
DROP TABLE "reviews_vote" CASCADE;
--
-- Create model ProductReview
--
DROP TABLE "reviews_productreview" CASCADE;
COMMIT;
