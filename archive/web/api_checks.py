"""The pre-publication check in the JSON API: a CMS posts a draft, and gets each picture's
verdict and the draft's.

``POST /api/checks/prepublication`` with an API token (``Authorization: Bearer ...``), or a
session with its CSRF token (the desk page's user). The draft is read as the article importer
reads it; the check is recorded as the desk page records it. Loaded by ``archive.web.api``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from archive.articles import MAX_SOURCE_BYTES, ArticleParseError, parse_article
from archive.rights.check import check_draft
from archive.rights.forms import EARLIEST_DAY, LATEST_DAY, day_refusal
from archive.rights.rules import UsageRequest
from archive.tokens import BearerTokenAuth
from archive.web.api import (
    REFUSALS,
    ErrorOut,
    LoggedInSessionAuth,
    PointOut,
    UsabilityVerdictOut,
    api,
)
from archive.web.prepublication import MAX_PICTURES, picture_count_refusal
from archive.web.throttling import api_throttle, check_throttle

PERMISSION = "archive.run_prepublication_check"


class PictureHash(Schema):
    position: int = Field(..., ge=1, le=MAX_PICTURES, description="The picture's place, from 1.")
    sha256: str = Field(
        ..., pattern=r"^[0-9a-fA-F]{64}$", description="The SHA-256 of the picture's file."
    )


class CheckIn(Schema):
    text: str = Field(
        ...,
        min_length=1,
        max_length=MAX_SOURCE_BYTES,
        description="The draft: its plain text (captions with their credit lines) or its HTML.",
    )
    medium: Literal["web", "print", "social", "syndication"] = "web"
    date: dt.date | None = Field(
        None,
        description=f"The publication date, {EARLIEST_DAY} to {LATEST_DAY}; empty: today.",
    )
    territory: str = Field(
        "", pattern=r"^([A-Za-z]{2,3})?$", description="A country code (GB); empty: not asked."
    )
    pictures: list[PictureHash] = Field(
        default_factory=list,
        max_length=MAX_PICTURES,
        description="Optional: the file hash of some pictures, by position; others are "
        "matched by the address, else by caption and credit.",
    )

    @field_validator("date")
    @classmethod
    def date_in_range(cls, day: dt.date | None) -> dt.date | None:
        # Out of range is invalid input like a malformed date: 422, as the API answers it.
        if refusal := day_refusal(day):
            raise ValueError(refusal)
        return day


class CreditLineCheckOut(Schema):
    status: str = Field(..., description="as_required, not_as_required or none_required")
    required: str
    printed: str


class QuotaOut(Schema):
    supplier: str
    monthly_quota: int
    used: int = Field(..., description="Uses this month before this picture (the draft's too).")
    left: int


class RatedClaimOut(Schema):
    claim: int
    text: str
    status: str = Field(..., description="false or disputed")
    asset: int = Field(..., description="The asset that illustrated it.")
    look_alike: bool = Field(..., description="Whether that asset is a look-alike of this one.")


class CandidateOut(Schema):
    asset: int
    asset_title: str
    match: str = Field(..., description="How its address or caption matches the picture.")


class PictureCheckOut(Schema):
    position: int
    kind: str
    caption: str
    credit_line: str
    matched: bool = Field(..., description="Whether the archive holds the picture.")
    asset: int | None
    asset_title: str
    match: str = Field(..., description="How it was matched; empty: not in the archive.")
    candidate: CandidateOut | None = Field(
        ...,
        description="When the file hash given is in no archived file: the asset its address "
        "or caption would match, which is another file (never the match).",
    )
    verdict: str = Field(..., description="yes, conditions or no")
    label: str
    reasons: list[PointOut]
    conditions: list[PointOut]
    met: list[PointOut] = Field(..., description="Conditions the draft meets as printed.")
    usability: UsabilityVerdictOut | None = Field(
        ..., description="“Can I use it?” as the rules answer it, for the article's medium."
    )
    credit_line_check: CreditLineCheckOut | None
    quota: QuotaOut | None
    ai_generated: bool
    claims: list[RatedClaimOut]


class CheckOut(Schema):
    check: int = Field(..., description="The id of the check's record.")
    title: str
    draft_sha256: str
    medium: str
    date: str
    territory: str
    verdict: str = Field(..., description="no if any picture is a no, else conditions, else yes")
    pictures: list[PictureCheckOut]
    warnings: list[str] = Field(
        ..., description="What the reader noticed in the draft; each file given not in the archive."
    )


@api.post(
    "/checks/prepublication",
    response={200: CheckOut, 400: ErrorOut, **REFUSALS},
    auth=[BearerTokenAuth(), LoggedInSessionAuth(csrf=True)],
    throttle=[api_throttle(), check_throttle()],
    summary="Pre-publication check",
)
def prepublication_check(request: HttpRequest, body: CheckIn):
    """Check a draft article's pictures for a medium, a publication date and a territory:
    each picture's match in the archive, "can I use it?", its credit line against the one
    required, its supplier's quota left, AI disclosure and claims rated false or disputed."""
    if not request.user.has_perm(PERMISSION):
        raise HttpError(403, "Your role may not run the pre-publication check.")
    try:
        draft = parse_article(body.text)
    except ArticleParseError as error:
        raise HttpError(400, f"The draft is not readable as an article: {error}") from error
    if refusal := picture_count_refusal(draft):
        raise HttpError(400, refusal)
    positions = {placement.position for placement in draft.placements}
    unknown = sorted({pin.position for pin in body.pictures} - positions)
    if unknown:
        raise HttpError(
            400,
            f"No picture at position {', '.join(map(str, unknown))}: the draft has "
            f"{len(positions)} picture{'s' if len(positions) != 1 else ''}.",
        )
    usage = UsageRequest(body.medium, body.date or timezone.localdate(), body.territory.upper())
    hashes = {pin.position: pin.sha256.lower() for pin in body.pictures}
    result = check_draft(draft, usage, user=request.user, via="api", hashes=hashes)
    return result.as_json()
