# Written by hand: drops the foreign key constraint of Entry.ledger, which Django finds by
# introspection: only the one `migrate` left after 0058 (see there).

from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0058_entry_ledger_bigint"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="ledger",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="features.ledger",
            ),
        ),
    ]
