from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("blog", "0001_initial")]
    run_before = [("myshop", "0002_item")]
    operations = []
