from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Customer",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("email", models.EmailField(unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("note", models.TextField(blank=True)),
                ("total", models.DecimalField(max_digits=10, decimal_places=2, null=True)),
                (
                    "customer",
                    models.ForeignKey(on_delete=models.CASCADE, to="shop.customer"),
                ),
            ],
        ),
    ]
