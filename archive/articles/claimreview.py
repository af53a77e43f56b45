"""schema.org ClaimReview: read from fact-checkers' pages, written on our claim pages.

A fact-checking page marks each claim it rates with a ``ClaimReview`` (the claim as
reviewed, who made it and when, and a rating: a word such as "False" or "Misleading", often
with a number between a worst and a best value). The importer turns each into a claim
candidate carrying the page's verdict; our claim pages publish the same markup for what the
desk has rated, and a ``MediaReview`` for each picture that illustrates the claim.
Pure: plain dicts in, plain dicts out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from archive.articles.dates import parse_iso_date
from archive.articles.draft import ClaimCandidate, norm

# Textual ratings, by the status they mean in our archive. Fact-checkers word them freely;
# the longest phrase that the rating contains decides (so "mostly false" is not "false" and
# "half true" is not "true").
_RATINGS: dict[str, tuple[str, ...]] = {
    "false": (
        "false",
        "mostly false",
        "pants on fire",
        "fake",
        "fabricated",
        "incorrect",
        "inaccurate",
        "wrong",
        "not true",
        "untrue",
        "baseless",
        "debunked",
        "hoax",
        "four pinocchios",
        "faux",
        "falso",
        "falsch",
        "fałsz",
    ),
    "disputed": (
        "misleading",
        "partly false",
        "partially false",
        "half true",
        "half-true",
        "mixed",
        "mixture",
        "disputed",
        "unproven",
        "unsupported",
        "lacks context",
        "missing context",
        "needs context",
        "exaggerated",
        "exaggeration",
        "out of context",
        "distorts the facts",
        "cherry-picked",
        "two pinocchios",
        "three pinocchios",
        "trompeur",
        "engañoso",
        "irreführend",
    ),
    "verified": (
        "true",
        "mostly true",
        "correct",
        "accurate",
        "confirmed",
        "verified",
        "geppetto checkmark",
        "vrai",
        "verdadero",
        "richtig",
        "prawda",
    ),
}
_PHRASES = sorted(
    ((phrase, status) for status, phrases in _RATINGS.items() for phrase in phrases),
    key=lambda item: -len(item[0]),
)
_OUR_RATING = {"false": 1, "disputed": 2, "verified": 3}  # on a scale of 1 (worst) to 3


def _types(obj: dict) -> set[str]:
    raw = obj.get("@type") or obj.get("type") or []
    if isinstance(raw, str):
        raw = [raw]
    return {str(t).rsplit("/", 1)[-1] for t in raw if t}


def _text(value) -> str:
    """A name or text value as text ({"name": "..."} -> "...", lists joined)."""
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value[:5]) if t)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return norm(str(value))
    return ""


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(_text(value)).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def status_of_rating(rating: dict) -> str:
    """Our claim status for a ClaimReview's ``reviewRating``, or "" when it cannot be told.

    The textual rating (``alternateName``, else ``name``) decides; without one, the number
    decides when the scale is given: the worst value is false, the best verified, anything
    between disputed.
    """
    if not isinstance(rating, dict):
        return ""
    wording = _text(rating.get("alternateName") or rating.get("name")).lower()
    wording = re.sub(r"[^\w\s-]", " ", wording)
    padded = f" {' '.join(wording.split())} "
    for phrase, status in _PHRASES:
        if f" {phrase} " in padded:
            return status
    value = _number(rating.get("ratingValue"))
    best = _number(rating.get("bestRating"))
    worst = _number(rating.get("worstRating"))
    if value is None or best is None or worst is None or best == worst:
        return ""
    low, high = min(best, worst), max(best, worst)
    if not low <= value <= high:
        return ""
    if value == worst:
        return "false"
    if value == best:
        return "verified"
    return "disputed"


def read_claim_reviews(schema_objects: Iterable[dict]) -> list[ClaimCandidate]:
    """Each ClaimReview on a page as a claim candidate with the page's verdict."""
    candidates: list[ClaimCandidate] = []
    seen: set[str] = set()
    for obj in schema_objects:
        if not isinstance(obj, dict) or "ClaimReview" not in _types(obj):
            continue
        claim = obj.get("itemReviewed") if isinstance(obj.get("itemReviewed"), dict) else {}
        text = _text(obj.get("claimReviewed")) or _text(claim.get("text") or claim.get("name"))
        if not text or text.lower() in seen:
            continue
        seen.add(text.lower())
        rating = obj.get("reviewRating")
        if isinstance(rating, list):
            rating = rating[0] if rating else {}
        wording = _text((rating or {}).get("alternateName") or (rating or {}).get("name"))
        claimant = _text(claim.get("author")) or _text(claim.get("creator"))
        candidates.append(
            ClaimCandidate(
                sentence=text[:2000],
                claimant=claimant[:300],
                claimant_as_printed=claimant[:200],
                status=wording[:200],
                rating=status_of_rating(rating or {}),
                paragraph_index=-1,
                claimed_on=parse_iso_date(_text(claim.get("datePublished"))),
            )
        )
    return candidates


def merge_reviewed(candidates: list[ClaimCandidate], reviewed: list[ClaimCandidate]) -> None:
    """Give the page's verdict to the candidate that states a reviewed claim, or add it.

    A candidate states the reviewed claim when one's words contain the other's (case and
    spacing aside); the candidate keeps its figure and place, and takes the rating, and the
    claimant when it had none.
    """

    def key(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    for review in reviewed:
        wanted = key(review.sentence)
        same = next(
            (
                c
                for c in candidates
                if wanted and (wanted in key(c.sentence) or key(c.sentence) in wanted)
            ),
            None,
        )
        if same is None:
            candidates.append(review)
            continue
        same.rating = review.rating
        same.status = review.status or same.status
        same.claimant = same.claimant or review.claimant
        same.claimed_on = same.claimed_on or review.claimed_on


# ---- our pages


_INSTITUTION = re.compile(
    r"\b(ministry|ministries|department|agency|office|government|army|forces|command|police|"
    r"council|committee|commission|service|services|bureau|authority|authorities|"
    r"institute|organisation|organization|association|union|party|company|bank|court|"
    r"parliament|kremlin|pentagon|mod|un|who|nato|ngo)\b",
    re.IGNORECASE,
)


def author_type(claimant: str) -> str:
    """Person or Organization, for a claimant as the desk wrote it."""
    return "Organization" if _INSTITUTION.search(claimant) else "Person"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def claim_review(
    *,
    url: str,
    text: str,
    claimant: str,
    claimed_on: date | None,
    appearance_url: str,
    status: str,
    status_label: str,
    publisher: str,
    reviewed_on: date | None,
) -> dict:
    """The ClaimReview JSON-LD for one of our claims; the rating only once it is rated."""
    item = _drop_empty(
        {
            "@type": "Claim",
            "author": {"@type": author_type(claimant), "name": claimant} if claimant else None,
            "datePublished": _iso(claimed_on),
            "appearance": {"@type": "CreativeWork", "url": appearance_url}
            if appearance_url
            else None,
        }
    )
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": publisher},
        "datePublished": _iso(reviewed_on),
    }
    if status in _OUR_RATING:
        review["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": _OUR_RATING[status],
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": status_label,
        }
    return _drop_empty(review)


# How a picture was made (IPTC digital source type) as a MediaReview category.
_AUTHENTICITY = {
    "digitalCapture": "OriginalMediaContent",
    "negativeFilm": "OriginalMediaContent",
    "positiveFilm": "OriginalMediaContent",
    "print": "OriginalMediaContent",
    "minorHumanEdits": "EditedOrCroppedContent",
    "compositeCapture": "EditedOrCroppedContent",
    "composite": "EditedOrCroppedContent",
    "algorithmicallyEnhanced": "TransformedContent",
    "compositeWithTrainedAlgorithmicMedia": "TransformedContent",
    "trainedAlgorithmicMedia": "TransformedContent",
    "algorithmicMedia": "TransformedContent",
    "compositeSynthetic": "TransformedContent",
    "screenCapture": "OriginalMediaContent",
    "virtualRecording": "OriginalMediaContent",
}


def media_review(
    *,
    url: str,
    kind: str,
    caption: str,
    credit_line: str,
    creator: str,
    digital_source_type: str,
    publisher: str,
) -> dict:
    """A MediaReview for a picture that illustrates a claim.

    Its category comes from how the file says it was made (IPTC digital source type); a
    picture that says nothing gets no category rather than a guess.
    """
    media = _drop_empty(
        {
            "@type": "VideoObject" if kind == "video" else "ImageObject",
            "url": url,
            "caption": caption,
            "creditText": credit_line,
            "creator": {"@type": "Person", "name": creator} if creator else None,
        }
    )
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "MediaReview",
            "itemReviewed": media,
            "author": {"@type": "Organization", "name": publisher},
            "mediaAuthenticityCategory": _AUTHENTICITY.get(digital_source_type.rsplit("/", 1)[-1]),
        }
    )
