from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('billing', '0003_delete_legacypayment'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='invoice',
            name='billing_invoice_issued_idx',
        ),
    ]
