BEGIN;
--
-- Create model CacheKey
--
DROP TABLE "menus_cachekey" CASCADE;
COMMIT;
