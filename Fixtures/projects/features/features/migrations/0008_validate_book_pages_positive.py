from django.contrib.postgres.operations import ValidateConstraint
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0007_book_pages_positive_not_valid'),
    ]

    operations = [
        ValidateConstraint(model_name='book', name='book_pages_positive'),
    ]
