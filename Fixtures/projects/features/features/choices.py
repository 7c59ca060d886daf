"""Choices and defaults a migration imports (as djangocms-style's TAG_CHOICES and wagtail's
`get_image_model_string()`): migplan reads them from this module."""

from django.conf import settings

# Not set in the oracle project's settings: the defaults given here.
TAGS = getattr(settings, "FEATURES_TAGS", ["div", "p"])
TAG_CHOICES = tuple((tag, tag) for tag in TAGS)


def default_kind():
    return getattr(settings, "FEATURES_DEFAULT_KIND", "plain")
