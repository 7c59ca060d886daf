"""Choices and defaults a migration imports (as djangocms-style's TAG_CHOICES and wagtail's
`get_image_model_string()`): migplan reads them from this module."""

from django.conf import settings

# Not set in the oracle project's settings: the defaults given here.
TAGS = getattr(settings, "FEATURES_TAGS", ["div", "p"])
TAG_CHOICES = tuple((tag, tag) for tag in TAGS)


def default_kind():
    return getattr(settings, "FEATURES_DEFAULT_KIND", "plain")


class ChoiceSetMeta(type):
    """A metaclass that neither makes classes nor reads their attributes (nautobot's)."""

    def __call__(cls, *args, **kwargs):
        return getattr(cls, "CHOICES", ())

    def __iter__(cls):
        return iter(getattr(cls, "CHOICES", ()))


class ChoiceSet(metaclass=ChoiceSetMeta):
    CHOICES = ()


class StatusChoices(ChoiceSet):
    """A plain class whose attributes are strings (nautobot's `ObjectChangeEventContextChoices`)."""

    ACTIVE = "active"
    RETIRED = "retired"
    CHOICES = ((ACTIVE, "Active"), (RETIRED, "Retired"))


class Limits:
    PAGE_SIZE = 25


def default_settings():
    """A callable JSONField default that returns a constant (pretalx's `default_feature_flags`)."""
    return {
        "flow": {},
        "count_length_in": "chars",
        "show_deadline": True,
        "limit": None,
        "sizes": [1, 2.5],
    }
