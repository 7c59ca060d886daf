BEGIN;
--
-- Alter field restriction_type on pageviewrestriction
--
-- (no-op)
--
-- Alter field password on pageviewrestriction
--
-- (no-op)
--
-- Alter field restriction_type on collectionviewrestriction
--
-- (no-op)
--
-- Alter field password on collectionviewrestriction
--
-- (no-op)
COMMIT;
