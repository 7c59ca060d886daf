# Written by hand: field classes whose get_internal_type() returns a class attribute
# (django-fernet-fields' EncryptedField, sweep 20): bytea, or what a subclass sets it to.

from django.db import migrations, models

import features.fields


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0053_default_from_a_setting"),
    ]

    operations = [
        migrations.CreateModel(
            name="Secret",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("note", features.fields.EncryptedTextField()),
                ("code", features.fields.EncryptedCharField(max_length=20, null=True)),
                ("plain", features.fields.PlainTextField(blank=True)),
            ],
        ),
        migrations.AddField(
            model_name="secret",
            name="pin",
            field=features.fields.EncryptedCharField(max_length=8, null=True),
        ),
    ]
