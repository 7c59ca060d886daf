"""Re-exported by `features.limits`: migplan follows the import."""

PRICE_DIGITS = 9
