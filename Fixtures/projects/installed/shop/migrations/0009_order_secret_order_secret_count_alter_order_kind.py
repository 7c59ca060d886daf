# Written by Django 5.2.19's makemigrations. Classes whose column type a mixin that is no field
# gives (`get_internal_type()` = "TextField", like django-encrypted-model-fields'), and the
# `to_field="id"` of 0008 taken away again.

import django.db.models.deletion
import shop.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('shop', '0008_alter_order_kind'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='secret',
            field=shop.fields.SealedCharField(db_index=True, null=True),
        ),
        migrations.AddField(
            model_name='order',
            name='secret_count',
            field=shop.fields.SealedCountField(null=True),
        ),
        migrations.AlterField(
            model_name='order',
            name='kind',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype'),
        ),
    ]
