from django.db import migrations


def ordered_before():
    # Computed when the module loads, as wagtail-localize's 0001 asks `django_migrations`:
    # migplan cannot run it, and leaves `run_before` out of the graph (Django's is empty here).
    try:
        from grants.conf import grants_settings

        grants_settings.TOKEN_MODEL
        return []
    except KeyError:
        return [("tokens", "0001_initial")]


class Migration(migrations.Migration):
    dependencies = [("grants", "0002_token")]
    run_before = ordered_before()
    operations = []
