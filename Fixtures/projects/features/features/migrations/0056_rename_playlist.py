# Written by hand: a model with django-sortedm2m fields renamed (sweep 42). Django renames each
# many-to-many through table of the model and its column for the model (`_alter_many_to_many`),
# whether the field is sorted (a through table with an order column) or not.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0055_collation_from_db_parameters"),
    ]

    operations = [
        migrations.RenameModel("Playlist", "Mixtape"),
    ]
