# Written by hand: `CommaSeparatedIntegerField`, which Django keeps for old migrations
# (tendenci's event_logs 0001): a CharField, so a varchar column.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0044_defaults_written_as_strings"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="rgb_color",
            field=models.CommaSeparatedIntegerField(max_length=11, null=True, unique=True),
        ),
    ]
