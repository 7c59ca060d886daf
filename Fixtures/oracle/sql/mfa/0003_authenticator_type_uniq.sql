BEGIN;
--
-- Alter field type on authenticator
--
-- (no-op)
--
-- Alter unique_together for authenticator (0 constraint(s))
--
ALTER TABLE "mfa_authenticator" DROP CONSTRAINT "mfa_authenticator_user_id_type_798d27ea_uniq";
--
-- Create constraint unique_authenticator_type on model authenticator
--
CREATE UNIQUE INDEX "unique_authenticator_type" ON "mfa_authenticator" ("user_id", "type") WHERE "type" IN ('totp', 'recovery_codes');
COMMIT;
