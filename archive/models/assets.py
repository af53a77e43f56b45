"""Assets: the stored files (photos, video stills, social captures, graphics, videos)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, Substr
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.models.credits import Credit
from archive.models.licences import licence_status_expression
from archive.phash import PHASH_BANDS, band_probes, is_phash
from archive.provenance import (
    C2PA_INVALID,
    C2PA_STATE_CHOICES,
    C2PA_STATE_LABELS,
    C2PA_VALID_STATES,
    DATA_MINING_BY_CODE,
    DATA_MINING_CHOICES,
    DIGITAL_SOURCE_TYPE_CHOICES,
    SOURCE_GROUPS,
    SOURCE_TYPE_BY_CODE,
    ai_source_type,
)
from archive.text import credit_key, display_name

if TYPE_CHECKING:
    from archive.models.articles import Claim


class PhashBand(Substr):
    """``SUBSTR(phash,start,length)`` written without ", " between its arguments.

    Django 5.2's SQLite introspection (``get_constraints``, which the schema editor uses to
    alter a table) splits the table's SQL on ", " to find its columns; the comma-space inside
    a generated column's ``SUBSTR(...)`` made it fail on ``archive_asset``.
    """

    arg_joiner = ","


LOCATION_PARTS = ("sublocation", "city", "state", "country", "country_code")


def is_locations(value: object) -> bool:
    """Whether ``value`` is a list of places: objects of ``LOCATION_PARTS`` with text values."""
    return isinstance(value, list) and all(
        isinstance(place, dict)
        and set(place) <= set(LOCATION_PARTS)
        and all(isinstance(part, str) for part in place.values())
        for place in value
    )


def location_words(place: dict[str, str]) -> str:
    """A location shown, most precise first: "Maidan, Kyiv, Ukraine"."""
    parts = (
        place.get("sublocation"),
        place.get("city"),
        place.get("state"),
        place.get("country") or place.get("country_code"),
    )
    return ", ".join(part for part in parts if part)


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

    def look_alikes_of(self, phash: str, max_distance: int) -> AssetQuerySet:
        """Candidates within ``max_distance`` bits of ``phash``: a superset of the look-alikes
        (every one of them is in it), to be measured with ``archive.phash.phash_distance``."""
        if not is_phash(phash):
            return self.none()
        bands = Q()
        for index, values in enumerate(band_probes(phash, max_distance)):
            bands |= Q(**{f"phash_band{index}__in": values})
        return self.filter(bands)

    def credential_summaries(self, states: Iterable[tuple[int, str]]) -> dict[int, object]:
        """The Content Credentials summaries of the assets among ``states`` (id and C2PA state,
        as the caller already read them) whose credentials are valid: they may declare AI
        beside another IPTC type. One query, none when no credentials are valid."""
        valid = [pk for pk, state in states if state in C2PA_VALID_STATES]
        return dict(self.filter(pk__in=valid).values_list("id", "c2pa_summary"))

    def with_listing_data(self) -> AssetQuerySet:
        """Fetch what lists show (credit, video) without one query per row."""
        return self.select_related("credit", "video")

    def with_licence_status(self, on: date | None = None) -> AssetQuerySet:
        """Annotate ``licence_status``: ``none``, ``expired``, ``expiring`` or ``valid`` on ``on``.

        ``none``: no licence recorded; ``valid``: a licence covers ``on`` and runs past the
        warning window (``ARCHIVE_EXPIRY_WARNING_DAYS``) or never expires; ``expiring``: the
        licences covering ``on`` all end within the window; ``expired``: licences exist but
        none covers ``on``. Queryable: filter and count on it like on a field.

        Computed from the licence window in the asset's facts (``archive.audit.facts``), so no
        licence is read, except for the rare asset whose licences have no single licence
        spanning them all: those are decided from their licences.
        """
        return self.annotate(licence_status=licence_status_expression(on))


class Asset(models.Model):
    """One stored file: a photo, a still cut from a video, a social capture, a graphic or a video."""

    class Processing(models.TextChoices):
        PENDING = "pending", "Processing"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

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
    # The pHash cut in three bands (5, 5 and 6 hex digits: archive.phash.PHASH_BANDS), each
    # indexed: a hash within d bits of another has a band within d // 3 bits of the other's, so
    # every look-alike is found without a full scan. The database derives them from ``phash``,
    # so no write path can leave them stale. Each band's index carries the hash, so a lookup
    # measures its candidates without reading their rows.
    phash_band0 = models.GeneratedField(
        expression=Lower(PhashBand("phash", *PHASH_BANDS[0])),
        output_field=models.CharField(max_length=PHASH_BANDS[0][1]),
        db_persist=True,
    )
    phash_band1 = models.GeneratedField(
        expression=Lower(PhashBand("phash", *PHASH_BANDS[1])),
        output_field=models.CharField(max_length=PHASH_BANDS[1][1]),
        db_persist=True,
    )
    phash_band2 = models.GeneratedField(
        expression=Lower(PhashBand("phash", *PHASH_BANDS[2])),
        output_field=models.CharField(max_length=PHASH_BANDS[2][1]),
        db_persist=True,
    )
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
    # IPTC Photo Metadata (2025.1) and PLUS: how the picture was made, who holds its rights,
    # what it shows and what its rights holder allows. Read at ingest (archive.ingest.metadata).
    digital_source_type = models.CharField(
        max_length=40,
        blank=True,
        choices=DIGITAL_SOURCE_TYPE_CHOICES,
        db_index=True,
        help_text="How the picture was made (IPTC Digital Source Type): a camera, a scan, "
        "edits, a composite, an AI model.",
    )
    ai_system = models.CharField(
        "AI system used",
        max_length=300,
        blank=True,
        help_text="The AI system that made or edited it (IPTC AI System Used).",
    )
    ai_system_version = models.CharField(
        "AI system version", max_length=100, blank=True, help_text="IPTC AI System Version Used."
    )
    ai_prompt = models.TextField(
        "AI prompt",
        blank=True,
        help_text="The prompt given to the AI system (IPTC AI Prompt Information).",
    )
    ai_prompt_writer = models.CharField(
        "AI prompt writer", max_length=300, blank=True, help_text="IPTC AI Prompt Writer Name."
    )
    data_mining = models.CharField(
        max_length=45,
        blank=True,
        choices=DATA_MINING_CHOICES,
        db_index=True,
        help_text="Whether the rights holder allows data mining and AI training (PLUS Data "
        "Mining).",
    )
    other_constraints = models.TextField(
        blank=True, help_text="Further conditions of use (PLUS Other Constraints)."
    )
    licensor_name = models.CharField(
        "licensor (embedded)",
        max_length=500,
        blank=True,
        help_text="Who licenses the picture, as embedded in the file (PLUS Licensor); several "
        "joined with “; ”. Licences you hold are recorded below.",
    )
    licensor_url = models.URLField(
        "licensor URL", max_length=500, blank=True, help_text="PLUS Licensor URL."
    )
    copyright_owner = models.CharField(
        max_length=500, blank=True, help_text="PLUS Copyright Owner name(s), joined with “; ”."
    )
    image_supplier = models.CharField(
        max_length=500, blank=True, help_text="PLUS Image Supplier name(s), joined with “; ”."
    )
    alt_text = models.TextField(
        "alt text",
        blank=True,
        help_text="A short text for readers who cannot see the picture (IPTC Alt Text "
        "(Accessibility)); the title stands in when empty.",
    )
    extended_description = models.TextField(
        blank=True,
        help_text="A longer description for readers who cannot see the picture (IPTC "
        "Extended Description (Accessibility)).",
    )
    persons_shown = models.JSONField(
        default=list, blank=True, help_text="People shown, one name each (IPTC Person Shown)."
    )
    location_sublocation = models.CharField(
        "sublocation shown", max_length=300, blank=True, help_text="IPTC Location Shown."
    )
    location_city = models.CharField("city shown", max_length=300, blank=True)
    location_state = models.CharField("province or state shown", max_length=300, blank=True)
    location_country = models.CharField("country shown", max_length=300, blank=True)
    location_country_code = models.CharField(
        "country code shown", max_length=3, blank=True, help_text="ISO 3166 code (2 or 3 letters)."
    )
    other_locations_shown = models.JSONField(
        default=list,
        blank=True,
        help_text="The other locations shown after the first, each with any of sublocation, "
        'city, state, country and country_code, like [{"city": "Lviv", "country": "Ukraine"}] '
        "(IPTC Location Shown).",
    )

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
    metadata_warnings = models.JSONField(default=list, blank=True, editable=False)
    # Content Credentials (C2PA), read and validated at ingest (archive.ingest.credentials).
    c2pa_state = models.CharField(
        "Content Credentials",
        max_length=10,
        blank=True,
        choices=C2PA_STATE_CHOICES,
        db_index=True,
        editable=False,
        help_text="What the file's C2PA manifest store was found to be when last checked; "
        "empty: not checked.",
    )
    c2pa_summary = models.JSONField(
        "Content Credentials summary",
        default=dict,
        blank=True,
        editable=False,
        help_text="Signer, claim generator, actions, failures and ingredients, as read.",
    )
    c2pa_manifest_store = models.JSONField(
        "C2PA manifest store",
        default=dict,
        blank=True,
        editable=False,
        help_text="The manifest store as c2pa-python reads it (JSON), with its validation.",
    )
    # Fields the archivist typed: re-reading embedded metadata never overwrites them.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)

    thumbnail = models.CharField(max_length=255, blank=True, editable=False)
    preview = models.CharField(max_length=255, blank=True, editable=False)
    # The background work after an upload (archive/background.py): renditions, pHash and
    # look-alikes. "pending" until a worker has done it; "failed" with the reason it gave.
    processing_state = models.CharField(
        "processing",
        max_length=10,
        choices=Processing.choices,
        default=Processing.READY,
        db_index=True,
        editable=False,
        help_text="Whether the thumbnail, preview and look-alike check are made yet.",
    )
    processing_error = models.TextField(
        blank=True, editable=False, help_text="Why the last processing attempt failed."
    )
    processing_attempts = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="Processing attempts since the last success or retry."
    )

    fixity_checked_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When `manage.py fixity` last re-hashed it.",
    )
    fixity_status = models.CharField(
        max_length=10, blank=True, editable=False, help_text="ok, missing or altered."
    )

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(
        excluded_fields=[
            "updated_at",
            "embedded_metadata",
            "c2pa_summary",
            "c2pa_manifest_store",
            "fixity_checked_at",
            "fixity_status",
            "processing_state",
            "processing_error",
            "processing_attempts",
            *(f"phash_band{index}" for index in range(len(PHASH_BANDS))),
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
            models.Index(fields=["phash_band0", "phash"], name="asset_phash_band0"),
            models.Index(fields=["phash_band1", "phash"], name="asset_phash_band1"),
            models.Index(fields=["phash_band2", "phash"], name="asset_phash_band2"),
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
            # What the licence report's summary reads of every asset: it scans this, not rows
            # that carry kilobytes of embedded metadata.
            models.Index(fields=["id", "credit", "file"], name="asset_audit_summary"),
            # The search's Content Credentials facet reads each hit's state from this index,
            # not from the row (its state is stored after kilobytes of embedded metadata).
            models.Index(fields=["id", "c2pa_state"], name="asset_c2pa_state"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.display_name}"

    def get_absolute_url(self) -> str:
        return reverse("archive:asset-detail", args=[self.pk])

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
        persons = self.persons_shown
        if not isinstance(persons, list) or not all(isinstance(p, str) for p in persons):
            errors["persons_shown"] = 'A list of names, like ["Jane Doe", "John Roe"].'
        if not is_locations(self.other_locations_shown):
            errors["other_locations_shown"] = (
                'A list of places, like [{"city": "Lviv", "country": "Ukraine"}], each with '
                "only " + ", ".join(LOCATION_PARTS) + "."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def credit_line(self) -> str:
        """The credit line ready to print, in the house style ``(Image: GETTY)``."""
        return f"(Image: {self.credit.name})" if self.credit_id else ""

    @property
    def digital_source_group(self) -> str:
        """The group of its digital source type (``photo``, ``ai-generated`` ...), or ""."""
        source = SOURCE_TYPE_BY_CODE.get(self.digital_source_type)
        return source.group if source else ""

    @property
    def digital_source_group_label(self) -> str:
        return SOURCE_GROUPS.get(self.digital_source_group, "")

    @property
    def made_with_ai(self) -> bool:
        """Made or edited by an AI model, as its digital source type or its valid Content
        Credentials say."""
        return bool(ai_source_type(self.digital_source_type, self.c2pa_state, self.c2pa_summary))

    @property
    def forbids_ai_training(self) -> bool:
        value = DATA_MINING_BY_CODE.get(self.data_mining)
        return bool(value and value.forbids_ai_training)

    @property
    def c2pa_state_label(self) -> str:
        return C2PA_STATE_LABELS.get(self.c2pa_state, self.c2pa_state)

    @property
    def c2pa_failures(self) -> list[dict]:
        """The reasons the credentials are invalid (empty unless they are)."""
        if self.c2pa_state != C2PA_INVALID or not isinstance(self.c2pa_summary, dict):
            return []
        failures = self.c2pa_summary.get("failures")
        return [f for f in failures if isinstance(f, dict)] if isinstance(failures, list) else []

    @property
    def location_shown(self) -> str:
        """The (first) location shown, most precise first: "Maidan, Kyiv, Ukraine"."""
        return location_words(
            {
                "sublocation": self.location_sublocation,
                "city": self.location_city,
                "state": self.location_state,
                "country": self.location_country,
                "country_code": self.location_country_code,
            }
        )

    @property
    def other_locations(self) -> list[str]:
        """The other locations shown, each as ``location_shown`` words it."""
        if not is_locations(self.other_locations_shown):
            return []
        return [place for place in map(location_words, self.other_locations_shown) if place]

    @property
    def display_name(self) -> str:
        """The one name an asset goes by everywhere: its title, else its file's name."""
        return display_name(self.title, self.original_filename, self.get_kind_display())

    @property
    def is_video(self) -> bool:
        return self.kind == self.Kind.VIDEO

    @property
    def current_caption(self) -> str:
        """The caption the archive hands out: as catalogued (an archivist's edit wins), else
        the first caption printed with this asset."""
        if self.description.strip():
            return self.description
        placement = self.placements.exclude(caption="").order_by("article__published_on").first()
        return placement.caption if placement else ""
