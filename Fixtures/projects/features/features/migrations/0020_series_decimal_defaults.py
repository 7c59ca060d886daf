# Written by hand: DecimalField defaults in each form Django takes. DecimalField.to_python makes
# a Decimal of each (a float rounded to max_digits significant digits, a Decimal of a float
# exact) and psycopg writes its str(): 0.00, -1.50 (after a space), 1E+3, 0.10000, 2, ...

import decimal
from decimal import Decimal

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0019_series_note_ignored_by_linter"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="d_zero",
            field=models.DecimalField(decimal_places=2, default=Decimal("0.00"), max_digits=6),
        ),
        migrations.AddField(
            model_name="series",
            name="d_negative",
            field=models.DecimalField(decimal_places=2, default=Decimal("-1.50"), max_digits=6),
        ),
        migrations.AddField(
            model_name="series",
            name="d_exponent",
            field=models.DecimalField(decimal_places=0, default=decimal.Decimal("1e3"), max_digits=8),
        ),
        migrations.AddField(
            model_name="series",
            name="d_small",
            field=models.DecimalField(decimal_places=8, default=Decimal(" +0.0000001 "), max_digits=10),
        ),
        migrations.AddField(
            model_name="series",
            name="d_int",
            field=models.DecimalField(decimal_places=2, default=Decimal(3), max_digits=6),
        ),
        migrations.AddField(
            model_name="series",
            name="d_from_float",
            field=models.DecimalField(decimal_places=28, default=Decimal(0.1), max_digits=30),
        ),
        migrations.AddField(
            model_name="series",
            name="d_string",
            field=models.DecimalField(decimal_places=2, default="2_5.50", max_digits=6),
        ),
        migrations.AddField(
            model_name="series",
            name="d_float",
            field=models.DecimalField(decimal_places=4, default=0.1, max_digits=5),
        ),
        migrations.AddField(
            model_name="series",
            name="d_float_rounded",
            field=models.DecimalField(decimal_places=2, default=123.456, max_digits=5),
        ),
        migrations.AddField(
            model_name="series",
            name="d_float_whole",
            field=models.DecimalField(decimal_places=2, default=2.0, max_digits=5),
        ),
        migrations.AddField(
            model_name="series",
            name="d_negative_int",
            field=models.DecimalField(decimal_places=2, default=-3, max_digits=5),
        ),
    ]
