# Written by hand: defaults Django prepares through the database adapter (askbot 0016, sweep
# 20): GenericIPAddressField's `ipaddress.ip_address` (IPv6 compressed), BinaryField's bytes.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0051_array_of_a_project_field"),
    ]

    operations = [
        migrations.AddField(
            model_name="playlist",
            name="ip_addr",
            field=models.GenericIPAddressField(db_index=True, default="0.0.0.0"),
        ),
        migrations.AddField(
            model_name="playlist",
            name="ip6",
            field=models.GenericIPAddressField(default="2001:0DB8:0:0:0:0:0:0001", null=True),
        ),
        migrations.AlterField(
            model_name="playlist",
            name="ip6",
            field=models.GenericIPAddressField(default="::ffff:10.0.0.1", unpack_ipv4=True),
        ),
        migrations.AddField(
            model_name="playlist",
            name="blob",
            field=models.BinaryField(default=b"ab\x00\xff"),
        ),
    ]
