# The shape of django-todo 0004 (sweep 43a): a new model, a foreign key to it on an existing
# table (split into a NOT VALID constraint and its validation), then the new model's
# unique_together and index, which stay with its CreateModel in the chain's first step.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newtableoptions', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=20)),
                ('slug', models.SlugField(default='')),
            ],
        ),
        migrations.AddField(
            model_name='item',
            name='tag',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, to='newtableoptions.tag'),
        ),
        migrations.AlterUniqueTogether(
            name='tag',
            unique_together={('name', 'slug')},
        ),
        migrations.AddIndex(
            model_name='tag',
            index=models.Index(fields=['name'], name='newtableoptions_tag_name'),
        ),
    ]
