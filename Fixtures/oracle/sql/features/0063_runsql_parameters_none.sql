BEGIN;
--
-- Raw SQL operation
--
SELECT '100%%' AS unbound;
SELECT '50%' AS bound, 'half' AS name;
SELECT '25%%' AS plain;
COMMIT;
