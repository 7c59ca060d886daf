# Written by hand: `picture` as makemigrations writes a class whose deconstruct() gives no
# arguments, with `null=True` added (the clone Django renders drops it: NOT NULL); `wide_code`
# with the length the class set when the migration was written (200; it now sets 300).

import shop.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0011_order_state'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='picture',
            field=shop.fields.PictureField(null=True, upload_to='pictures'),
        ),
        migrations.AddField(
            model_name='order',
            name='wide_code',
            field=shop.fields.WideCodeField(max_length=200, null=True),
        ),
    ]
