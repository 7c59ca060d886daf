# Written by hand: two tables for 0058, which gives Entry a foreign key to Ledger and then
# widens Ledger's id in the same migration (django-viewflow 0010, sweep 43b).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0056_rename_playlist"),
    ]

    operations = [
        migrations.CreateModel(
            name="Ledger",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
            ],
        ),
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
            ],
        ),
    ]
