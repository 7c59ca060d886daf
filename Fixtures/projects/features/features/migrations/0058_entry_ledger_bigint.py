# Written by hand (django-viewflow 0010, sweep 43b): a foreign key added, then the id it points
# at widened, in one migration. `sqlmigrate` looks up the foreign keys to Ledger's id in the
# database before the migration, which has none, so it prints no DROP for the new one; `migrate`
# looks after the ADD COLUMN has run, drops it and adds it again as `..._fk`. The database after
# this migration has only the `_fk` one: its backwards, and 0059, drop that one alone.

from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0057_ledger_entry"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="ledger",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="features.ledger",
            ),
        ),
        migrations.AlterField(
            model_name="ledger",
            name="id",
            field=models.BigAutoField(primary_key=True, serialize=False),
        ),
    ]
