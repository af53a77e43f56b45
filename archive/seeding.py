"""Load the seed article (``seeds/``) into the archive, idempotently.

The original pictures and video are not available, so plainly marked stand-ins are drawn:
a card per picture showing its title and credit (with credit, caption and rights embedded as
XMP, as an agency's file would carry them), and a short synthetic video made with PyAV. They
go through the ingest pipeline like any upload; the still is cut from the video at its
timecode on the server. Running the loader again changes nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import random
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import av
import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from archive.ingest import CREATED, DUPLICATE, cut_still, ingest_file, resolve_credit
from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Licence,
    MediaLease,
    Placement,
    SupplierAgreement,
    UsageCategory,
    UsageRights,
)
from archive.preservation.xmp import build_xmp_packet
from archive.rights.media import MEDIA
from archive.text import credit_key

SEED_DIR = settings.BASE_DIR / "seeds"
CARD_SIZE = (1200, 675)
VIDEO_SIZE = (640, 360)
VIDEO_SECONDS = 4
VIDEO_FPS = 25


class SeedError(Exception):
    """The seed could not be loaded (a refused stand-in, a broken manifest)."""


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool) -> None:
        if created:
            self.created[what] = self.created.get(what, 0) + 1

    def summary(self) -> str:
        if not self.created:
            return "seed already loaded: nothing changed"
        return "created " + ", ".join(f"{n} {what}" for what, n in sorted(self.created.items()))


def load_manifest(seed_dir: Path = SEED_DIR) -> dict:
    with open(seed_dir / "manifest.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def draw_card(*, key: str, title: str, credit: str, caption: str) -> Image.Image:
    """Draw a stand-in card: a pattern unique to ``key`` and the picture's title and credit."""
    rng = random.Random(key)  # same key, same card
    card = Image.new("RGB", CARD_SIZE, tuple(rng.randrange(30, 90) for _ in range(3)))
    draw = ImageDraw.Draw(card)
    for _ in range(14):  # shapes give each card its own perceptual hash
        x, y = rng.randrange(CARD_SIZE[0]), rng.randrange(CARD_SIZE[1])
        radius = rng.randrange(60, 260)
        colour = tuple(rng.randrange(60, 230) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x - radius, y - radius, x + radius, y + radius), fill=colour)
    draw.rectangle((0, 0, CARD_SIZE[0], 70), fill=(180, 20, 20))
    draw.text(
        (30, 14),
        "STAND-IN: the original picture is not in this archive",
        font=font(34),
        fill="white",
    )
    draw.rectangle((0, CARD_SIZE[1] - 230, CARD_SIZE[0], CARD_SIZE[1]), fill=(0, 0, 0))
    draw.text((30, CARD_SIZE[1] - 215), title, font=font(54), fill="white")
    draw.text((30, CARD_SIZE[1] - 140), caption[:90], font=font(28), fill=(220, 220, 220))
    draw.text((30, CARD_SIZE[1] - 80), f"Credit: {credit}", font=font(40), fill=(255, 210, 80))
    return card


def card_file(entry: dict, article_headline: str) -> bytes:
    card = draw_card(
        key=entry["key"], title=entry["title"], credit=entry["credit"], caption=entry["caption"]
    )
    rights = (
        f"Stand-in made by the Caption Archive seed; the published picture is credited "
        f"{entry['credit']}."
    )
    xmp = build_xmp_packet(
        title=entry["title"],
        description=entry.get("description") or entry["caption"],
        credit=entry["credit"],
        rights=rights,
        headline=entry["title"],
        source=f"Seed stand-in for “{article_headline}”",
    )
    buffer = io.BytesIO()
    card.save(buffer, "JPEG", quality=88, xmp=xmp)
    return buffer.getvalue()


def video_file(entry: dict) -> bytes:
    """Encode a short synthetic H.264 video: a car-shaped block that tips over, with labels."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=VIDEO_FPS)
        stream.width, stream.height = VIDEO_SIZE
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "28"}
        stream.codec_context.time_base = Fraction(1, VIDEO_FPS)
        stream.thread_count = 1  # deterministic output
        for index in range(VIDEO_SECONDS * VIDEO_FPS):
            seconds = index / VIDEO_FPS
            frame_image = Image.new("RGB", VIDEO_SIZE, (70, 90, 60))
            draw = ImageDraw.Draw(frame_image)
            draw.rectangle((0, 250, VIDEO_SIZE[0], VIDEO_SIZE[1]), fill=(90, 80, 70))
            x = 40 + int(seconds * 110)
            tilt = max(0.0, seconds - 2.8) * 60
            draw.rectangle((x, 190 + tilt, x + 150, 250 + tilt), fill=(60, 70, 50))
            draw.text(
                (12, 10), "STAND-IN VIDEO (original not archived)", font=font(22), fill="white"
            )
            draw.text((12, 40), entry["title"][:60], font=font(18), fill=(255, 210, 80))
            draw.text((12, 320), f"{seconds:4.2f} s", font=font(20), fill="white")
            frame = av.VideoFrame.from_image(frame_image)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()


def seed_credits(manifest: dict, report: SeedReport) -> None:
    for entry in manifest["credits"]:
        credit = Credit.objects.filter(aliases__key=credit_key(entry["name"])).first()
        if credit is None:
            credit = Credit.objects.create(
                name=entry["name"], kind=entry["kind"], reviewed=True, notes=entry.get("notes", "")
            )
            report.count("credits", True)
        for alias in entry.get("aliases", []):
            _, created = CreditAlias.objects.get_or_create(
                key=credit_key(alias), defaults={"credit": credit, "alias": alias}
            )
            report.count("credit aliases", created)


def seed_article(manifest: dict, seed_dir: Path, report: SeedReport) -> Article:
    meta = manifest["article"]
    text = (seed_dir / meta["source"]).read_text(encoding="utf-8")
    source_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article, created = Article.objects.get_or_create(
        source_hash=source_hash,
        defaults={
            "headline": meta["headline"],
            "publication": meta["publication"],
            "published_on": meta["published_on"],
            "url": meta.get("url", ""),
            "source_text": text,
        },
    )
    report.count("articles", created)
    return article


def seed_claims(manifest: dict, article: Article, report: SeedReport) -> dict[str, Claim]:
    claims = {}
    for entry in manifest["claims"]:
        figure = entry.get("figure")
        claim, created = Claim.objects.get_or_create(
            article=article,
            text=entry["text"],
            defaults={
                "claimant": entry["claimant"],
                "figure": Decimal(str(figure)) if figure is not None else None,
                "unit": entry.get("unit", ""),
                "status": entry["status"],
                "status_wording": entry.get("status_wording", ""),
                "sentence": entry["sentence"],
                "claimed_on": article.published_on,
            },
        )
        report.count("claims", created)
        claims[entry["key"]] = claim
    return claims


def seed_asset(
    entry: dict, *, article: Article, assets: dict[str, Asset], report: SeedReport
) -> Asset:
    """Return the asset placed at the entry's position, ingesting its stand-in if needed."""
    placed = (
        Placement.objects.filter(article=article, position=entry["position"])
        .select_related("asset")
        .first()
    )
    if placed and placed.asset:
        return placed.asset
    fields = {"title": entry["title"], "description": entry.get("description") or entry["caption"]}
    filename = f"seed-{entry['key']}"
    if entry["kind"] == Asset.Kind.VIDEO:
        result = ingest_file(
            video_file(entry),
            filename=f"{filename}.mp4",
            kind=Asset.Kind.VIDEO,
            credit=entry["credit"],
            fields=fields,
        )
    elif entry["kind"] == Asset.Kind.STILL:
        result = cut_still(assets[entry["video"]], float(entry["timecode"]), fields=fields)
    else:
        result = ingest_file(
            card_file(entry, article.headline),
            filename=f"{filename}.jpg",
            kind=entry["kind"],
            fields=fields,
        )
    if result.status not in (CREATED, DUPLICATE):
        raise SeedError(f"the stand-in for {entry['key']} was refused: {result.reason}")
    report.count("assets", result.status == CREATED)
    asset = result.asset
    expected = resolve_credit(entry["credit"])
    if asset.credit_id != expected.pk:
        # The embedded credit should have matched; if a reader missed it, say so and fix it.
        raise SeedError(
            f"the stand-in for {entry['key']} was read with credit {asset.credit} "
            f"instead of {expected}"
        )
    return asset


def seed_placement(entry: dict, *, article: Article, asset: Asset, report: SeedReport) -> None:
    credit = resolve_credit(entry["credit"]) if entry["credit_line"] else None
    _, created = Placement.objects.update_or_create(
        article=article,
        position=entry["position"],
        defaults={
            "asset": asset,
            "kind": entry["placement_kind"],
            "title": entry.get("placement_title", ""),
            "caption": entry["caption"],
            "credit_line": entry["credit_line"],
            "credit": credit,
            "alt_text": entry.get("alt", ""),
        },
    )
    report.count("placements", created)


def licence_date(value, today: datetime.date) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return today + datetime.timedelta(days=int(value["days_from_seed"]))
    return value


def seed_licences(manifest: dict, assets: dict[str, Asset], report: SeedReport) -> None:
    today = timezone.localdate()
    for entry in manifest.get("demo_licences", []):
        asset = assets[entry["asset"]]
        _, created = Licence.objects.get_or_create(
            asset=asset,
            reference=entry["reference"],
            is_demo=True,
            defaults={
                "licence_type": entry["licence_type"],
                "licensor": entry.get("licensor", ""),
                "starts_on": licence_date(entry.get("starts_on"), today),
                "expires_on": licence_date(entry.get("expires_on"), today),
                "territory": entry.get("territory", ""),
                "permitted_uses": entry.get("permitted_uses", ""),
                "restrictions": entry.get("restrictions", ""),
                "verified_at": timezone.now() if entry.get("verified") else None,
                "notes": "Demonstration record made by the seed; not a real licence.",
            },
        )
        report.count("demo licences", created)


def seed_rights(manifest: dict, assets: dict[str, Asset], report: SeedReport) -> None:
    """Add the demonstration usage rights: a category, agreements, assets' categories,
    leases and a data mining value (see ``demo_rights`` in the manifest)."""
    from archive.rights.defaults import ensure_default_categories

    rights = manifest.get("demo_rights") or {}
    today = timezone.localdate()
    ensure_default_categories()
    for entry in rights.get("categories", []):
        _, created = UsageCategory.objects.get_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "cost": entry["cost"],
                "needs_licence": entry["needs_licence"],
                "restrictions": entry.get("restrictions", ""),
                "position": UsageCategory.objects.count(),
            },
        )
        report.count("demo usage categories", created)
    for entry in rights.get("agreements", []):
        agreement, created = SupplierAgreement.objects.get_or_create(
            supplier=resolve_credit(entry["supplier"]),
            name=entry["name"],
            is_demo=True,
            defaults={
                **{medium: medium in entry["media"] for medium in MEDIA},
                "required_credit_line": entry.get("required_credit_line", ""),
                "monthly_quota": entry.get("monthly_quota"),
                "cost": entry.get("cost", ""),
                "starts_on": licence_date(entry.get("starts_on"), today),
                "ends_on": licence_date(entry.get("ends_on"), today),
            },
        )
        if created:
            agreement.categories.set(UsageCategory.objects.filter(code__in=entry["categories"]))
        report.count("demo agreements", created)
    for key, entry in (rights.get("usage_rights") or {}).items():
        _, created = UsageRights.objects.get_or_create(
            asset=assets[key],
            defaults={
                "category": UsageCategory.objects.get(code=entry["category"]),
                "restrictions": entry.get("restrictions", ""),
            },
        )
        report.count("demo usage rights", created)
    for entry in rights.get("leases", []):
        _, created = MediaLease.objects.get_or_create(
            asset=assets[entry["asset"]],
            note=entry["note"],
            is_demo=True,
            defaults={
                "access": entry["access"],
                "scope": entry["scope"],
                "starts_on": licence_date(entry.get("starts_on"), today),
                "ends_on": licence_date(entry.get("ends_on"), today),
            },
        )
        report.count("demo leases", created)
    for key, code in (rights.get("data_mining") or {}).items():
        asset = assets[key]
        if asset.data_mining != code:
            asset.data_mining = code
            asset.save(update_fields=["data_mining"])
            report.count("demo data mining values", True)


def seed_takedowns(manifest: dict, assets: dict[str, Asset], report: SeedReport) -> None:
    """Add the demonstration takedown requests, each listing the placements it reaches."""
    from archive import takedowns
    from archive.models import TakedownRequest

    today = timezone.localdate()
    for entry in manifest.get("demo_takedowns") or []:
        request, created = TakedownRequest.objects.get_or_create(
            scope=TakedownRequest.Scope.ASSET,
            asset=assets[entry["asset"]],
            requested_by=entry["requested_by"],
            defaults={
                "received_on": licence_date(entry.get("received_on"), today),
                "reason": entry.get("reason", ""),
            },
        )
        if created:
            takedowns.record_items(request)
        report.count("demo takedown requests", created)


def load_seed(seed_dir: Path = SEED_DIR) -> SeedReport:
    """Load the seed article and everything in it; change nothing when already loaded."""
    manifest = load_manifest(seed_dir)
    report = SeedReport()
    with transaction.atomic():
        seed_credits(manifest, report)
        article = seed_article(manifest, seed_dir, report)
        claims = seed_claims(manifest, article, report)
    assets: dict[str, Asset] = {}
    # Each file is ingested in its own transaction (as an upload is); links come after.
    for entry in sorted(manifest["assets"], key=lambda item: item["kind"] != Asset.Kind.VIDEO):
        assets[entry["key"]] = seed_asset(entry, article=article, assets=assets, report=report)
    with transaction.atomic():
        for entry in manifest["assets"]:
            asset = assets[entry["key"]]
            seed_placement(entry, article=article, asset=asset, report=report)
            for claim_key in entry["claims"]:
                _, created = Illustration.objects.get_or_create(
                    asset=asset, claim=claims[claim_key]
                )
                report.count("claim links", created)
        seed_licences(manifest, assets, report)
        seed_rights(manifest, assets, report)
        seed_takedowns(manifest, assets, report)
    return report
