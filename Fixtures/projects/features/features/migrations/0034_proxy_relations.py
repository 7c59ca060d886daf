# Written by hand: relations to proxy models. A proxy has no table of its own; Django's
# `setup_proxy` gives it its concrete model's table and primary key, so a foreign key or a
# many-to-many to a proxy (or to a proxy of a proxy) references the concrete table and takes the
# concrete primary key's type (allianceauth moves its foreign keys from auth.User to its proxy).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0033_alter_ticket_id"),
    ]

    operations = [
        migrations.CreateModel(
            name="Sheet",
            fields=[
                ("code", models.UUIDField(primary_key=True, serialize=False)),
                ("title", models.CharField(max_length=20)),
            ],
            options={"db_table": "feature_sheets"},
        ),
        migrations.CreateModel(
            name="SheetProxy",
            fields=[],
            options={"proxy": True},
            bases=("features.sheet",),
        ),
        migrations.CreateModel(
            name="PinnedSheet",
            fields=[],
            options={"proxy": True},
            bases=("features.sheetproxy",),
        ),
        migrations.CreateModel(
            name="Crew",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=20)),
            ],
        ),
        migrations.CreateModel(
            name="CrewProxy",
            fields=[],
            options={"proxy": True, "indexes": [], "constraints": []},
            bases=("features.crew",),
        ),
        migrations.CreateModel(
            name="Shift",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "sheet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="features.pinnedsheet"
                    ),
                ),
                (
                    "crew",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="features.crewproxy"
                    ),
                ),
                ("crews", models.ManyToManyField(related_name="+", to="features.crewproxy")),
            ],
        ),
        migrations.AddField(
            model_name="shift",
            name="lead",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="features.crewproxy",
            ),
        ),
    ]
