# Written by hand: the field arguments are constants imported from a module of the app (django-money
# does this with `CURRENCY_CODE_MAX_LENGTH`); makemigrations would have written the numbers.

from django.db import migrations, models

from features.limits import CODE_LENGTH, DEFAULT_CODE, PRICE_DIGITS, PRICE_PLACES


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0016_alter_series_id"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="code",
            field=models.CharField(max_length=CODE_LENGTH, default=DEFAULT_CODE),
        ),
        migrations.AddField(
            model_name="series",
            name="price",
            field=models.DecimalField(max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES, null=True),
        ),
    ]
