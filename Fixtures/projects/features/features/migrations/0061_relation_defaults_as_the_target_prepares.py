# Written by hand: a relation's default is prepared as its target field prepares it
# (djangocms-versioning 0007 with a UUID user key, sweep 45a): `UUID(int=1)` for a UUID key,
# `'1'` for a text key; and `UUIDField(default=<int>)` is `uuid.UUID(int=…)`. The rows the
# defaults point at are inserted first, so the keys hold on a table with rows.

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0060_empty_binary_defaults"),
    ]

    operations = [
        migrations.CreateModel(
            name="Badge",
            fields=[("code", models.CharField(max_length=5, primary_key=True, serialize=False))],
        ),
        migrations.CreateModel(
            name="Token",
            fields=[("id", models.UUIDField(default=uuid.uuid4, primary_key=True, serialize=False))],
        ),
        migrations.RunSQL(
            "INSERT INTO features_badge (code) VALUES ('1'), ('2'); "
            "INSERT INTO features_token (id) VALUES "
            "('00000000-0000-0000-0000-000000000001'), ('12345678-1234-5678-1234-567812345678')",
            migrations.RunSQL.noop,
        ),
        migrations.AddField(
            model_name="mixtape",
            name="badge",
            field=models.ForeignKey(default=1, on_delete=models.CASCADE, to="features.badge"),
        ),
        migrations.AddField(
            model_name="mixtape",
            name="token",
            field=models.ForeignKey(default=1, on_delete=models.CASCADE, to="features.token"),
        ),
        migrations.AddField(
            model_name="mixtape",
            name="token_text",
            field=models.ForeignKey(
                default="12345678-1234-5678-1234-567812345678",
                on_delete=models.CASCADE,
                related_name="+",
                to="features.token",
            ),
        ),
        migrations.AddField(
            model_name="mixtape",
            name="badge_later",
            field=models.ForeignKey(
                null=True, on_delete=models.CASCADE, related_name="+", to="features.badge"
            ),
        ),
        migrations.AlterField(
            model_name="mixtape",
            name="badge_later",
            field=models.ForeignKey(
                default=2, on_delete=models.CASCADE, related_name="+", to="features.badge"
            ),
        ),
        # UUID(int=2**128 - 1) is ffffffff-ffff-ffff-ffff-ffffffffffff (the oracle masks a uuid
        # the file does not spell as a run-time uuid4).
        migrations.AddField(
            model_name="mixtape",
            name="serial",
            field=models.UUIDField(default=340282366920938463463374607431768211455),
        ),
    ]
