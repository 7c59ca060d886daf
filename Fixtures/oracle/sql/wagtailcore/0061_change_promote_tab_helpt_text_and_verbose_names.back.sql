BEGIN;
--
-- Alter field seo_title on page
--
-- (no-op)
--
-- Alter field search_description on page
--
-- (no-op)
COMMIT;
