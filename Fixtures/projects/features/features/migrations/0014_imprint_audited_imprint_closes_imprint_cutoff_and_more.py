# Written by Django 5.2.19's makemigrations from models.py's Imprint: defaults that are fixed
# points in time (aware, naive, a date for a DateTimeField, a datetime for a DateField) and
# durations.

import datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0013_catalogue_view_and_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='imprint',
            name='audited',
            field=models.DateTimeField(db_default=datetime.datetime(2020, 1, 1, 9, 30, tzinfo=datetime.timezone.utc)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='closes',
            field=models.TimeField(default=datetime.time(17, 30)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='cutoff',
            field=models.DateField(default=datetime.date(2024, 2, 29)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='founded',
            field=models.DateTimeField(default=datetime.datetime(2016, 6, 10, 17, 53, 48, 889808, tzinfo=datetime.timezone.utc)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='grace',
            field=models.DurationField(default=datetime.timedelta(days=-1, seconds=86395, microseconds=250)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='lead_time',
            field=models.DurationField(default=datetime.timedelta(days=2, seconds=10800)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='listed',
            field=models.DateField(default=datetime.datetime(2016, 1, 11, 23, 44, 32, tzinfo=datetime.timezone.utc)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='opened',
            field=models.DateTimeField(default=datetime.date(2001, 2, 3)),
        ),
        migrations.AddField(
            model_name='imprint',
            name='reissued',
            field=models.DateTimeField(default=datetime.datetime(1999, 12, 31, 23, 59, 59)),
        ),
    ]
