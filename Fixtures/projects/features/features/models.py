"""The models as the migrations leave them (`makemigrations --check` finds no change).

migplan reads the migrations only; this file keeps the app a normal Django app.
"""

import datetime
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField, HStoreField
from django.contrib.postgres.functions import RandomUUID
from django.contrib.postgres.indexes import BTreeIndex, GinIndex
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower, Now

from features.limits import CODE_LENGTH, DEFAULT_CODE, PRICE_DIGITS, PRICE_PLACES


class Series(models.Model):
    # Widened to bigint in 0016: the foreign keys that point at it are dropped and re-added in
    # the order of their related names (Django sorts them), not in the models' order.
    id = models.BigAutoField(primary_key=True)
    name = models.CharField(max_length=100)
    # Added in 0017 with constants imported from `features.limits`.
    code = models.CharField(max_length=CODE_LENGTH, default=DEFAULT_CODE)
    price = models.DecimalField(max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES, null=True)
    # Added in 0019, beside django-migration-linter's IgnoreMigration.
    note = models.TextField(null=True)
    # Added in 0020: DecimalField defaults in each form Django takes.
    d_zero = models.DecimalField(decimal_places=2, default=Decimal("0.00"), max_digits=6)
    d_negative = models.DecimalField(decimal_places=2, default=Decimal("-1.50"), max_digits=6)
    d_exponent = models.DecimalField(decimal_places=0, default=Decimal("1e3"), max_digits=8)
    d_small = models.DecimalField(decimal_places=8, default=Decimal(" +0.0000001 "), max_digits=10)
    d_int = models.DecimalField(decimal_places=2, default=Decimal(3), max_digits=6)
    d_from_float = models.DecimalField(decimal_places=28, default=Decimal(0.1), max_digits=30)
    d_string = models.DecimalField(decimal_places=2, default="2_5.50", max_digits=6)
    d_float = models.DecimalField(decimal_places=4, default=0.1, max_digits=5)
    d_float_rounded = models.DecimalField(decimal_places=2, default=123.456, max_digits=5)
    d_float_whole = models.DecimalField(decimal_places=2, default=2.0, max_digits=5)
    d_negative_int = models.DecimalField(decimal_places=2, default=-3, max_digits=5)
    # Added in 0021 with max_length="30", then altered to the integer (a no-op).
    label = models.CharField(max_length=30, null=True)


class Author(models.Model):
    full_name = models.CharField(max_length=100, db_comment="Full name as printed on covers")
    email = models.CharField(max_length=254, unique=True, db_collation="case_insensitive")
    slug = models.SlugField(max_length=40, db_collation="C")
    born = models.DateField(null=True)
    main_series = models.ForeignKey(Series, on_delete=models.SET_NULL, null=True)

    class Meta:
        indexes = [models.Index(fields=["full_name", "born"])]


class Imprint(models.Model):
    name = models.CharField(max_length=200, unique=True)
    country = models.CharField(max_length=2, db_default="GB")
    created_at = models.DateTimeField(db_default=Now())
    series = models.ManyToManyField(Series)
    # Fixed points in time, as defaults (0014): what Django prepares each as for its field.
    founded = models.DateTimeField(
        default=datetime.datetime(2016, 6, 10, 17, 53, 48, 889808, tzinfo=datetime.timezone.utc)
    )
    listed = models.DateField(
        default=datetime.datetime(2016, 1, 11, 23, 44, 32, tzinfo=datetime.timezone.utc)
    )
    opened = models.DateTimeField(default=datetime.date(2001, 2, 3))
    reissued = models.DateTimeField(default=datetime.datetime(1999, 12, 31, 23, 59, 59))
    closes = models.TimeField(default=datetime.time(17, 30))
    cutoff = models.DateField(default=datetime.date(2024, 2, 29))
    lead_time = models.DurationField(default=datetime.timedelta(days=2, hours=3))
    grace = models.DurationField(default=datetime.timedelta(seconds=-5, microseconds=250))
    audited = models.DateTimeField(
        db_default=datetime.datetime(2020, 1, 1, 9, 30, tzinfo=datetime.timezone.utc)
    )

    class Meta:
        db_table_comment = "Imprints (publishing brands) of a publishing house"


class Label(models.Model):
    id = models.BigAutoField(primary_key=True)
    name = models.CharField(max_length=50)

    class Meta:
        db_table = "features_labels"


class Book(models.Model):
    title = models.CharField(max_length=200)
    subtitle = models.CharField(max_length=200)
    summary = models.TextField(db_index=True)
    isbn = models.CharField(max_length=13, unique=True)
    pages = models.BigIntegerField()
    price = models.DecimalField(max_digits=8, decimal_places=2)
    quantity = models.IntegerField(default=1)
    published = models.DateField(null=True, db_index=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    publisher = models.ForeignKey(Imprint, on_delete=models.SET_NULL, null=True)
    labels = models.ManyToManyField(Label, through="BookLabel")
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, related_name="volumes"
    )
    in_print = models.BooleanField(db_default=True)
    notes = models.TextField(
        blank=True, db_default="", db_comment="Editor's notes, never shown to readers"
    )
    public_id = models.UUIDField(unique=True, db_default=RandomUUID())
    rating = models.SmallIntegerField(db_default=0)
    attributes = HStoreField(null=True)
    keywords = ArrayField(models.CharField(max_length=30), size=10, default=list, blank=True)
    scores = ArrayField(ArrayField(models.IntegerField(), size=3), size=3, null=True)
    title_lower = models.GeneratedField(
        expression=Lower("title"), output_field=models.CharField(max_length=200), db_persist=True
    )
    total = models.GeneratedField(
        expression=F("price") * F("quantity"),
        output_field=models.DecimalField(max_digits=12, decimal_places=2),
        db_persist=True,
    )

    class Meta:
        indexes = [
            models.Index(Lower("title"), name="book_title_lower_idx"),
            models.Index(
                fields=["author"], include=("title", "published"), name="book_author_covering_idx"
            ),
            models.Index(fields=["published"], condition=Q(in_print=True), name="book_in_print_idx"),
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="book_title_trgm_idx"),
            GinIndex(
                fields=["attributes"],
                fastupdate=False,
                gin_pending_list_limit=512,
                name="book_attributes_gin",
            ),
            GinIndex(fields=["keywords"], name="book_keywords_gin"),
            BTreeIndex(
                fields=["price"], fillfactor=80, deduplicate_items=False, name="book_price_btree"
            ),
            models.Index(fields=["-published"], include=["title"], name="book_published_cover_idx"),
            models.Index(fields=["isbn"], name="book_isbn_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=("publisher", "isbn"), nulls_distinct=False, name="book_publisher_isbn_uniq"
            ),
            models.UniqueConstraint(Lower("title"), F("author"), name="book_author_title_ci_uniq"),
            models.CheckConstraint(condition=Q(pages__gt=0), name="book_pages_positive"),
        ]


class BookLabel(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    label = models.ForeignKey(Label, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "features_booklabel"
        unique_together = [("book", "label")]


class Chapter(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="chapters")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, db_collation="case_insensitive")

    class Meta:
        ordering = ["book", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=("book", "number"),
                deferrable=models.Deferrable.DEFERRED,
                name="chapter_book_number_uniq",
            )
        ]


class BookTranslation(models.Model):
    pk = models.CompositePrimaryKey("book", "language")
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
