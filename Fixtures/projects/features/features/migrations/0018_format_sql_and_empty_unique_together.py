# Written by hand: SQL built with str.format and an f-string from constants and a setting (Arches
# builds its RunSQL with `"""… '{0}' …""".format(settings.LANGUAGE_CODE)`), and a unique_together
# emptied with `{}` (as Nautobot writes it: Django's normalize_together takes any empty value for
# none).

from django.conf import settings
from django.db import migrations

TABLE = "features_series"
CODE_LENGTH = 12


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0017_series_code_series_price"),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name="imprint",
            unique_together={},
        ),
        migrations.RunSQL(
            "CREATE INDEX {0}_code_idx ON {0} (code); "
            "COMMENT ON COLUMN {table}.code IS 'up to {1} characters, {{braces}} kept'".format(
                TABLE, CODE_LENGTH, table=TABLE
            ),
            reverse_sql="DROP INDEX {}_code_idx; COMMENT ON COLUMN {}.code IS NULL".format(TABLE, TABLE),
        ),
        migrations.RunSQL(
            f"COMMENT ON TABLE {TABLE} IS 'codes of {CODE_LENGTH} characters, {None}, {settings.AUTH_USER_MODEL}'",
            reverse_sql=f"COMMENT ON TABLE {TABLE} IS NULL",
        ),
    ]
