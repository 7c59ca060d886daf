# Written by hand: a field class whose `__init__` sets the default from a setting, whatever the
# migration says (askbot's LanguageCodeField, sweep 20): Django writes the setting's value.

from django.db import migrations

import features.fields


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0052_address_and_binary_defaults"),
    ]

    operations = [
        migrations.AddField(
            model_name="playlist",
            name="language_code",
            field=features.fields.LanguageCodeField(default=b"en", max_length=16),
        ),
    ]
