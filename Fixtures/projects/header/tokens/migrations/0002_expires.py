from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tokens", "0001_initial")]
    operations = [
        migrations.AddField("token", "expires", models.DateTimeField(null=True)),
    ]
