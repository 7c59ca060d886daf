# Written by hand (sweep 46a, djangocms-audio 0002): an AlterField of a NOT NULL column whose
# default migplan cannot evaluate (a list a setting extends). Django reads the default only
# when the column goes from NULL to NOT NULL, so the SQL is the type change alone.
from django.db import migrations, models

from shop.models import states


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0016_order_tag_order_tag_with_order_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="order",
            name="state",
            field=models.CharField(choices=states(), default=states()[0][0], max_length=30),
        ),
    ]
