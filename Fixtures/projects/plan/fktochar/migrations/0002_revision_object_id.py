# The shape of wagtail's 0070_rename_pagerevision_revision and 0080_generic_workflowstate: a
# foreign key becomes a generic object id (a CharField on a column of its own), then renamed.
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('fktochar', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='revision',
            name='page',
            field=models.CharField(max_length=255, verbose_name='object id'),
        ),
        migrations.RenameField(
            model_name='revision',
            old_name='page',
            new_name='object_id',
        ),
    ]
