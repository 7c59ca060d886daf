# Written by hand: the covering index replaces book_published_desc_idx without locking the
# table against writes, so neither CREATE INDEX CONCURRENTLY nor DROP INDEX CONCURRENTLY may
# run inside a transaction.

import django.contrib.postgres.operations
from django.db import migrations, models


class Migration(migrations.Migration):

    atomic = False

    dependencies = [
        ('features', '0005_chapter_booktranslation'),
    ]

    operations = [
        django.contrib.postgres.operations.AddIndexConcurrently(
            model_name='book',
            index=models.Index(fields=['-published'], include=['title'], name='book_published_cover_idx'),
        ),
        django.contrib.postgres.operations.AddIndexConcurrently(
            model_name='book',
            index=models.Index(fields=['isbn'], name='book_isbn_idx'),
        ),
        django.contrib.postgres.operations.RemoveIndexConcurrently(
            model_name='book',
            name='book_published_desc_idx',
        ),
    ]
