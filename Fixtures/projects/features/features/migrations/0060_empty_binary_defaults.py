# Written by hand: an empty BinaryField default (django-log-outgoing-requests 0002, sweep 45a),
# explicit and as AddField's blank default, and on a null -> NOT NULL AlterField: Django quotes
# it with the open connection, as hex like any other bytes.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0059_entry_ledger_no_constraint"),
    ]

    operations = [
        migrations.AddField(
            model_name="mixtape",
            name="empty_blob",
            field=models.BinaryField(default=b""),
        ),
        migrations.AddField(
            model_name="mixtape",
            name="blank_blob",
            field=models.BinaryField(blank=True),
        ),
        migrations.AddField(
            model_name="mixtape",
            name="maybe_blob",
            field=models.BinaryField(null=True),
        ),
        migrations.AlterField(
            model_name="mixtape",
            name="maybe_blob",
            field=models.BinaryField(default=b""),
        ),
    ]
