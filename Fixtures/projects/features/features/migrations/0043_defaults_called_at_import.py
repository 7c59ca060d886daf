# Written by hand: run-time defaults called where the migration is imported, not given as
# callables (django-nyt's 0007: `default=timezone.now()`): Django writes the value the call
# gave, as for the callable.

import uuid

from django.db import migrations, models
from django.utils import timezone


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0042_uuid_text_and_empty_relation_defaults"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="joined",
            field=models.DateTimeField(default=timezone.now()),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="crew",
            name="external_id",
            field=models.UUIDField(default=uuid.uuid4()),
            preserve_default=False,
        ),
    ]
