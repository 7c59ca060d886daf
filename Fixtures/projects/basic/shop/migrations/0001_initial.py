from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = []
    initial = True
    operations = [
        migrations.CreateModel(
            name="User",
            fields=[("id", models.AutoField(primary_key=True))],
        ),
    ]
