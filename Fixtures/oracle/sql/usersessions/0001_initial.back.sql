BEGIN;
--
-- Create model UserSession
--
DROP TABLE "usersessions_usersession" CASCADE;
COMMIT;
