BEGIN;
--
-- Add field enlisted to crew
--
ALTER TABLE "features_crew" ADD COLUMN "enlisted" timestamp with time zone DEFAULT '2022-08-12 12:00:00+00:00'::timestamptz NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "enlisted" DROP DEFAULT;
--
-- Add field discharged to crew
--
ALTER TABLE "features_crew" ADD COLUMN "discharged" timestamp with time zone DEFAULT '2022-08-12 12:00:00.500000+02:00'::timestamptz NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "discharged" DROP DEFAULT;
--
-- Add field reviewed to crew
--
ALTER TABLE "features_crew" ADD COLUMN "reviewed" timestamp with time zone DEFAULT '2022-08-01 00:00:00+00:00'::timestamptz NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "reviewed" DROP DEFAULT;
--
-- Add field birthday to crew
--
ALTER TABLE "features_crew" ADD COLUMN "birthday" date DEFAULT '2022-08-12'::date NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "birthday" DROP DEFAULT;
--
-- Add field shift to crew
--
ALTER TABLE "features_crew" ADD COLUMN "shift" time DEFAULT '07:30:00'::time NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "shift" DROP DEFAULT;
--
-- Add field badge to crew
--
ALTER TABLE "features_crew" ADD COLUMN "badge" uuid DEFAULT '1234567812345678123456781234abcd'::uuid NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "badge" DROP DEFAULT;
COMMIT;
