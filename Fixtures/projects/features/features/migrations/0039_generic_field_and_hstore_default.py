# Written by hand: a field class whose bases are parameterized (`Generic[T]`, `Base[bytes]`,
# as django-ca's certificate fields): a bytea column. And an hstore column with `default=dict`
# (pulpcore): psycopg writes the empty dict as `''`.

import django.contrib.postgres.fields.hstore
import features.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0038_text_defaults_and_python_subclass"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="certificate",
            field=features.fields.CertificateField(null=True),
        ),
        migrations.AddField(
            model_name="crew",
            name="versions",
            field=django.contrib.postgres.fields.hstore.HStoreField(default=dict),
        ),
    ]
