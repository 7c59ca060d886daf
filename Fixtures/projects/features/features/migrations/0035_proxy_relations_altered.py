# Written by hand: a foreign key moved from a proxy to its concrete model changes nothing in the
# database (`_field_should_be_altered` compares the targets' tables), and a primary key's type
# change also alters the columns of foreign keys to its proxies (`_relation_tree` keys them by
# the concrete model), the many-to-many table's column to the proxy among them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0034_proxy_relations"),
    ]

    operations = [
        migrations.AlterField(
            model_name="shift",
            name="lead",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="features.crew",
            ),
        ),
        migrations.AlterField(
            model_name="crew",
            name="id",
            field=models.BigAutoField(primary_key=True, serialize=False),
        ),
    ]
