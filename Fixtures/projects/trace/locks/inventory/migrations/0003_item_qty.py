from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inventory", "0002_rows")]
    operations = [
        migrations.AddField(
            model_name="item",
            name="qty",
            field=models.IntegerField(default=0),
        ),
    ]
