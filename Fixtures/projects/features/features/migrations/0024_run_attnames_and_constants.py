# Written by hand, from what sweep 12 found in django-apscheduler 0009, django-hordak 0035 and
# fcm-django 0005:
# - constraints, include and unique_together naming a foreign key by its attname (`series_id`),
#   which Django's `Options.get_field` accepts;
# - a CreateModel whose conditional and `include` unique constraints come after its
#   unique_together and foreign key in Django's deferred SQL;
# - JSONField defaults holding another module's constants, and a dict display whose keys
#   `1` and `True` are one key, written by `json.dumps` with its key conversions;
# - a default concatenated from another module's constant;
# - `dict.get` of a settings dict that is not set, with a default.

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion

from features.limits import CODE_LENGTH, DEFAULT_CODE

LIMITS = getattr(settings, "FEATURES_LIMITS", {})
CODE_MAX = LIMITS.get("code_max", 20)


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0023_unmanaged_unknown_field"),
    ]

    operations = [
        migrations.CreateModel(
            name="Run",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField()),
                (
                    "series",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="features.series"
                    ),
                ),
            ],
            options={
                "unique_together": {("series_id", "n")},
                "constraints": [
                    models.UniqueConstraint(
                        fields=["series_id"],
                        condition=models.Q(n__gt=0),
                        name="run_positive_series_uniq",
                    ),
                    models.UniqueConstraint(
                        fields=["n"], include=["series_id"], name="run_n_incl_uniq"
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="run",
            name="code",
            field=models.CharField(default=DEFAULT_CODE + "-x", max_length=CODE_MAX),
        ),
        migrations.AddField(
            model_name="run",
            name="tags",
            field=models.JSONField(default=(DEFAULT_CODE, CODE_LENGTH)),
        ),
        migrations.AddField(
            model_name="run",
            name="meta",
            field=models.JSONField(
                default={"code": DEFAULT_CODE, 1: "one", True: "yes", None: "nothing", 2.5: [1.0]}
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.UniqueConstraint(
                fields=("series_id", "code"), name="run_series_code_uniq"
            ),
        ),
        migrations.AddIndex(
            model_name="run",
            index=models.Index(fields=["series_id", "-n"], name="run_series_n_idx"),
        ),
    ]
