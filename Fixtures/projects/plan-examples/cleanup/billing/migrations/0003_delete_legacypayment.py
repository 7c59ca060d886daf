from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('billing', '0002_remove_invoice_legacy_ref'),
    ]

    operations = [
        migrations.DeleteModel(
            name='LegacyPayment',
        ),
    ]
