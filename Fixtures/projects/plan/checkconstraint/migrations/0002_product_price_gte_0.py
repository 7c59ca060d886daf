from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('checkconstraint', '0001_initial'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='product',
            constraint=models.CheckConstraint(condition=models.Q(('price__gte', 0)), name='price_gte_0'),
        ),
    ]
