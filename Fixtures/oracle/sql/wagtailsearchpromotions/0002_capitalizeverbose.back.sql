BEGIN;
--
-- Alter field page on searchpromotion
--
-- (no-op)
--
-- Alter field description on searchpromotion
--
-- (no-op)
--
-- Change Meta options on searchpromotion
--
-- (no-op)
COMMIT;
