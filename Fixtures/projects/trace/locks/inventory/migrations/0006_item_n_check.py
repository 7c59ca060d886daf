from django.contrib.postgres.operations import AddConstraintNotValid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inventory", "0005_item_name_idx")]
    operations = [
        AddConstraintNotValid(
            model_name="item",
            constraint=models.CheckConstraint(
                condition=models.Q(n__gte=0), name="inventory_item_n_gte_0"
            ),
        ),
    ]
