"""The archive's domain: credits, assets (pictures, videos and their stills), licences,
articles, placements, claims and the links between claims and pictures.

Rules about one record live here, in ``clean()`` and ``Meta.constraints``, so that the admin,
the ingest pipeline and the seed loader all obey them. Queries about many records are QuerySet
methods. Workflows with side effects (ingest, seed, import) live in their own modules.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


def credit_key(text: str) -> str:
    """Return the matching key of a credit name: case, accents, punctuation and spaces ignored.

    ``GETTY``, ``Getty`` and ``getty.`` share a key; ``Getty Images`` does not (it is an
    alias, recorded as such), so that unrelated names are never merged by accident.
    """
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", folded)


class CreditQuerySet(models.QuerySet):
    def matching(self, text: str) -> CreditQuerySet:
        """Credits whose name or alias matches ``text`` (case and punctuation ignored)."""
        return self.filter(aliases__key=credit_key(text)).distinct()

    def unreviewed(self) -> CreditQuerySet:
        return self.filter(reviewed=False)


class Credit(models.Model):
    """Who a picture is credited to, as a newsroom prints it (``GETTY``, ``NC``, ``Twitter``)."""

    class Kind(models.TextChoices):
        AGENCY = "agency", "Agency"
        SOCIAL = "social", "Social platform"
        IN_HOUSE = "in_house", "In-house"
        INDIVIDUAL = "individual", "Individual"
        HANDOUT = "handout", "Handout / pool"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(
        max_length=200, unique=True, help_text="The canonical name, as the desk prints it."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNKNOWN)
    reviewed = models.BooleanField(
        default=False,
        help_text="Unreviewed credits were created by an upload or import and await an "
        "archivist, who confirms them or merges them into an existing credit.",
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # The canonical name is always one of the credit's aliases, so one lookup finds both.
        key = credit_key(self.name)
        if key and not CreditAlias.objects.filter(key=key).exists():
            CreditAlias.objects.create(credit=self, alias=self.name, key=key)

    def clean(self) -> None:
        key = credit_key(self.name)
        if not key:
            raise ValidationError({"name": "A credit needs at least one letter or digit."})
        clash = CreditAlias.objects.filter(key=key).exclude(credit_id=self.pk).first()
        if clash:
            raise ValidationError(
                {"name": f"“{self.name}” is already an alias of the credit “{clash.credit}”."}
            )


class CreditAlias(models.Model):
    """Another spelling of a credit: ``Getty Images`` and ``Getty`` for ``GETTY``."""

    credit = models.ForeignKey(Credit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200, help_text="The spelling as printed or embedded.")
    key = models.CharField(
        max_length=200,
        unique=True,
        editable=False,
        help_text="Matching key: lower case, no accents, punctuation or spaces.",
    )

    class Meta:
        verbose_name_plural = "credit aliases"
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.key = credit_key(self.alias)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.key = credit_key(self.alias)
        if not self.key:
            raise ValidationError({"alias": "An alias needs at least one letter or digit."})
        clash = CreditAlias.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if clash and clash.credit_id != self.credit_id:
            raise ValidationError(
                {"alias": f"“{self.alias}” already belongs to the credit “{clash.credit}”."}
            )


def asset_upload_to(instance: Asset, filename: str) -> str:
    """Name stored originals by their content hash: unguessable, ASCII and unique."""
    extension = (instance.format or "bin").lower()
    return f"originals/{instance.sha256[:2]}/{instance.sha256}.{extension}"


class AssetQuerySet(models.QuerySet):
    def pictures(self) -> AssetQuerySet:
        return self.exclude(kind=Asset.Kind.VIDEO)

    def credited_to(self, credit: Credit | str) -> AssetQuerySet:
        """Assets whose credit is ``credit`` or a name/alias of it."""
        if isinstance(credit, Credit):
            return self.filter(credit=credit)
        return self.filter(credit__aliases__key=credit_key(credit)).distinct()

    def illustrating(self, claim: Claim) -> AssetQuerySet:
        return self.filter(illustrations__claim=claim)

    def look_alikes_of(self, phash: str) -> AssetQuerySet:
        """Assets sharing at least one pHash band with ``phash`` (candidates, to be measured)."""
        if len(phash) != 16:
            return self.none()
        bands = Q()
        for index in range(4):
            bands |= Q(**{f"phash_band{index}": phash[index * 4 : index * 4 + 4]})
        return self.filter(bands)

    def with_listing_data(self) -> AssetQuerySet:
        """Fetch what lists show (credit, video) without one query per row."""
        return self.select_related("credit", "video")

    def with_licence_status(self, on: date | None = None) -> AssetQuerySet:
        """Annotate ``licence_status``: ``none``, ``expired``, ``expiring`` or ``valid`` on ``on``.

        ``none``: no licence recorded; ``valid``: a licence covers ``on`` and runs past the
        warning window (``ARCHIVE_EXPIRY_WARNING_DAYS``) or never expires; ``expiring``: the
        licences covering ``on`` all end within the window; ``expired``: licences exist but
        none covers ``on``. Queryable: filter and count on it like on a field.

        Computed from the licence window stored on the asset (``licence_window_values``), so
        no licence is read, except for the rare asset whose licences have no single licence
        spanning them all: those are decided from their licences (``licence_status_from_rows``).
        """
        return self.annotate(licence_status=licence_status_expression(on))


MAX_ID = 2**63 - 1  # the largest id a BigAutoField holds (SQLite's and PostgreSQL's bigint)


def record_id(value) -> int | None:
    """Return ``value`` (from an address or a form) as an id that could exist: digits within
    the database's integer range; else ``None`` (a bigger number overflows the query)."""
    text = str(value if value is not None else "").strip()
    if text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None


# Each kind's code in the search facets' packed key (``Asset.facet_base``); 0: none.
KIND_CODES = {"photo": 1, "still": 2, "social": 3, "graphic": 4, "video": 5}
FACET_YEARS = 10000  # the year's place in the packed key


# What the search facets read of each hit (see the indexes in Asset.Meta).
FACET_FIELDS = (
    "facet_base",
    "licence_count",
    "licence_window_single",
    "licence_starts_on",
    "licence_expires_on",
)
# Stored on each asset for the licence audit (see Asset); kept out of its history.
AUDIT_FACT_FIELDS = (
    "licence_verified",
    "licence_kinds",
    "licence_licensors",
    "licence_licensor_key",
    "placement_count",
    "printed_credits",
    "printed_credit_id",
    "printed_line_only",
)


class Asset(models.Model):
    """One stored file: a photo, a still cut from a video, a social capture, a graphic or a video."""

    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo"
        STILL = "still", "Video still"
        SOCIAL = "social", "Social-media capture"
        GRAPHIC = "graphic", "Graphic (map, chart)"
        VIDEO = "video", "Video"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHOTO, db_index=True)
    file = models.FileField(
        upload_to=asset_upload_to, max_length=255, help_text="The original file, as received."
    )
    sha256 = models.CharField(
        "SHA-256", max_length=64, unique=True, editable=False, help_text="Hash of the original."
    )
    phash = models.CharField(
        "perceptual hash",
        max_length=16,
        blank=True,
        db_index=True,
        editable=False,
        help_text="64-bit pHash (hex) for finding look-alikes.",
    )
    # The pHash cut in four 16-bit bands, each indexed: two hashes within 3 bits of each other
    # share at least one band (pigeonhole), so look-alikes are found without a full scan.
    phash_band0 = models.CharField(max_length=4, blank=True, db_index=True, editable=False)
    phash_band1 = models.CharField(max_length=4, blank=True, db_index=True, editable=False)
    phash_band2 = models.CharField(max_length=4, blank=True, db_index=True, editable=False)
    phash_band3 = models.CharField(max_length=4, blank=True, db_index=True, editable=False)
    format = models.CharField(max_length=10, editable=False, help_text="jpeg, png, mp4 …")
    mime_type = models.CharField(max_length=50, editable=False, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    bytes = models.PositiveBigIntegerField(editable=False, default=0)
    duration = models.FloatField(
        null=True, blank=True, editable=False, help_text="Length of a video, in seconds."
    )
    original_filename = models.CharField(max_length=255, blank=True, editable=False)

    title = models.CharField(
        max_length=500, blank=True, help_text="Short title; also the default alt text."
    )
    description = models.TextField(
        "caption",
        blank=True,
        help_text="The caption as catalogued (printed captions are on placements).",
    )
    credit = models.ForeignKey(
        Credit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assets",
        help_text="Who the picture is credited to.",
    )
    creator = models.CharField(max_length=300, blank=True, help_text="Photographer or author.")
    copyright_notice = models.CharField(max_length=500, blank=True)
    source = models.CharField(
        max_length=300, blank=True, help_text="Who supplied the file (agency feed, social account)."
    )
    date_taken = models.DateTimeField(null=True, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    web_statement = models.URLField(
        "web statement of rights", max_length=500, blank=True, help_text="xmpRights:WebStatement"
    )
    usage_terms = models.TextField(blank=True, help_text="xmpRights:UsageTerms as embedded.")

    video = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stills",
        limit_choices_to={"kind": "video"},
        help_text="For a still: the video it was cut from.",
        db_index=False,  # a partial index below: most assets are not stills
    )
    timecode = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="For a still: where in the video it was cut, in seconds.",
    )
    near_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="look_alikes",
        editable=False,
        help_text="An earlier asset that looks the same (resized, re-encoded or cropped).",
        db_index=False,  # a partial index below: most assets have no look-alike
    )

    embedded_metadata = models.JSONField(
        default=dict, blank=True, editable=False, help_text="IPTC, XMP and EXIF as read, raw."
    )
    embedded_credit = models.TextField(
        blank=True,
        editable=False,
        help_text="The credit embedded in the file (XMP photoshop:Credit, else IPTC Credit).",
    )
    # Its matching key (credit_key), kept so the licence audit compares credits in SQL.
    embedded_credit_key = models.TextField(blank=True, editable=False)
    metadata_warnings = models.JSONField(default=list, blank=True, editable=False)
    # Fields the archivist typed: re-reading embedded metadata never overwrites them.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)

    thumbnail = models.CharField(max_length=255, blank=True, editable=False)
    preview = models.CharField(max_length=255, blank=True, editable=False)

    fixity_checked_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When `manage.py fixity` last re-hashed it.",
    )
    fixity_status = models.CharField(
        max_length=10, blank=True, editable=False, help_text="ok, missing or altered."
    )

    # The licences' window, kept by ``refresh_licence_windows`` (Licence signals, bulk loaders)
    # so search decides the licence status by comparing dates, without reading licences.
    licence_count = models.PositiveIntegerField(default=0, editable=False)
    licence_starts_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Earliest start; empty: open."
    )
    licence_expires_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Latest expiry; empty: never."
    )
    licence_window_single = models.BooleanField(
        default=True, editable=False, help_text="One licence spans the whole window."
    )
    # What the licence audit reads of the licences and placements, kept beside the window (by
    # ``refresh_licence_windows`` and ``refresh_placement_facts``) so the report's summary is
    # one pass over the assets. Nothing here depends on credits or aliases: those are
    # compared when the report runs, so merging credits or editing aliases leaves it true.
    licence_verified = models.BooleanField(
        default=False, editable=False, help_text="At least one licence was verified."
    )
    licence_kinds = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="1: a social-embed licence; 2: another type; 3: both."
    )
    licence_licensors = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="How many different licensors (by matching key)."
    )
    licence_licensor_key = models.TextField(
        blank=True, editable=False, help_text="The licensors' matching key, when there is one."
    )
    placement_count = models.PositiveIntegerField(default=0, editable=False)
    printed_credits = models.PositiveSmallIntegerField(
        default=0,
        editable=False,
        help_text="How many different credit records it is printed under.",
    )
    printed_credit_id = models.IntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="The credit record it is printed under, when one.",
    )
    printed_line_only = models.BooleanField(
        default=False,
        editable=False,
        help_text="A placement prints a credit line with no credit record.",
    )

    # The search facets' grouping key without the licence status (which depends on the day):
    # (credit * 8 + kind code) * 10000 + UTC year taken, each 0 when missing. Written by
    # database triggers (migration 0010) on every insert and on every change of credit, kind
    # or date taken, whatever the path (save, update, bulk_create, raw SQL), so never stale.
    # A plain column, not a GeneratedField: SQLite does not read a generated column from a
    # covering index, and the facets must read only their index.
    facet_base = models.BigIntegerField(default=0, editable=False)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(
        excluded_fields=[
            "facet_base",
            "updated_at",
            "embedded_metadata",
            "embedded_credit",
            "embedded_credit_key",
            "fixity_checked_at",
            "fixity_status",
            "licence_count",
            "licence_starts_on",
            "licence_expires_on",
            "licence_window_single",
            *AUDIT_FACT_FIELDS,
        ]
    )
    objects = AssetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="asset_still_has_video_and_timecode",
                condition=(
                    Q(kind="still", video__isnull=False, timecode__isnull=False, timecode__gte=0)
                    | (~Q(kind="still") & Q(video__isnull=True, timecode__isnull=True))
                ),
                violation_error_message="A still needs its video and a timecode of zero or "
                "more; other kinds have neither.",
            ),
            models.UniqueConstraint(
                fields=["video", "timecode"],
                name="asset_one_still_per_timecode",
                violation_error_message="This video already has a still at that timecode.",
            ),
        ]
        permissions = [
            ("download_original", "Can download original files"),
        ]
        indexes = [
            # Cover what the search facets read per hit: counting a broad search's hits by
            # credit, kind, year and licence status reads one narrow index entry per hit
            # (found by id for text searches, in a range for a credit filter), not the rows.
            # (credit, kind and date taken too: the filters a text search may add.)
            models.Index(
                fields=["id", "credit", "kind", "date_taken", *FACET_FIELDS],
                name="asset_search_facets",
            ),
            models.Index(fields=["credit", "id", *FACET_FIELDS], name="asset_credit_facets"),
            # Covers what the licence report's summary reads per asset, so it scans this
            # instead of rows that carry kilobytes of embedded metadata.
            models.Index(
                fields=[
                    "id",
                    "credit",
                    "file",
                    "embedded_credit_key",
                    "near_duplicate_of",
                    "licence_count",
                    "licence_window_single",
                    "licence_starts_on",
                    "licence_expires_on",
                    *AUDIT_FACT_FIELDS,
                ],
                name="asset_audit_facts",
            ),
            # Most assets are neither stills nor look-alikes: a full index on these columns
            # holds one huge group of NULLs, and SQLite's statistics then call it useless
            # (finding a page of results' look-alikes scanned the whole archive: 490 ms at
            # 1M). Without the NULLs the index is small and always chosen.
            models.Index(
                fields=["near_duplicate_of"],
                condition=Q(near_duplicate_of__isnull=False),
                name="asset_look_alikes",
            ),
            models.Index(fields=["video"], condition=Q(video__isnull=False), name="asset_stills"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title or self.original_filename or self.kind}"

    def save(self, *args, **kwargs) -> None:
        for index in range(4):
            band = self.phash[index * 4 : index * 4 + 4] if len(self.phash) == 16 else ""
            setattr(self, f"phash_band{index}", band)
        self.set_embedded_credit()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:asset-detail", args=[self.pk])

    def set_embedded_credit(self) -> None:
        """Derive the embedded credit and its key from the metadata (bulk writes call this)."""
        from archive.audit import embedded_credit  # the audit rule's own reading

        self.embedded_credit = embedded_credit(self.embedded_metadata)
        self.embedded_credit_key = credit_key(self.embedded_credit)

    def clean(self) -> None:
        errors = {}
        if self.kind == self.Kind.STILL:
            if self.video_id is None:
                errors["video"] = "A still must name the video it was cut from."
            elif self.video and self.video.kind != self.Kind.VIDEO:
                errors["video"] = "A still can only be cut from a video asset."
            if self.timecode is None:
                errors["timecode"] = "A still needs a timecode (seconds into the video)."
            elif (
                self.video
                and self.video.duration is not None
                and self.timecode > self.video.duration
            ):
                errors["timecode"] = f"The video is only {self.video.duration:.2f} s long."
        else:
            if self.video_id is not None:
                errors["video"] = "Only a still points at a video."
            if self.timecode is not None:
                errors["timecode"] = "Only a still has a timecode."
        if errors:
            raise ValidationError(errors)

    @property
    def credit_line(self) -> str:
        """The credit line ready to print, in the house style ``(Image: GETTY)``."""
        return f"(Image: {self.credit.name})" if self.credit_id else ""

    @property
    def is_video(self) -> bool:
        return self.kind == self.Kind.VIDEO

    @property
    def printed_caption(self) -> str:
        """The first caption printed with this asset, else the catalogued caption."""
        placement = self.placements.exclude(caption="").order_by("article__published_on").first()
        return placement.caption if placement else self.description


class LicenceQuerySet(models.QuerySet):
    def current(self, on: date | None = None) -> LicenceQuerySet:
        on = on or timezone.localdate()
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on)).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on)
        )

    def expired(self, on: date | None = None) -> LicenceQuerySet:
        return self.filter(expires_on__lt=on or timezone.localdate())


class Licence(models.Model):
    """The right to use an asset. An asset may have several over time."""

    class Type(models.TextChoices):
        RIGHTS_MANAGED = "rights_managed", "Rights-managed"
        ROYALTY_FREE = "royalty_free", "Royalty-free"
        EDITORIAL = "editorial", "Editorial use only"
        CREATIVE_COMMONS = "creative_commons", "Creative Commons"
        SOCIAL_EMBED = "social_embed", "Social embed only"
        IN_HOUSE = "in_house", "In-house"
        HANDOUT = "handout", "Handout"
        UNKNOWN = "unknown", "Unknown"

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="licences")
    licence_type = models.CharField(max_length=20, choices=Type.choices, default=Type.UNKNOWN)
    licensor = models.CharField(max_length=300, blank=True, help_text="Who grants the licence.")
    # The licensor's matching key (credit_key), kept so the licence audit compares in SQL.
    licensor_key = models.TextField(blank=True, editable=False)
    reference = models.CharField(
        max_length=200, blank=True, help_text="Invoice, contract or licence number."
    )
    starts_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True, db_index=True)
    territory = models.CharField(max_length=200, blank=True, help_text="Where it may be used.")
    permitted_uses = models.TextField(blank=True)
    restrictions = models.TextField(blank=True)
    document = models.FileField(upload_to="licences/", blank=True, max_length=255)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="A demonstration record made by the seed, not a real licence."
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["licensor_key"])
    objects = LicenceQuerySet.as_manager()

    class Meta:
        ordering = ["asset", "-starts_on", "-id"]
        permissions = [("view_licence_report", "Can open the licence report")]
        indexes = [
            # Covers everything the licence audit reads from a licence, in asset order.
            models.Index(
                fields=[
                    "asset",
                    "licensor_key",
                    "starts_on",
                    "expires_on",
                    "verified_at",
                    "licence_type",
                ],
                name="licence_audit_covering",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="licence_expires_after_start",
                condition=Q(starts_on__isnull=True)
                | Q(expires_on__isnull=True)
                | Q(expires_on__gte=models.F("starts_on")),
                violation_error_message="A licence cannot expire before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_licence_type_display()} licence for {self.asset}"

    def save(self, *args, **kwargs) -> None:
        self.licensor_key = credit_key(self.licensor)
        super().save(*args, **kwargs)


def licence_status_from_rows(
    on: date | None = None, codes: dict[str, int] | None = None
) -> models.Case:
    """Return the licence status on ``on`` decided from the asset's licence rows.

    With ``codes``, each status comes out as its integer code instead of its name.
    """
    on = on or timezone.localdate()
    horizon = on + timedelta(days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
    value = status_value(codes)
    licences = Licence.objects.filter(asset=models.OuterRef("pk"))
    covering = licences.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on)).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=on)
    )
    lasting = covering.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=horizon))
    return models.Case(
        models.When(~models.Exists(licences), then=value("none")),
        models.When(models.Exists(lasting), then=value("valid")),
        models.When(models.Exists(covering), then=value("expiring")),
        default=value("expired"),
        output_field=models.IntegerField() if codes else models.CharField(),
    )


def licence_status_expression(
    on: date | None = None, codes: dict[str, int] | None = None
) -> models.Case:
    """Return the licence status on ``on`` from the window stored on the asset.

    When one licence spans the window (starts first and ends last), the asset's status is
    that licence's status, so comparing the window with ``on`` is exact; otherwise (licences
    with a gap or staggered ends, rare) the status is decided from the licence rows. With
    ``codes``, each status comes out as its integer code instead of its name.
    """
    on = on or timezone.localdate()
    horizon = on + timedelta(days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
    value = status_value(codes)
    started = Q(licence_starts_on__isnull=True) | Q(licence_starts_on__lte=on)
    return models.Case(
        models.When(licence_count=0, then=value("none")),
        models.When(licence_window_single=False, then=licence_status_from_rows(on, codes)),
        models.When(
            started & (Q(licence_expires_on__isnull=True) | Q(licence_expires_on__gt=horizon)),
            then=value("valid"),
        ),
        models.When(started & Q(licence_expires_on__gte=on), then=value("expiring")),
        default=value("expired"),
        output_field=models.IntegerField() if codes else models.CharField(),
    )


def status_value(codes: dict[str, int] | None):
    """Return a function giving a status's SQL value: its name, or its code from ``codes``."""
    return lambda name: models.Value(codes[name] if codes else name)


def own_aggregate(
    rows: models.QuerySet, function: type[models.Aggregate], *args, by: str = "asset", **kwargs
):
    """Return a subquery aggregating ``rows`` (already narrowed to one asset, or to one of
    what ``by`` names) into one value."""
    values = rows.values(by).annotate(value=function(*args, **kwargs)).values("value")
    return models.Subquery(values)


def licence_window_values(licences: models.Manager) -> tuple[dict, dict]:
    """Return the two ``update()`` value sets that store each asset's licence window.

    First the count, the earliest start and the latest expiry (NULL when any licence has
    none: open-ended), then whether one licence spans that whole window. ``licences`` is the
    Licence manager (the historical one in migrations).
    """
    own = licences.filter(asset=models.OuterRef("pk")).order_by()
    counted = {
        "licence_count": models.functions.Coalesce(own_aggregate(own, models.Count, "id"), 0),
        "licence_starts_on": models.Case(
            models.When(models.Exists(own.filter(starts_on__isnull=True)), then=models.Value(None)),
            default=own_aggregate(own, models.Min, "starts_on"),
            output_field=models.DateField(),
        ),
        "licence_expires_on": models.Case(
            models.When(
                models.Exists(own.filter(expires_on__isnull=True)), then=models.Value(None)
            ),
            default=own_aggregate(own, models.Max, "expires_on"),
            output_field=models.DateField(),
        ),
    }
    # Any licence's NULL bound makes the window's NULL, so "equal or NULL" means "the same
    # bound as the window" on both sides.
    spanning = own.filter(
        Q(starts_on__isnull=True) | Q(starts_on=models.OuterRef("licence_starts_on")),
        Q(expires_on__isnull=True) | Q(expires_on=models.OuterRef("licence_expires_on")),
    )
    single = {
        "licence_window_single": models.Case(
            models.When(licence_count__lte=1, then=models.Value(True)),
            default=models.Exists(spanning),
            output_field=models.BooleanField(),
        )
    }
    return counted, single


def licence_fact_values(licences: models.Manager) -> dict:
    """Return the ``update()`` values storing what the licence audit needs of the licences:
    whether one was verified, the kinds held (social embed, other) and the licensors' keys."""
    own = licences.filter(asset=models.OuterRef("pk")).order_by()
    embed = "social_embed"

    def held(condition: Q) -> models.Expression:
        return models.Case(
            models.When(models.Exists(own.filter(condition)), then=models.Value(1)),
            default=models.Value(0),
        )

    named = ~Q(licensor_key="")
    return {
        "licence_verified": models.Exists(own.filter(verified_at__isnull=False)),
        "licence_kinds": held(Q(licence_type=embed)) + 2 * held(~Q(licence_type=embed)),
        "licence_licensors": models.functions.Coalesce(
            own_aggregate(own, models.Count, "licensor_key", distinct=True, filter=named), 0
        ),
        "licence_licensor_key": models.functions.Coalesce(
            own_aggregate(own.filter(named), models.Min, "licensor_key"), models.Value("")
        ),
    }


def refresh_licence_windows(assets: models.QuerySet | None = None) -> None:
    """Store the licence window and audit facts of ``assets`` (all when None); bulk loaders
    call it, since ``bulk_create`` and ``update`` send no signals."""
    assets = Asset.objects.all() if assets is None else assets
    counted, single = licence_window_values(Licence.objects)
    assets.update(**counted, **licence_fact_values(Licence.objects))
    assets.update(**single)


def placement_fact_values(placements: models.Manager) -> dict:
    """Return the ``update()`` values storing what the licence audit needs of the placements:
    how many, the credit records printed (how many, which when one), a bare credit line."""
    own = placements.filter(asset=models.OuterRef("pk")).order_by()
    return {
        "placement_count": models.functions.Coalesce(own_aggregate(own, models.Count, "id"), 0),
        "printed_credits": models.functions.Coalesce(
            own_aggregate(own, models.Count, "credit", distinct=True), 0
        ),
        "printed_credit_id": own_aggregate(own, models.Min, "credit"),
        "printed_line_only": models.Exists(own.filter(credit__isnull=True).exclude(credit_line="")),
    }


def refresh_placement_facts(assets: models.QuerySet | None = None) -> None:
    """Store the placement facts of ``assets`` (all when None); bulk loaders call it."""
    assets = Asset.objects.all() if assets is None else assets
    assets.update(**placement_fact_values(Placement.objects))


class ArticleQuerySet(models.QuerySet):
    pass


class Article(models.Model):
    """A published story."""

    headline = models.CharField(max_length=500)
    publication = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    source_text = models.TextField(blank=True, help_text="The article as received (text or HTML).")
    source_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the source text."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["source_text"])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="article_unique_url",
                violation_error_message="An article with this URL is already archived.",
            ),
            models.UniqueConstraint(
                fields=["source_hash"],
                condition=~Q(source_hash=""),
                name="article_unique_source",
                violation_error_message="This article text is already archived.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("archive:article-detail", args=[self.pk])


class Placement(models.Model):
    """An asset as used in an article: the caption and credit line exactly as printed."""

    class Kind(models.TextChoices):
        PICTURE = "picture", "Picture"
        VIDEO = "video", "Video"
        STILL = "still", "Video still"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="placements")
    asset = models.ForeignKey(
        Asset,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        help_text="Empty while the file is awaited.",
    )
    position = models.PositiveIntegerField(help_text="Order in the article, from 1.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PICTURE)
    title = models.CharField(
        max_length=500, blank=True, help_text="A heading printed above it (a video's title)."
    )
    caption = models.TextField(blank=True, help_text="Exactly as printed, credit line included.")
    credit_line = models.CharField(
        max_length=300, blank=True, help_text="The credit exactly as printed: “(Image: GETTY)”."
    )
    credit = models.ForeignKey(
        Credit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        help_text="The credit the printed line names, matched through aliases.",
    )
    alt_text = models.CharField(max_length=500, blank=True)
    # Kept on the placement (not only as Illustrations, which need an asset) so that a slot
    # awaiting its file remembers its claims until the upload fills it (archive.articles).
    claims = models.ManyToManyField(
        "Claim",
        blank=True,
        related_name="placements",
        help_text="Claims this placement illustrates; when its file arrives, they become the "
        "asset's illustrations.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"],
                name="placement_one_per_position",
                violation_error_message="This article already has a placement at that position.",
            ),
            models.CheckConstraint(
                name="placement_position_from_one", condition=Q(position__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} #{self.position}: {self.caption[:60]}"

    @property
    def awaiting_file(self) -> bool:
        return self.asset_id is None


class ClaimQuerySet(models.QuerySet):
    def by_claimant(self, claimant: str) -> ClaimQuerySet:
        return self.filter(claimant__iexact=claimant)


class Claim(models.Model):
    """A factual statement made in an article, by a claimant, with its verification status."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified"
        VERIFIED = "verified", "Verified"
        DISPUTED = "disputed", "Disputed"
        FALSE = "false", "False"

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="claims"
    )
    text = models.TextField(help_text="The claim, stated plainly.")
    claimant = models.CharField(max_length=300, blank=True, db_index=True, help_text="Who says it.")
    figure = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=100, blank=True, help_text="soldiers, per day, people …")
    claimed_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.UNVERIFIED, db_index=True
    )
    status_wording = models.CharField(
        max_length=200, blank=True, help_text="How the article words its status (“unverified”)."
    )
    sentence = models.TextField(blank=True, help_text="The sentence it comes from, as printed.")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article", "id"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def get_absolute_url(self) -> str:
        return reverse("archive:claim-detail", args=[self.pk])


class Illustration(models.Model):
    """A picture illustrates a claim."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="illustrations")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="illustrations")
    note = models.CharField(max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "claim"],
                name="illustration_unique",
                violation_error_message="This picture is already linked to that claim.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.asset} illustrates {self.claim}"


class FixityCheck(models.Model):
    """One re-hash of an asset's stored files by `manage.py fixity`."""

    class Result(models.TextChoices):
        OK = "ok", "OK"
        MISSING = "missing", "Missing"
        ALTERED = "altered", "Altered"

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="fixity_checks")
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)
    result = models.CharField(max_length=10, choices=Result.choices)
    detail = models.TextField(blank=True, help_text="Which file, and the hash found.")

    class Meta:
        ordering = ["-checked_at"]
        get_latest_by = "checked_at"

    def __str__(self) -> str:
        return f"{self.asset} {self.result} at {self.checked_at:%Y-%m-%d %H:%M}"


class AssetSearchDocument(models.Model):
    """The text one asset is found by, denormalised from the asset, its credit, placements,
    claims and articles; folded (lower case, no accents, words only) by ``archive.search``.

    Kept current by ``archive.search`` (signals and ``manage.py rebuild_search_index``); the
    full-text index (SQLite FTS5 table or PostgreSQL ``search_vector``) is maintained from it
    by the database itself (triggers, generated column).
    """

    asset = models.OneToOneField(
        Asset, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.TextField(blank=True)
    caption = models.TextField(blank=True, help_text="Catalogued caption and printed captions.")
    credit = models.TextField(blank=True, help_text="Credit name and all its aliases.")
    creator = models.TextField(blank=True)
    claims = models.TextField(blank=True, help_text="Text of the claims it illustrates.")
    claimant = models.TextField(blank=True, help_text="Who makes those claims.")
    article = models.TextField(blank=True, help_text="Headlines of the articles it runs in.")

    def __str__(self) -> str:
        return f"search document of asset #{self.asset_id}"


@receiver(pre_save, sender=Licence, dispatch_uid="licence-window-pre")
def remember_licence_asset(sender, instance: Licence, **kwargs) -> None:
    """Note the asset a licence belonged to before this save (it may move)."""
    instance._window_old_asset_id = (
        Licence.objects.filter(pk=instance.pk).values_list("asset_id", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Licence, dispatch_uid="licence-window-save")
@receiver(post_delete, sender=Licence, dispatch_uid="licence-window-delete")
def refresh_licence_window(sender, instance: Licence, **kwargs) -> None:
    """Store the licence window of the asset(s) a saved or deleted licence touches."""
    ids = {instance.asset_id, getattr(instance, "_window_old_asset_id", None)} - {None}
    refresh_licence_windows(Asset.objects.filter(pk__in=ids))


@receiver(pre_save, sender=Placement, dispatch_uid="placement-facts-pre")
def remember_placement_asset(sender, instance: Placement, **kwargs) -> None:
    """Note the asset a placement pointed at before this save (it may move, or be filled)."""
    instance._facts_old_asset_id = (
        Placement.objects.filter(pk=instance.pk).values_list("asset_id", flat=True).first()
        if instance.pk and not kwargs.get("raw")
        else None
    )


@receiver(post_save, sender=Placement, dispatch_uid="placement-facts-save")
@receiver(post_delete, sender=Placement, dispatch_uid="placement-facts-delete")
def refresh_placement_fact(sender, instance: Placement, **kwargs) -> None:
    """Store the placement facts of the asset(s) a saved or deleted placement touches."""
    ids = {instance.asset_id, getattr(instance, "_facts_old_asset_id", None)} - {None}
    if ids:
        refresh_placement_facts(Asset.objects.filter(pk__in=ids))
