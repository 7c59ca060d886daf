from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = []
    replaces = [("pages", "0001_initial"), ("pages", "0002_title")]
    operations = []
