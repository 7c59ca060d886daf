from django.db import migrations

import shop.fields


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0003_order_custom_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="slug",
            field=shop.fields.ShortSlugField(null=True),
        ),
    ]
