from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("tokens", "0001_initial")]
    operations = [
        migrations.CreateModel(
            name="Grant",
            fields=[("id", models.BigAutoField(primary_key=True)), ("code", models.TextField())],
        ),
    ]
