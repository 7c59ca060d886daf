# allauth's account 0002: the setting is read into a module variable, which an `if` tests.
from django.conf import settings
from django.db import migrations, models

NOTE_INDEXED = getattr(settings, "SHOP_NOTE_INDEXED", True)


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_code")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="note",
            field=models.CharField(max_length=20, null=True),
        ),
    ]

    if NOTE_INDEXED:
        operations += [
            migrations.AddIndex(
                model_name="item",
                index=models.Index(fields=["note"], name="shop_item_note_idx"),
            ),
        ]
