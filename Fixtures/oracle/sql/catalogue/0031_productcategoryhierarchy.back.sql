BEGIN;
--
-- Create model ProductCategoryHierarchy
--
-- (no-op)
COMMIT;
