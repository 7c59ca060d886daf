# The relation and the model it points at go in one migration (wagtailsearch 0008's shape):
# the split drops the column after the model has left the state.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dropfktarget', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='hit',
            name='query',
        ),
        migrations.DeleteModel(
            name='Query',
        ),
    ]
