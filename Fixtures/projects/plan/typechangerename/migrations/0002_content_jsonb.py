# The shape of wagtail's 0067_alter_pagerevision_content_json and 0069_log_entry_jsonfield: a
# text column becomes jsonb, and the field is renamed, in the same migration.
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('typechangerename', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='revision',
            name='content_json',
            field=models.JSONField(),
        ),
        migrations.RenameField(
            model_name='revision',
            old_name='content_json',
            new_name='content',
        ),
    ]
