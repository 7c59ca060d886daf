"""The project's own field classes: migplan reads what their columns are from this source
(a subclass of a Django field has its column), except where a class computes its column type
or leaves a column's argument out of its migrations."""
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import JSONField as BaseJSONField
from django.utils.functional import cached_property

if TYPE_CHECKING:
    StampBase = models.DateTimeField[str, str]
else:
    StampBase = models.DateTimeField


class MoneyField(models.Field):
    """Its column type is computed: migplan learns it from `field-types` in .migplan.toml."""

    digits = 12
    places = 2

    def db_type(self, connection):
        return "numeric(%s, %s)" % (self.digits, self.places)


class ColorField(models.CharField):
    """A CharField with its own defaults and an extra argument in its migrations."""

    def __init__(self, *args, samples=None, **kwargs):
        self.samples = samples
        kwargs.setdefault("max_length", 18)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.samples:
            kwargs["samples"] = self.samples
        return name, path, args, kwargs


class QuietMixin:
    """Leaves arguments that do not touch the database out of migrations."""

    IGNORED = ["verbose_name", "help_text"]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for attr in self.IGNORED:
            kwargs.pop(attr, None)
        return name, path, args, kwargs


class CodeField(QuietMixin, models.CharField):
    """A positional argument of its own before Django's."""

    def __init__(self, prefix, *args, **kwargs):
        self.prefix = prefix
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, [self.prefix] + list(args), kwargs


class HexField(models.BigIntegerField):
    """Another column type on other databases; Django's on PostgreSQL."""

    def db_type(self, connection):
        if connection.vendor == "mysql":
            return "bigint unsigned"
        elif connection.vendor in ("sqlite", "oracle"):
            return "UNSIGNED BIG INT"
        return super().db_type(connection)


class PickleField(models.Field):
    """A plain Field whose column is a TextField's."""

    def get_internal_type(self):
        return "TextField"


class LabelField(models.Field):
    """Its own column type, whatever the database."""

    def db_type(self, connection):
        return "varchar(12)"


TagsField = BaseJSONField


class OwnerKey(models.ForeignKey):
    """A foreign key with its own defaults."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("on_delete", models.CASCADE)
        super().__init__(*args, **kwargs)


def slug_width():
    width = 0
    for _ in range(20):
        width += 1
    return width


class ShortSlugField(models.SlugField):
    """Leaves its length out of its migrations and computes it: migplan cannot tell the column."""

    def __init__(self, *args, **kwargs):
        if "max_length" not in kwargs:
            kwargs["max_length"] = slug_width()
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs


class StampField(StampBase):
    """Like django-model-utils' AutoCreatedField: a base class chosen by `TYPE_CHECKING`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


class HandleField(models.SlugField):
    """Like django-autoslug's AutoSlugField: its migrations leave out `db_index`, and `unique`
    when `unique_with` is given, and its `__init__` sets them."""

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = kwargs.get("max_length", 30)
        self.unique_with = kwargs.pop("unique_with", ())
        if isinstance(self.unique_with, str):
            self.unique_with = (self.unique_with,)
        if self.unique_with:
            kwargs["unique"] = False
        if "db_index" not in kwargs:
            kwargs["db_index"] = True
        self.allow_unicode = kwargs.pop("allow_unicode", False)
        super(models.SlugField, self).__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.max_length == 30:
            kwargs.pop("max_length", None)
        if self.unique_with:
            kwargs["unique_with"] = self.unique_with
            kwargs.pop("unique", None)
        kwargs.pop("db_index", None)
        return name, path, args, kwargs


class PinField(models.CharField):
    """Like django-extensions' RandomCharField: its migrations carry `length`, which its
    `__init__` makes the column's `max_length`."""

    def __init__(self, *args, **kwargs):
        self.length = kwargs.pop("length", None)
        kwargs["max_length"] = self.length
        if "unique" not in kwargs:
            kwargs["unique"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["length"] = self.length
        del kwargs["max_length"]
        return name, path, args, kwargs


class SealedMixin:
    """Like django-encrypted-model-fields' EncryptedMixin: no field, but its
    `get_internal_type()` makes the column of every field it is mixed into `text`."""

    def get_internal_type(self):
        return "TextField"

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if "max_length" in kwargs:
            del kwargs["max_length"]
        return name, path, args, kwargs


class SealedNumberMixin(SealedMixin):
    max_length = 20

    @cached_property
    def validators(self):
        # An integer field's validators ask the range of the internal type, which is text.
        return [*self.default_validators, *self._validators]


class SealedCharField(SealedMixin, models.CharField):
    pass


class SealedCountField(SealedNumberMixin, models.PositiveIntegerField):
    """A text column: no CHECK (value >= 0), which is a PositiveIntegerField's."""


class PictureField(models.FileField):
    """Like django-avatar's AvatarField (an ImageField): `__init__` sets the length after Django's, and
    `deconstruct()` writes no arguments at all, so a migration's `null` and `max_length` are
    not what the column gets (Django's state renders a clone built from `deconstruct()`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = 1024

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, (), {}


class WideCodeField(models.CharField):
    """Sets the length after Django's `__init__` whatever the call gives: a migration written
    when the class set another length (200 here) still gets this one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = 300


class StateSlugField(models.SlugField):
    """django-autoslug's shape: `deconstruct()` leaves `unique` out only when `unique_with` is
    set, so a migration's `unique=True` holds."""

    def __init__(self, *args, **kwargs):
        self.unique_with = kwargs.pop("unique_with", ())
        if self.unique_with:
            kwargs["unique"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.unique_with != ():
            kwargs["unique_with"] = self.unique_with
            kwargs.pop("unique", None)
        return name, path, args, kwargs


class KeyField(models.CharField):
    """edx-opaque-keys' shape: None is stored as '', so a nullable AddField writes DEFAULT ''."""

    Empty = object()

    def get_prep_value(self, value):
        if value is self.Empty or value is None:
            return ""
        return str(value)


class MacField(models.Field):
    """django-inet's MacAddressField: __init__ sets max_length from the class attribute, which
    a subclass may set again."""

    max_length = 17

    def __init__(self, **kwargs):
        kwargs["max_length"] = self.max_length
        super().__init__(**kwargs)

    def get_internal_type(self):
        return "CharField"


class WideMacField(MacField):
    max_length = 23
