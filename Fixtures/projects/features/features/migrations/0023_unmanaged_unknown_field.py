# Written by hand: an unmanaged model with a field class migplan cannot read (its base class is
# computed), as django-pghistory's 0003 and 0005 have. Django writes nothing for any operation
# on an unmanaged model, so migplan need not know the class either.

import features.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0022_member_swapped_out"),
    ]

    operations = [
        migrations.CreateModel(
            name="Ledger",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("data", features.fields.ComputedBaseField()),
            ],
            options={"managed": False},
        ),
        migrations.AddField(
            model_name="ledger",
            name="extra",
            field=features.fields.ComputedBaseField(null=True),
        ),
        migrations.AlterField(
            model_name="ledger",
            name="data",
            field=features.fields.ComputedBaseField(null=True),
        ),
        # Gone again: the state oracle compares field classes, which only Django can resolve.
        migrations.DeleteModel(
            name="Ledger",
        ),
    ]
