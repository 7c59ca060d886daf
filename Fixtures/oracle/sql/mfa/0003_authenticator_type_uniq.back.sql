BEGIN;
--
-- Create constraint unique_authenticator_type on model authenticator
--
DROP INDEX IF EXISTS "unique_authenticator_type";
--
-- Alter unique_together for authenticator (0 constraint(s))
--
ALTER TABLE "mfa_authenticator" ADD CONSTRAINT "mfa_authenticator_user_id_type_798d27ea_uniq" UNIQUE ("user_id", "type");
--
-- Alter field type on authenticator
--
-- (no-op)
COMMIT;
