from django.db import migrations, models

from grants.conf import grants_settings


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0001_initial"),
        migrations.swappable_dependency(grants_settings.TOKEN_MODEL),
        ("tokens", "0003_linearize"),
    ]
    operations = [
        migrations.AddField("grant", "note", models.TextField(null=True)),
    ]
