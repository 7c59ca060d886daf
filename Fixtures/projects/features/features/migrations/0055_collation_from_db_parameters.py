# Written by hand: field classes whose db_parameters() sets the column's collation (Open edX's
# MultiCollationMixin, sweep 20): the "postgresql" entry of a dict argument, or a constant.

from django.db import migrations, models

import features.fields


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0054_internal_type_attribute"),
    ]

    operations = [
        migrations.CreateModel(
            name="Label",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", features.fields.MultiCollationCharField(db_collations={"mysql": "utf8mb4_bin", "sqlite": "BINARY"}, max_length=100)),
                ("key", features.fields.MultiCollationCharField(db_collations={"postgresql": "C", "mysql": "utf8mb4_bin"}, db_index=True, max_length=50)),
                ("text", features.fields.MultiCollationTextField(blank=True, db_collations={"postgresql": "POSIX"})),
                ("code", features.fields.VendorCollationCharField(collations={"sqlite": "NOCASE"}, max_length=10)),
                ("slug", features.fields.VendorCollationCharField(collations={"postgresql": "C"}, max_length=10, unique=True)),
                ("body", features.fields.PostgresCollationTextField(null=True)),
            ],
        ),
        migrations.AlterField(
            model_name="label",
            name="name",
            field=features.fields.MultiCollationCharField(db_collations={"postgresql": "C", "mysql": "utf8mb4_bin"}, max_length=100),
        ),
        migrations.AlterField(
            model_name="label",
            name="text",
            field=features.fields.MultiCollationTextField(blank=True, db_collations={"sqlite": "BINARY"}),
        ),
        migrations.AddField(
            model_name="label",
            name="parent",
            field=models.ForeignKey(null=True, on_delete=models.deletion.CASCADE, to="features.label", to_field="slug"),
        ),
    ]
