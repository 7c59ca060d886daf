BEGIN;
--
-- Add field audited to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "audited" timestamp with time zone DEFAULT '2020-01-01 09:30:00+00:00'::timestamptz NOT NULL;
--
-- Add field closes to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "closes" time DEFAULT '17:30:00'::time NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "closes" DROP DEFAULT;
--
-- Add field cutoff to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "cutoff" date DEFAULT '2024-02-29'::date NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "cutoff" DROP DEFAULT;
--
-- Add field founded to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "founded" timestamp with time zone DEFAULT '2016-06-10 17:53:48.889808+00:00'::timestamptz NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "founded" DROP DEFAULT;
--
-- Add field grace to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "grace" interval DEFAULT '-1 day 23:59:55.000250'::interval NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "grace" DROP DEFAULT;
--
-- Add field lead_time to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "lead_time" interval DEFAULT '2 days 3:00:00'::interval NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "lead_time" DROP DEFAULT;
--
-- Add field listed to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "listed" date DEFAULT '2016-01-11'::date NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "listed" DROP DEFAULT;
--
-- Add field opened to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "opened" timestamp with time zone DEFAULT '2001-02-03 00:00:00+00:00'::timestamptz NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "opened" DROP DEFAULT;
--
-- Add field reissued to imprint
--
ALTER TABLE "features_imprint" ADD COLUMN "reissued" timestamp with time zone DEFAULT '1999-12-31 23:59:59+00:00'::timestamptz NOT NULL;
ALTER TABLE "features_imprint" ALTER COLUMN "reissued" DROP DEFAULT;
COMMIT;
