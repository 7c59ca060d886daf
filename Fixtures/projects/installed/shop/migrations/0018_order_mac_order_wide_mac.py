# Written by hand (sweep 47a, django-peeringdb with django-inet's fields): a class whose
# __init__ sets max_length from its class attribute, and a subclass that sets that attribute
# again. The migration gives no max_length; Django's column has the attribute's.
import shop.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0017_alter_order_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="mac",
            field=shop.fields.MacField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="wide_mac",
            field=shop.fields.WideMacField(null=True),
        ),
    ]
