# Written by hand, as makemigrations never writes it: conditions combined with `|`, `&` and `~`,
# which Django's `Q._combine` and `tree.Node.add` flatten (a side with the same connector, or
# with one child, gives its children; a negated side stays one child).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0026_run_checks_and_imported_defaults"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=models.Q(n__gt=0) | models.Q(code="x") | ~models.Q(tag="p", kind="q"),
                name="run_combined_or",
            ),
        ),
        migrations.AddConstraint(
            model_name="run",
            constraint=models.CheckConstraint(
                condition=(models.Q(n__lt=1000) & models.Q(n__gt=-5)) | models.Q(kind="plain")
                & ~models.Q(code__startswith="z"),
                name="run_combined_mixed",
            ),
        ),
        migrations.AddIndex(
            model_name="run",
            index=models.Index(
                fields=["code"],
                condition=~(models.Q(code="") | models.Q(n=0)) & models.Q(),
                name="run_code_partial_idx",
            ),
        ),
    ]
