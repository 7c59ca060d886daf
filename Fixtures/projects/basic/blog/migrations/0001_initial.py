from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("myshop", "__first__"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]
    operations = [
        migrations.AddField("post", "author", models.ForeignKey(to=settings.AUTH_USER_MODEL, on_delete=models.CASCADE)),
    ]
