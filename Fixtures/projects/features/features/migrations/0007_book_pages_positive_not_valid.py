# Written by hand: the check is added NOT VALID (a short lock, rows are not scanned) and
# validated by the next migration (which scans without blocking writes).

import django.contrib.postgres.operations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0006_book_published_covering_concurrently'),
    ]

    operations = [
        django.contrib.postgres.operations.AddConstraintNotValid(
            model_name='book',
            constraint=models.CheckConstraint(condition=models.Q(pages__gt=0), name='book_pages_positive'),
        ),
    ]
