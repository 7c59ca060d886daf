# Written by hand, as pinax-blog's 0010 builds its operations: a list changed in place with
# append, extend and insert, in the class body and at module level (sweep 14). Django runs what
# the list holds when the class body ends. Also extensions the database has already (0001's
# trigram, and plpgsql, which every database has): CreateExtension runs nothing for them.

from django.contrib.postgres.operations import CreateExtension, TrigramExtension
from django.db import migrations, models

EXTRA = [migrations.AddField("run", "note", models.TextField(null=True))]
EXTRA.append(migrations.AddField("run", "score", models.IntegerField(null=True)))


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0027_run_combined_q_checks"),
    ]

    operations = [migrations.AddField("run", "flag", models.BooleanField(default=False))]
    operations.extend(EXTRA)
    operations.insert(
        0, migrations.AddIndex("run", models.Index(fields=["kind"], name="run_kind_idx"))
    )
    operations.append(migrations.AlterField("run", "note", models.TextField(blank=True, null=True)))
    operations += [TrigramExtension(), CreateExtension("plpgsql")]
