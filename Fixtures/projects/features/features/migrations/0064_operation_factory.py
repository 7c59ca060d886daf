# Written by hand (sweep 47a, django-digid-eherkenning's oidc 0004): an operation a module
# function builds, whose body defines the function RunPython runs. Django writes it as any
# RunPython, and the state the operations after it see is known.
from django.db import migrations, models


def operation_factory(model: str, field: str) -> migrations.RunPython:
    def _forward(apps, schema_editor):
        Model = apps.get_model("features", model)
        for obj in Model.objects.all():
            setattr(obj, field, getattr(obj, field))
            obj.save()

    return migrations.RunPython(_forward, migrations.RunPython.noop)


class Migration(migrations.Migration):
    dependencies = [
        ("features", "0063_runsql_parameters_none"),
    ]

    operations = [
        migrations.AddField("venue", "capacity", models.IntegerField(null=True)),
        operation_factory("venue", "capacity"),
        migrations.AddField("venue", "rows", models.IntegerField(null=True)),
    ]
