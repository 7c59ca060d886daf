# misago_conf 0003's shape: the relation goes, a data function runs, then the model the relation
# pointed at goes. The function keeps the model's delete after the deploy, so the column drop,
# which comes first, runs while the model is still in the state.
from django.db import migrations


def forget_days(apps, schema_editor):
    Hit = apps.get_model("dropfkdata", "Hit")
    Hit.objects.filter(day__year__lt=2000).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('dropfkdata', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='hit',
            name='query',
        ),
        migrations.RunPython(forget_days, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='Query',
        ),
    ]
