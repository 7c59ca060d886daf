from django.contrib.postgres.operations import ValidateConstraint
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inventory", "0006_item_n_check")]
    operations = [
        ValidateConstraint(model_name="item", name="inventory_item_n_gte_0"),
    ]
