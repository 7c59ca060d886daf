# Written by Django 5.2.19's makemigrations. django-timezone-field's class stores None as "",
# so Django adds the column with DEFAULT '' and drops the default after.

import timezone_field.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0009_order_secret_order_secret_count_alter_order_kind'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='zone',
            field=timezone_field.fields.TimeZoneField(null=True),
        ),
    ]
