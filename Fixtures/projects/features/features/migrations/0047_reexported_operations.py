# Written by hand: an extension operation and a RunPython subclass imported through a module
# that re-exports them (the classes live in features.operations).

from django.db import migrations

from features.reexported import StartVersioning, TextSearchExtension


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0046_sorted_many_to_many"),
    ]

    operations = [
        TextSearchExtension(),
        StartVersioning("crew"),
    ]
