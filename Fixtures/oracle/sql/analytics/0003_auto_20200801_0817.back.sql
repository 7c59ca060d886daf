BEGIN;
--
-- Change Meta options on usersearch
--
-- (no-op)
--
-- Change Meta options on userproductview
--
-- (no-op)
COMMIT;
