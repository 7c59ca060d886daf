from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.AddField(
            model_name="order",
            "note",
            field=models.TextField(null=True),
        ),
    ]
