"""Usage rights: the desk's usage categories, supplier agreements, each asset's category and
restrictions, and leases that allow or deny use over a window.

Whether a picture may run is decided by ``archive.rights.rules`` from these records; the
models hold only rules about one record (``clean()`` and constraints).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from archive.models.windows import covering, ends_after_start
from archive.rights.media import MEDIA
from archive.text import credit_key, printed_credit_name


class Cost(models.TextChoices):
    FREE = "free", "Free"
    CONDITIONAL = "conditional", "Conditional"
    PAY = "pay", "Pay"


class UsageCategory(models.Model):
    """One of the desk's usage categories (agency, staff, handout, ...): an editable table."""

    code = models.SlugField(max_length=40, unique=True, help_text="A short code: agency, pr.")
    name = models.CharField(max_length=100, help_text="As the desk says it.")
    cost = models.CharField(
        max_length=12,
        choices=Cost.choices,
        default=Cost.PAY,
        help_text="The cost when no supplier agreement says otherwise.",
    )
    needs_licence = models.BooleanField(
        default=True,
        help_text="Whether a licence or agreement must cover a use (staff pictures need none).",
    )
    restrictions = models.TextField(
        blank=True, help_text="What always applies to pictures of this category."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists.")

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "usage categories"

    def __str__(self) -> str:
        return self.name


class SupplierAgreementQuerySet(models.QuerySet):
    def in_force(self, on: date) -> SupplierAgreementQuerySet:
        return self.filter(covering(on, ends="ends_on"))


class SupplierAgreement(models.Model):
    """What a supplier lets the desk do with its pictures: the defaults of every asset
    credited to it, in the categories it covers."""

    supplier = models.ForeignKey(
        "archive.Credit",
        on_delete=models.CASCADE,
        related_name="agreements",
        help_text="The credit its pictures carry.",
    )
    name = models.CharField(max_length=200, blank=True, help_text="Contract name or number.")
    categories = models.ManyToManyField(
        UsageCategory,
        blank=True,
        related_name="agreements",
        help_text="The categories it covers; an asset with no category takes the first.",
    )
    web = models.BooleanField(default=True, help_text="Covers use on the web site.")
    print = models.BooleanField(default=True, help_text="Covers use in print.")
    social = models.BooleanField(default=False, help_text="Covers use on social media.")
    syndication = models.BooleanField(
        default=False, help_text="Covers passing pictures on to partners."
    )
    training = models.BooleanField(
        default=False, help_text="Covers putting pictures in an AI training set."
    )
    territories = models.CharField(
        max_length=300,
        blank=True,
        help_text="Country codes, comma separated (GB, IE); empty or “worldwide”: everywhere.",
    )
    cost = models.CharField(
        max_length=12, choices=Cost.choices, blank=True, help_text="Empty: the category's cost."
    )
    required_credit_line = models.CharField(
        max_length=300, blank=True, help_text="The credit line it requires, as printed."
    )
    # The required line's matching key (credit_key of its printed name), for comparisons.
    required_credit_key = models.TextField(blank=True, editable=False)
    monthly_quota = models.PositiveIntegerField(
        null=True, blank=True, help_text="Uses a calendar month; empty: no quota."
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True, help_text="The last day it covers.")
    restrictions = models.TextField(blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="A demonstration record made by the seed."
    )

    history = HistoricalRecords(excluded_fields=["required_credit_key"])
    objects = SupplierAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["supplier", "-starts_on", "-id"]
        constraints = [
            ends_after_start(
                "agreement_ends_after_start",
                ends="ends_on",
                message="An agreement cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"Agreement with {self.supplier}" + (f" ({self.name})" if self.name else "")

    def save(self, *args, **kwargs) -> None:
        self.required_credit_key = credit_key(printed_credit_name(self.required_credit_line))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not any(getattr(self, medium) for medium in MEDIA):
            raise ValidationError("An agreement must cover at least one medium.")

    @property
    def media(self) -> frozenset[str]:
        return frozenset(medium for medium in MEDIA if getattr(self, medium))


class UsageRights(models.Model):
    """An asset's usage category and its own restrictions."""

    asset = models.OneToOneField(
        "archive.Asset", on_delete=models.CASCADE, related_name="usage_rights"
    )
    category = models.ForeignKey(
        UsageCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty: the first category of its supplier's agreement.",
    )
    restrictions = models.TextField(blank=True, help_text="What applies to this picture.")

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "usage rights"

    def __str__(self) -> str:
        return f"Usage rights of {self.asset}"


class MediaLeaseQuerySet(models.QuerySet):
    def in_force(self, on: date) -> MediaLeaseQuerySet:
        return self.filter(covering(on, ends="ends_on"))


class MediaLease(models.Model):
    """A lease on an asset: allow or deny its use (or syndication) from one day to another.
    Once its last day has passed it no longer warns."""

    class Access(models.TextChoices):
        ALLOW = "allow", "Allow"
        DENY = "deny", "Deny"

    class Scope(models.TextChoices):
        USE = "use", "Use"
        SYNDICATION = "syndication", "Syndication"

    asset = models.ForeignKey("archive.Asset", on_delete=models.CASCADE, related_name="leases")
    access = models.CharField(max_length=5, choices=Access.choices, default=Access.DENY)
    scope = models.CharField(max_length=12, choices=Scope.choices, default=Scope.USE)
    starts_on = models.DateField(null=True, blank=True, help_text="Empty: from now on.")
    ends_on = models.DateField(null=True, blank=True, help_text="The last day; empty: open.")
    note = models.TextField(blank=True, help_text="Why: shown with every verdict it decides.")
    is_demo = models.BooleanField(
        default=False, help_text="A demonstration record made by the seed."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MediaLeaseQuerySet.as_manager()

    class Meta:
        ordering = ["asset", "-starts_on", "-id"]
        indexes = [models.Index(fields=["asset", "access", "scope"], name="lease_asset_access")]
        constraints = [
            ends_after_start(
                "lease_ends_after_start",
                ends="ends_on",
                message="A lease cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_access_display()} {self.get_scope_display().lower()} of {self.asset}"


class SupplierDayUsage(models.Model):
    """How many placements of a supplier's pictures in one usage category were published on
    one day: the uses a monthly quota counts, kept by ``archive.rights.usage`` (derived,
    never edited). Keyed by what a placement itself has, so editing an agreement's
    categories or window changes no row; a month's uses are the sum of its days' rows."""

    credit = models.ForeignKey(
        "archive.Credit", on_delete=models.CASCADE, related_name="+", help_text="The supplier."
    )
    # The asset's usage category id (0: none); not a foreign key, so that "none" is a value
    # the unique constraint compares (NULLs would never collide).
    category = models.PositiveIntegerField(default=0, help_text="Usage category id; 0: none.")
    day = models.DateField(help_text="The article's publication day.")
    uses = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "supplier's uses on a day"
        verbose_name_plural = "suppliers' uses by day"
        constraints = [
            models.UniqueConstraint(
                fields=["credit", "day", "category"], name="supplier_day_usage_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.uses} uses of credit {self.credit_id} on {self.day}"
