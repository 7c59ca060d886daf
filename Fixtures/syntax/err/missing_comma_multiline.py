from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.AlterField(
            model_name="client",
            name="default_scopes",
            field=models.TextField(
                blank=True
                default="",
            ),
        ),
    ]
