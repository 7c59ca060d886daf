from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from timezone_field import TimeZoneField

from shop import fields


def states():
    # djangocms-audio's get_templates(): a list a setting extends.
    choices = [("new", _("New"))]
    choices += getattr(settings, "SHOP_STATES", [])
    return choices


class Order(models.Model):
    total = models.BigIntegerField(db_index=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    groups = models.ManyToManyField("auth.Group")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reviewed_orders"
    )
    price = fields.MoneyField(null=True)
    color = fields.ColorField(null=True, samples=["#fff"], unique=True)
    code = fields.CodeField("ord", db_index=True, null=True)
    serial = fields.HexField(null=True)
    notes = fields.PickleField(null=True)
    label = fields.LabelField(null=True)
    tags = fields.TagsField(null=True)
    approver = fields.OwnerKey(settings.AUTH_USER_MODEL, null=True, related_name="approved_orders")
    slug = fields.ShortSlugField(null=True)
    note = models.TextField(null=True)
    ref = models.CharField(max_length=40, null=True)
    stamped = fields.StampField(null=True)
    handle = fields.HandleField(null=True)
    team_handle = fields.HandleField(null=True, unique=True, unique_with="owner")
    pin = fields.PinField(length=12, null=True)
    secret = fields.SealedCharField(max_length=40, null=True, db_index=True)
    secret_count = fields.SealedCountField(null=True)
    zone = TimeZoneField(null=True)
    state = models.CharField(max_length=30, default=states()[0][0], choices=states())
    picture = fields.PictureField(upload_to="pictures")
    wide_code = fields.WideCodeField(max_length=300, null=True)
    mac = fields.MacField(null=True)
    wide_mac = fields.WideMacField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["total"], name="shop_order_total_idx"),
            models.Index(fields=["total", "-note"], name="order_total_note_idx"),
        ]
        constraints = [models.CheckConstraint(condition=models.Q(total__gte=0), name="order_total_gte_0")]
