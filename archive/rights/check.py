"""The pre-publication check, database side: match a draft's pictures, gather their facts,
assess them (``archive.rights.prepublication``) and record the check.

The draft is read by the article importer (``archive.articles.parse_article``) and its
pictures matched as the import review matches them (``archive.articles.importing``): by a
file hash given for the picture or named in its address, else by an earlier placement with
the same caption and credit line, else by an asset catalogued with that caption and credit.
Everything is read in a fixed number of queries, whatever the number of pictures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from archive.articles import ArticleDraft, DraftPlacement
from archive.articles.matching import (
    MATCH_CAPTION,
    MATCH_DESCRIPTION,
    MATCH_FILE,
    match_assets_by_caption,
    match_assets_by_description,
    match_assets_by_file,
)
from archive.audit.report import alias_map
from archive.models import Asset, Claim, Illustration, PrepublicationCheck
from archive.provenance import declared_source_types
from archive.rights.facts import rights_facts
from archive.rights.prepublication import (
    Candidate,
    ClaimFlag,
    PictureFacts,
    PictureVerdict,
    assess,
    overall,
)
from archive.rights.rules import UsageRequest, credit_identity_of

MATCH_HASH = "same file (hash given)"
RATED_STATUSES = (Claim.Status.FALSE, Claim.Status.DISPUTED)


@dataclass
class CheckResult:
    draft: ArticleDraft
    request: UsageRequest
    draft_sha256: str
    pictures: list[PictureVerdict]
    verdict: str
    record: PrepublicationCheck | None = None

    def as_json(self) -> dict:
        return {
            "check": self.record.pk if self.record else None,
            "title": self.draft.headline,
            "draft_sha256": self.draft_sha256,
            "medium": self.request.medium,
            "date": self.request.on.isoformat(),
            "territory": self.request.territory,
            "verdict": self.verdict,
            "pictures": [picture.as_json() for picture in self.pictures],
            "warnings": [
                *self.draft.warnings,
                *(picture.warning for picture in self.pictures if picture.warning),
            ],
        }


def draft_hash(draft: ArticleDraft) -> str:
    """Return the SHA-256 (hex) of the draft's text as read."""
    return hashlib.sha256(draft.source_text.encode("utf-8", "surrogatepass")).hexdigest()


Matches = dict[int, tuple[Asset, str]]


def match_pictures(
    placements: list[DraftPlacement], hashes: Mapping[int, str], aliases: Mapping[str, int]
) -> tuple[Matches, Matches]:
    """Return, per position, the archived asset each picture is and how it was matched; and,
    for a picture whose file hash was given but is in no archived file, what its address or
    caption would match: a candidate, never the match (the file given is another)."""
    given = Asset.objects.in_bulk({h.lower() for h in hashes.values()}, field_name="sha256")
    found: Matches = {}
    not_held = set()
    for placement in placements:
        sha256 = hashes.get(placement.position, "").lower()
        if sha256 in given:
            found[placement.position] = (given[sha256], MATCH_HASH)
        elif sha256:
            not_held.add(placement.position)
    rest = [p for p in placements if p.position not in found]
    by_file = match_assets_by_file([p.src for p in rest if p.src])
    for placement in rest:
        if placement.src in by_file:
            found[placement.position] = (by_file[placement.src], MATCH_FILE)
    rest = [p for p in rest if p.position not in found]
    for position, asset in match_assets_by_caption(rest).items():
        found[position] = (asset, MATCH_CAPTION)
    rest = [p for p in rest if p.position not in found]
    printed = []
    for placement in rest:
        identity = credit_identity_of(placement.credit, aliases) if placement.credit else None
        printed.append((placement, identity if isinstance(identity, int) else None))
    for position, asset in match_assets_by_description(printed).items():
        found[position] = (asset, MATCH_DESCRIPTION)
    candidates = {position: found.pop(position) for position in not_held if position in found}
    return found, candidates


def look_alikes(assets: list[Asset]) -> dict[int, set[int]]:
    """Return each asset's look-alikes as the ingest recorded them (``near_duplicate_of``:
    within ``ARCHIVE_NEAR_DUPLICATE_DISTANCE`` bits of pHash, found through the band index
    when the later file came in): the original it is near, those near it, and the others
    near the same original; one indexed query, as the takedown impact reads them."""
    ids = {asset.pk for asset in assets}
    originals = {asset.near_duplicate_of_id for asset in assets if asset.near_duplicate_of_id}
    found: dict[int, set[int]] = {
        asset.pk: {asset.near_duplicate_of_id} - {None} for asset in assets
    }
    if not assets:
        return found
    near = (
        Asset.objects.filter(near_duplicate_of__in=ids | originals)
        .order_by()
        .values_list("id", "near_duplicate_of")
    )
    for pk, original in near:
        for asset in assets:
            if pk != asset.pk and original in (asset.pk, asset.near_duplicate_of_id):
                found[asset.pk].add(pk)
    return found


def rated_claims(assets: list[Asset]) -> dict[int, tuple[ClaimFlag, ...]]:
    """Return, per asset, the claims rated false or disputed that it or a look-alike
    illustrated (two queries)."""
    alike = look_alikes(assets)
    wanted = {asset.pk for asset in assets} | {pk for group in alike.values() for pk in group}
    by_asset: dict[int, list[tuple[int, str, str]]] = {}
    for asset_id, claim_id, text, status in (
        Illustration.objects.filter(asset_id__in=wanted, claim__status__in=RATED_STATUSES)
        .order_by("claim_id")
        .values_list("asset_id", "claim_id", "claim__text", "claim__status")
    ):
        by_asset.setdefault(asset_id, []).append((claim_id, text, status))
    flags = {}
    for asset in assets:
        seen: set[int] = set()
        found = []
        for source in (asset.pk, *sorted(alike[asset.pk])):
            for claim_id, text, status in by_asset.get(source, ()):
                if claim_id not in seen:
                    seen.add(claim_id)
                    found.append(ClaimFlag(claim_id, text, status, source, source != asset.pk))
        flags[asset.pk] = tuple(found)
    return flags


def ai_source_types(asset: Asset) -> tuple[str, ...]:
    """Return the source types the asset declares (``provenance.declared_source_types``)."""
    return declared_source_types(asset.digital_source_type, asset.c2pa_state, asset.c2pa_summary)


def picture_facts(
    draft: ArticleDraft, request: UsageRequest, hashes: Mapping[int, str] | None = None
) -> tuple[list[PictureFacts], dict[str, int]]:
    """Return the facts of each picture of the draft, and the credit aliases they were read
    with."""
    aliases = alias_map()
    hashes = hashes or {}
    matched, candidates = match_pictures(draft.placements, hashes, aliases)
    assets = list({asset.pk: asset for asset, _ in matched.values()}.values())
    rights = rights_facts([asset.pk for asset in assets], on=request.on)
    claims = rated_claims(assets)
    pictures = []
    for placement in draft.placements:
        asset, how = matched.get(placement.position, (None, ""))
        pictures.append(
            PictureFacts(
                position=placement.position,
                kind=placement.kind,
                caption=placement.caption,
                credit_line=placement.credit_line,
                asset_id=asset.pk if asset else None,
                asset_title=asset.display_name if asset else "",
                match=how,
                rights=rights.get(asset.pk) if asset else None,
                ai_source_types=ai_source_types(asset) if asset else (),
                claims=claims.get(asset.pk, ()) if asset else (),
                file_not_held="" if asset else hashes.get(placement.position, "").lower(),
                candidate=candidate_of(candidates.get(placement.position)),
            )
        )
    return pictures, aliases


def candidate_of(match: tuple[Asset, str] | None) -> Candidate | None:
    if match is None:
        return None
    asset, how = match
    return Candidate(asset.pk, asset.display_name, how)


def check_draft(
    draft: ArticleDraft,
    request: UsageRequest,
    *,
    user,
    via: str = "page",
    hashes: Mapping[int, str] | None = None,
) -> CheckResult:
    """Check a parsed draft's pictures for a medium, day and territory; record the check."""
    pictures, aliases = picture_facts(draft, request, hashes)
    verdicts = assess(
        pictures,
        request,
        aliases=aliases,
        warning_days=settings.ARCHIVE_EXPIRY_WARNING_DAYS,
    )
    result = CheckResult(draft, request, draft_hash(draft), verdicts, overall(verdicts))
    result.record = record_check(result, user=user, via=via)
    return result


@transaction.atomic
def record_check(result: CheckResult, *, user, via: str) -> PrepublicationCheck:
    """Write the record of a check: who, for what, the draft's title and hash, the verdicts."""
    return PrepublicationCheck.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        via=via,
        medium=result.request.medium,
        publication_date=result.request.on,
        territory=result.request.territory,
        title=(result.draft.headline or "")[:500],
        draft_sha256=result.draft_sha256,
        verdict=result.verdict,
        pictures=[picture.as_json() for picture in result.pictures],
    )


def recent_checks(user, limit: int = 10):
    """Return the user's latest checks."""
    return PrepublicationCheck.objects.filter(user=user).order_by("-checked_at", "-id")[:limit]
