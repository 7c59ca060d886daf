# Written by hand: a max_length given as a string, as django-categories' 0001 has it. Django
# fills "varchar(%(max_length)s)" with it as written; 200 and "200" are then the same column,
# so the AlterField to the integer is a no-op.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0020_series_decimal_defaults"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="label",
            field=models.CharField(max_length="30", null=True),
        ),
        migrations.AlterField(
            model_name="series",
            name="label",
            field=models.CharField(max_length=30, null=True),
        ),
    ]
