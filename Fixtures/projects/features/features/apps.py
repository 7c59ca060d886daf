from django.apps import AppConfig


class FeaturesConfig(AppConfig):
    """migplan's fixture app: the Django features the corpus apps' migrations do not use."""

    name = "features"
    label = "features"
    default_auto_field = "django.db.models.BigAutoField"
