# Written by hand, from what sweep 13 found:
# - check constraints with the lookups Django's PostgreSQL backend writes with its own
#   operators: range, startswith/contains/endswith (LIKE, with `%`, `_` and `\` escaped),
#   their case-insensitive forms, iexact, regex, and `in` with a repeated value and None
#   (django-tasks-database 0005);
# - the description of an index over OrderBy expressions (`descending=` only);
# - a default taken from another module's tuple built by a generator expression
#   (djangocms-style 0003), and one returned by another module's function (wagtail's
#   `get_image_model_string()` in coderedcms);
# - wagtail's StreamField(blank=True) added without a default: `""` as JSON (coderedcms 0002).

from django.db import migrations, models
import wagtail.blocks
import wagtail.fields

import features.choices
from features.choices import TAG_CHOICES


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0025_run_unique_together_attname"),
    ]

    operations = [
        migrations.AddField(
            model_name="run",
            name="tag",
            field=models.CharField(choices=TAG_CHOICES, default=TAG_CHOICES[0][0], max_length=10),
        ),
        migrations.AddField(
            model_name="run",
            name="kind",
            field=models.CharField(default=features.choices.default_kind(), max_length=10),
        ),
        migrations.AddField(
            model_name="run",
            name="body",
            field=wagtail.fields.StreamField(
                [("text", wagtail.blocks.CharBlock())], blank=True, use_json_field=True
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=models.Q(("n__range", (-100, 100))), name="run_n_range"
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("code__startswith", "a_"),
                    ("code__icontains", "50%"),
                    ("code__endswith", "\\z"),
                    ("code__istartswith", "Ü"),
                    _connector="OR",
                ),
                name="run_code_patterns",
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("tag__iexact", "DIV"), _negated=True),
                    ("tag__regex", "^[a-z]+$"),
                    ("kind__iendswith", "N"),
                    ("kind__iregex", "^p"),
                    _connector="OR",
                ),
                name="run_tag_patterns",
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=models.Q(("n__in", [1, 2, 2, None]), ("n__contains", 7), _connector="OR"),
                name="run_n_in",
            ),
        ),
        migrations.AddIndex(
            model_name="run",
            index=models.Index(
                models.OrderBy(models.F("n")),
                models.OrderBy(models.F("code"), descending=True, nulls_last=True),
                name="run_n_code_ordered_idx",
            ),
        ),
    ]
