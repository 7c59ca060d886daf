# Written by hand: multi-table children whose fields have no parent link (wagtail-personalisation
# 0009, sweep 45a). Django's ModelBase adds `<parent>_ptr` when it renders the state and makes
# the first parent link the primary key (an explicit `parent_link=True` field too, when no
# field is one); a second parent's link is a plain one-to-one column. A relation to such a
# child, or to a proxy of it, takes the link's type. Annex is deleted at the end, so
# `--backwards` creates it again from the state.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0061_relation_defaults_as_the_target_prepares"),
    ]

    operations = [
        migrations.CreateModel(
            name="Venue",
            fields=[("id", models.AutoField(primary_key=True, serialize=False))],
        ),
        migrations.CreateModel(
            name="Kiosk",
            fields=[("id", models.BigAutoField(primary_key=True, serialize=False))],
        ),
        migrations.CreateModel(
            name="Hall",
            fields=[("seats", models.IntegerField(default=0))],
            bases=("features.venue",),
        ),
        migrations.CreateModel(
            name="Stage",
            fields=[
                (
                    "venue_link",
                    models.OneToOneField(
                        on_delete=models.CASCADE, parent_link=True, to="features.venue"
                    ),
                ),
                ("height", models.IntegerField(default=1)),
            ],
            bases=("features.venue",),
        ),
        migrations.CreateModel(
            name="SmallHall",
            fields=[],
            options={"proxy": True},
            bases=("features.hall",),
        ),
        migrations.CreateModel(
            name="Booth",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("hall", models.ForeignKey(on_delete=models.CASCADE, to="features.hall")),
                (
                    "small",
                    models.ForeignKey(
                        null=True, on_delete=models.CASCADE, related_name="+",
                        to="features.smallhall",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Annex",
            fields=[("note", models.TextField(blank=True))],
            bases=("features.hall", "features.kiosk"),
        ),
        migrations.AddField(
            model_name="hall",
            name="opened",
            field=models.DateField(null=True),
        ),
        migrations.DeleteModel(name="Annex"),
    ]
