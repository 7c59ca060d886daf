# Written by hand, the way Django's documentation changes a ManyToManyField to use a through
# model: the table Django made for Book.labels becomes BookLabel's table (renamed, not copied),
# then the new model gets a column.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0011_author_index_and_table_options'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql='ALTER TABLE features_book_labels RENAME TO features_booklabel',
                    reverse_sql='ALTER TABLE features_booklabel RENAME TO features_book_labels',
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='BookLabel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('book', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='features.book')),
                        ('label', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='features.label')),
                    ],
                    options={
                        'db_table': 'features_booklabel',
                        'unique_together': {('book', 'label')},
                    },
                ),
                migrations.AlterField(
                    model_name='book',
                    name='labels',
                    field=models.ManyToManyField(through='features.BookLabel', to='features.label'),
                ),
            ],
        ),
        migrations.AddField(
            model_name='booklabel',
            name='position',
            field=models.PositiveSmallIntegerField(default=0),
        ),
    ]
