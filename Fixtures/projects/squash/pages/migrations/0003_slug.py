from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_title")]
    operations = []
