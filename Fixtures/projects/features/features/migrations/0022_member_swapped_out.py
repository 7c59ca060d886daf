# Written by hand: a model whose `swappable` setting names another model (AUTH_USER_MODEL is
# auth.User here), as django-spirit's spirit_user.User. Django's `_meta.swapped` is then set and
# every operation on the model is a no-op in the database; the state still has the model.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0021_series_label"),
    ]

    operations = [
        migrations.CreateModel(
            name="Member",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nickname", models.CharField(max_length=30, unique=True)),
                ("series", models.ManyToManyField(to="features.series")),
            ],
            options={"swappable": "AUTH_USER_MODEL"},
        ),
        migrations.AddField(
            model_name="member",
            name="age",
            field=models.IntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="member",
            index=models.Index(fields=["age"], name="features_member_age_idx"),
        ),
        migrations.RemoveField(
            model_name="member",
            name="nickname",
        ),
        migrations.DeleteModel(
            name="Member",
        ),
    ]
