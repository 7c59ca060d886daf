from django.db import migrations, models
class Migration(migrations.Migration):
    dependencies = [("app", "0002_b")]
    operations = [migrations.AddField("a", "y", models.IntegerField(null=True))]
