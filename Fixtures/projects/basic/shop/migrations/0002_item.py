from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("myshop", "0001_initial")]
    operations = []
