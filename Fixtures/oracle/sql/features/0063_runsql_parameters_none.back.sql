BEGIN;
--
-- Raw SQL operation
--
SELECT '0%%' AS unbound;
SELECT '1%' AS bound;
COMMIT;
