"""Limits a migration imports instead of writing numbers (as django-money's migrations import
`CURRENCY_CODE_MAX_LENGTH` from its settings module): migplan reads them from this module."""

from django.conf import settings

from features.sizes import PRICE_DIGITS

# Not set in the oracle project's settings: the default given here.
CODE_LENGTH = getattr(settings, "FEATURES_CODE_LENGTH", 12)
PRICE_PLACES = 2
DEFAULT_CODE = "none"
PRICE_DIGITS = PRICE_DIGITS
SLUG_LENGTH = 255
