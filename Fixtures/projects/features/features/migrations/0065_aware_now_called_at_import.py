# Written by hand (sweep 47a, django-ixp-tracker 0019): an aware now() called where the
# migration is imported. Django writes the moment of the run, masked as `'<now>'` in the oracle.
import datetime

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("features", "0064_operation_factory"),
    ]

    operations = [
        migrations.AddField(
            model_name="venue",
            name="opened_at",
            field=models.DateTimeField(default=datetime.datetime.now(datetime.timezone.utc)),
            preserve_default=False,
        ),
    ]
