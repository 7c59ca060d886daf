BEGIN;
--
-- Create model SearchPromotion
--
DROP TABLE "wagtailsearchpromotions_searchpromotion" CASCADE;
COMMIT;
