from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('renamealter', '0001_initial'),
    ]

    operations = [
        migrations.RenameField(
            model_name='article',
            old_name='title',
            new_name='headline',
        ),
        migrations.AlterField(
            model_name='article',
            name='headline',
            field=models.CharField(help_text='What the article is about', max_length=200),
        ),
    ]
