"""Articles and what they print: placements (an asset as printed), claims, illustrations."""

from __future__ import annotations

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.models.assets import Asset
from archive.models.credits import Credit
from archive.text import format_figure

# How much of a caption the placements' caption index holds.
CAPTION_KEY_LENGTH = 100

# Only web addresses: a javascript: or data: URL stored here would run when someone clicks it.
article_url_validator = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)


class ArticleQuerySet(models.QuerySet):
    pass


class Article(models.Model):
    """A published story."""

    headline = models.CharField(max_length=500)
    publication = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True, validators=[article_url_validator])
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
    print_page = models.CharField(
        max_length=20,
        blank=True,
        help_text="The page of the printed edition it ran on (“12”, “B3”); empty: not printed, "
        "or not recorded.",
    )
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
        help_text="The credit the printed line names, matched through aliases (the distributor "
        "in “X via Getty Images”).",
    )
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text="The original supplier the credit line names beside the credit: “AFP” in "
        "“AFP via Getty Images”, “@DefenceHQ” in “Twitter/@DefenceHQ”.",
    )
    creator = models.CharField(
        max_length=300, blank=True, help_text="The photographer or author the credit line names."
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
        indexes = [
            # Earlier placements by caption (the import review's and the pre-publication
            # check's match): a prefix, as a whole caption may exceed a B-tree entry's size.
            models.Index(Substr("caption", 1, CAPTION_KEY_LENGTH), name="placement_caption_start"),
            # The search's article facet counts the hits' articles from this index alone.
            models.Index(fields=["asset", "article"], name="placement_asset_article"),
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
    claimant_wording = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the sentence names the claimant when it refers back (“the agency”, "
        "“A spokesperson”); the claimant is then the one named before.",
    )
    figure = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    figure_high = models.DecimalField(
        "figure (top of range)",
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For a range (“12-15 drones”): its top; the figure is its bottom.",
    )
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
        # Its figure kept whole after the cut text: claims drawn from one long sentence are
        # told apart by it (in the admin's claim choices, for one).
        figure = format_figure(self.figure, self.figure_high, self.unit)
        suffix = f" ({figure})" if figure else ""
        room = max(40, 80 - len(suffix))
        text = self.text if len(self.text) <= room else self.text[: room - 1] + "…"
        return text + suffix

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
