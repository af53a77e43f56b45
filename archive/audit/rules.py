"""The licence audit's rules: pure functions over frozen dataclasses that return findings.

No database here: this module is the single source of truth the SQL mirror (``sql.py``) is
tested against. Time-based findings (``expired``, ``expiring``) are decided from the day
passed in, so nothing stored goes stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from archive.provenance import (
    AI_SOURCE_TYPES,
    DATA_MINING_BY_CODE,
    NO_AI_TRAINING,
    SOURCE_TYPE_BY_CODE,
    discloses_ai,
)
from archive.text import credit_key, printed_credit_name

MISSING = "missing"
EXPIRED = "expired"
EXPIRING = "expiring"
UNVERIFIED = "unverified"
EMBED_ONLY = "embed_only"
CREDIT_MISMATCH = "credit_mismatch"
DUPLICATE_CONFLICT = "duplicate_conflict"
UNKNOWN_CREDIT = "unknown_credit"
AI_UNDISCLOSED = "ai_undisclosed"
AI_TRAINING_EXPORT = "ai_training_export"
# Usage rights (decided by ``archive.rights.rules.report_findings``, passed in the facts).
DENY_LEASE_BREACHED = "deny_lease_breached"
OVER_QUOTA = "over_quota"
CREDIT_LINE_NOT_PRINTED = "credit_line_not_printed"
RIGHTS_FINDINGS = (DENY_LEASE_BREACHED, OVER_QUOTA, CREDIT_LINE_NOT_PRINTED)
OK = "ok"

HIGH, MEDIUM, LOW, NONE = "high", "medium", "low", "none"

# Order is the order of the report's columns and of an asset's findings.
SEVERITY: dict[str, str] = {
    MISSING: HIGH,
    EXPIRED: HIGH,
    EMBED_ONLY: HIGH,
    AI_UNDISCLOSED: HIGH,
    AI_TRAINING_EXPORT: HIGH,
    DENY_LEASE_BREACHED: HIGH,
    EXPIRING: MEDIUM,
    CREDIT_MISMATCH: MEDIUM,
    OVER_QUOTA: MEDIUM,
    CREDIT_LINE_NOT_PRINTED: MEDIUM,
    DUPLICATE_CONFLICT: MEDIUM,
    UNVERIFIED: LOW,
    UNKNOWN_CREDIT: LOW,
    OK: NONE,
}
FINDINGS: tuple[str, ...] = tuple(SEVERITY)
LABELS: dict[str, str] = {
    MISSING: "No licence",
    EXPIRED: "Licence expired",
    EMBED_ONLY: "Embed-only, yet stored and published",
    AI_UNDISCLOSED: "AI-made, published without saying so",
    AI_TRAINING_EXPORT: "In a training set its rights holder forbids",
    DENY_LEASE_BREACHED: "Published while a lease denied use",
    OVER_QUOTA: "Used over the supplier's quota",
    CREDIT_LINE_NOT_PRINTED: "Required credit line not printed",
    EXPIRING: "Licence expiring soon",
    CREDIT_MISMATCH: "Credit mismatch",
    DUPLICATE_CONFLICT: "Look-alike credited elsewhere",
    UNVERIFIED: "Licence not yet verified by an archivist",
    UNKNOWN_CREDIT: "Unknown or unreviewed credit",
    OK: "OK",
}
# The licence status (``Asset.objects.with_licence_status``) as search, asset pages, the API
# and the report all name it: the report's own words for the findings it matches. It is the
# state of the licences' dates only ("in date"), never whether anyone verified them (the
# finding ``unverified``), so the two can stand side by side.
LICENCE_STATUS_LABELS: dict[str, str] = {
    "valid": "Licence in date",
    "expiring": LABELS[EXPIRING],
    "expired": LABELS[EXPIRED],
    "none": LABELS[MISSING],
}
SEVERITY_RANK = {HIGH: 0, MEDIUM: 1, LOW: 2, NONE: 3}

SOCIAL_EMBED = "social_embed"
UNKNOWN_KIND = "unknown"


@dataclass(frozen=True, slots=True)
class LicenceFacts:
    id: int
    licence_type: str
    licensor: str = ""
    starts_on: date | None = None
    expires_on: date | None = None
    verified: bool = False


@dataclass(frozen=True, slots=True)
class PlacementFacts:
    article_id: int
    credit_id: int | None = None
    credit_line: str = ""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class TrainingExportFacts:
    id: int
    created_on: date | None = None
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class AssetFacts:
    id: int
    credit_id: int | None = None
    credit_name: str = ""
    credit_kind: str = UNKNOWN_KIND
    credit_reviewed: bool = False
    embedded_credit: str = ""
    stored: bool = True
    licences: tuple[LicenceFacts, ...] = ()
    placements: tuple[PlacementFacts, ...] = ()
    # Credits of the asset it looks like and of the assets that look like it.
    look_alike_credit_ids: tuple[int | None, ...] = ()
    digital_source_type: str = ""  # an IPTC code (archive.provenance)
    data_mining: str = ""  # a PLUS code
    training_exports: tuple[TrainingExportFacts, ...] = ()
    # The usage-rights findings, decided by ``archive.rights.rules.report_findings``.
    rights_findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    detail: str = ""
    licence_id: int | None = None

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def in_force(licence: LicenceFacts, today: date) -> bool:
    """Return whether the licence covers ``today`` (an expiry date is the last valid day)."""
    started = licence.starts_on is None or licence.starts_on <= today
    return started and (licence.expires_on is None or licence.expires_on >= today)


def licence_findings(
    licences: Iterable[LicenceFacts],
    *,
    today: date,
    warning_days: int,
    stored: bool,
    placed: bool,
) -> list[Finding]:
    """Return the missing, expired, expiring, unverified and embed-only findings."""
    licences = list(licences)
    findings: list[Finding] = []
    current = [lic for lic in licences if in_force(lic, today)]
    expired = [lic for lic in licences if lic.expires_on is not None and lic.expires_on < today]
    if not current and not expired:
        later = [lic for lic in licences if lic.starts_on and lic.starts_on > today]
        detail = (
            f"only a licence starting {min(lic.starts_on for lic in later).isoformat()}"
            if later
            else "no licence recorded"
        )
        findings.append(Finding(MISSING, detail, later[0].id if later else None))
    elif not current:
        last = max(expired, key=lambda lic: lic.expires_on)
        findings.append(Finding(EXPIRED, f"expired {last.expires_on.isoformat()}", last.id))
    else:
        horizon = today + timedelta(days=warning_days)
        if all(lic.expires_on is not None and lic.expires_on <= horizon for lic in current):
            last = max(current, key=lambda lic: lic.expires_on)
            days = (last.expires_on - today).days
            findings.append(
                Finding(EXPIRING, f"expires {last.expires_on.isoformat()} ({days} d)", last.id)
            )
    if licences and not any(lic.verified for lic in licences):
        findings.append(Finding(UNVERIFIED, "no licence has been verified", licences[0].id))
    embeds = [lic for lic in licences if lic.licence_type == SOCIAL_EMBED]
    if (
        embeds
        and stored
        and placed
        and not any(lic.licence_type != SOCIAL_EMBED for lic in current)
    ):
        findings.append(
            Finding(
                EMBED_ONLY,
                "the licence allows embedding the post only, yet the file is stored and placed",
                embeds[0].id,
            )
        )
    return findings


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return next((text for text in map(_text, value) if text), "")
    if isinstance(value, dict):
        return _text(value.get("x-default")) or next(
            (text for text in map(_text, value.values()) if text), ""
        )
    return ""


def embedded_credit(raw: Mapping[str, Any] | None) -> str:
    """Return the credit embedded in a file (XMP ``photoshop:Credit``, else IPTC ``Credit``)."""
    raw = raw or {}
    return _text((raw.get("xmp") or {}).get("photoshop:Credit")) or _text(
        (raw.get("iptc") or {}).get("Credit")
    )


def embedded_caption(raw: Mapping[str, Any] | None) -> str:
    """Return the caption embedded in a file (XMP ``dc:description``, else IPTC
    ``Caption-Abstract``, else EXIF ``ImageDescription``)."""
    raw = raw or {}
    return (
        _text((raw.get("xmp") or {}).get("dc:description"))
        or _text((raw.get("iptc") or {}).get("Caption-Abstract"))
        or _text((raw.get("exif") or {}).get("ImageDescription"))
    )


def credit_identity(text: str, aliases: Mapping[str, int]) -> int | str | None:
    """Return the credit id a name resolves to through aliases, else its key; None if blank."""
    key = credit_key(text or "")
    if not key:
        return None
    return aliases.get(key, f"?{key}")


def credit_mismatch(facts: AssetFacts, aliases: Mapping[str, int]) -> Finding | None:
    """Return a credit_mismatch finding when the credit, printed lines, licensors and the
    embedded credit do not all name the same credit (through aliases), else None."""
    named: dict[int | str, list[str]] = defaultdict(list)
    if facts.credit_id is not None:
        named[facts.credit_id].append(f"credit {facts.credit_name}")
    for placement in facts.placements:
        printed = printed_credit_name(placement.credit_line)
        identity = placement.credit_id or credit_identity(printed, aliases)
        if identity is not None:
            named[identity].append(f"printed {printed or placement.credit_line}")
    for licence in facts.licences:
        identity = credit_identity(licence.licensor, aliases)
        if identity is not None:
            named[identity].append(f"licensor {licence.licensor}")
    identity = credit_identity(facts.embedded_credit, aliases)
    if identity is not None:
        named[identity].append(f"embedded {facts.embedded_credit}")
    if len(named) <= 1:
        return None
    names = sorted({name for group in named.values() for name in group})
    return Finding(CREDIT_MISMATCH, "; ".join(names))


def credit_findings(facts: AssetFacts, aliases: Mapping[str, int]) -> list[Finding]:
    """Return the credit_mismatch, duplicate_conflict and unknown_credit findings."""
    findings: list[Finding] = []
    mismatch = credit_mismatch(facts, aliases)
    if mismatch is not None:
        findings.append(mismatch)
    if facts.credit_id is not None and any(
        other is not None and other != facts.credit_id for other in facts.look_alike_credit_ids
    ):
        findings.append(Finding(DUPLICATE_CONFLICT, "a look-alike is credited to another credit"))
    if facts.credit_id is None:
        findings.append(Finding(UNKNOWN_CREDIT, "no credit"))
    elif not facts.credit_reviewed:
        findings.append(Finding(UNKNOWN_CREDIT, f"credit {facts.credit_name} is unreviewed"))
    elif facts.credit_kind == UNKNOWN_KIND:
        findings.append(Finding(UNKNOWN_CREDIT, f"credit {facts.credit_name} is of unknown kind"))
    return findings


def undisclosed_placements(
    digital_source_type: str, placements: Iterable[PlacementFacts]
) -> list[PlacementFacts]:
    """Return the placements of an AI-made picture whose caption and credit line do not say
    it was made with AI (none for other pictures)."""
    if digital_source_type not in AI_SOURCE_TYPES:
        return []
    return [p for p in placements if not discloses_ai(p.caption, p.credit_line)]


def ai_findings(facts: AssetFacts) -> list[Finding]:
    """Return the AI disclosure and AI training findings.

    ``ai_undisclosed``: its digital source type says a model made or edited it, and it is
    printed with a caption and credit line that do not say so (``discloses_ai``).
    ``ai_training_export``: its data mining value forbids AI training, and it was included in
    an export declared as a training set.
    """
    findings: list[Finding] = []
    silent = undisclosed_placements(facts.digital_source_type, facts.placements)
    if silent:
        source = SOURCE_TYPE_BY_CODE[facts.digital_source_type]
        articles = ", ".join(f"#{pk}" for pk in dict.fromkeys(p.article_id for p in silent))
        findings.append(
            Finding(
                AI_UNDISCLOSED,
                f"{source.label} ({source.code}), printed in article {articles} with a caption "
                "that does not say it was made with AI",
            )
        )
    if facts.data_mining in NO_AI_TRAINING and facts.training_exports:
        mining = DATA_MINING_BY_CODE[facts.data_mining]
        exports = "; ".join(
            f"#{export.id}"
            + (f" of {export.created_on.isoformat()}" if export.created_on else "")
            + (f" ({export.purpose})" if export.purpose else "")
            for export in facts.training_exports
        )
        findings.append(
            Finding(
                AI_TRAINING_EXPORT,
                f"data mining: {mining.label} ({mining.code}), yet in training-set export "
                f"{exports}",
            )
        )
    return findings


def evaluate(
    facts: AssetFacts, *, today: date, warning_days: int, aliases: Mapping[str, int]
) -> list[Finding]:
    """Return an asset's findings in report order, or a single ``ok`` finding."""
    findings = (
        licence_findings(
            facts.licences,
            today=today,
            warning_days=warning_days,
            stored=facts.stored,
            placed=bool(facts.placements),
        )
        + credit_findings(facts, aliases)
        + ai_findings(facts)
        + list(facts.rights_findings)
    )
    if not findings:
        return [Finding(OK)]
    order = {kind: index for index, kind in enumerate(FINDINGS)}
    return sorted(findings, key=lambda finding: order[finding.kind])


def worst_severity(findings: Iterable[Finding]) -> str:
    """Return the most severe severity among findings (``none`` for ok)."""
    return min((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=NONE)
