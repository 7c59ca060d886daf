# Written by hand: date, time and UUID defaults written as strings (tendenci's registration
# 0002: `DateTimeField(default="2022-08-12 12:00:00")`). Each field's `to_python` parses the
# string first, so Django writes a typed literal, made aware under USE_TZ, not the string.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0043_defaults_called_at_import"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="enlisted",
            field=models.DateTimeField(default="2022-08-12 12:00:00"),
        ),
        migrations.AddField(
            model_name="crew",
            name="discharged",
            field=models.DateTimeField(default="2022-08-12T12:00:00.5+02:00"),
        ),
        migrations.AddField(
            model_name="crew",
            name="reviewed",
            field=models.DateTimeField(default="2022-8-1"),
        ),
        migrations.AddField(
            model_name="crew",
            name="birthday",
            field=models.DateField(default="2022-08-12"),
        ),
        migrations.AddField(
            model_name="crew",
            name="shift",
            field=models.TimeField(default="7:30"),
        ),
        migrations.AddField(
            model_name="crew",
            name="badge",
            field=models.UUIDField(default="{12345678-1234-5678-1234-56781234ABCD}"),
        ),
    ]
