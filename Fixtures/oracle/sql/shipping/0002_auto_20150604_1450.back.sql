BEGIN;
--
-- Alter field countries on weightbased
--
-- (no-op)
--
-- Alter field countries on orderanditemcharges
--
-- (no-op)
COMMIT;
