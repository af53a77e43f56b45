"""The licence audit's rules: pure functions over frozen dataclasses that return findings.

No database here: this module is the single source of truth the SQL mirror (``sql.py``) is
tested against. Time-based findings (``expired``, ``expiring``) are decided from the day
passed in, so nothing stored goes stale.

An asset is licensed by its own licences or through a supplier agreement of its credit that
is in force and covers it (its usage category, and publication: the web or print), as "can I
use it?" (``archive.rights.rules``) reads agreements: such an asset is not ``missing``, and
is ``expiring`` only when its agreement ends within the warning horizon too. An agreement
that has ended, or that is in force but does not cover it, is a finding of its own. An asset
whose usage category needs no licence (staff, handout ...) needs neither.
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
AGREEMENT_ENDED = "agreement_ended"
AGREEMENT_NOT_COVERING = "agreement_not_covering"
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
    AGREEMENT_ENDED: HIGH,
    AGREEMENT_NOT_COVERING: HIGH,
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
    AGREEMENT_ENDED: "Supplier agreement ended",
    AGREEMENT_NOT_COVERING: "Supplier agreement does not cover it",
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


def within(day: date, starts_on: date | None, ends_on: date | None) -> bool:
    """Whether ``day`` falls in a window whose first and last days are both in it (either end
    left open: None). Licences, supplier agreements and leases all read their dates so."""
    return (starts_on is None or starts_on <= day) and (ends_on is None or ends_on >= day)


@dataclass(frozen=True, slots=True)
class LicenceFacts:
    id: int
    licence_type: str
    licensor: str = ""
    starts_on: date | None = None
    expires_on: date | None = None
    verified: bool = False


@dataclass(frozen=True, slots=True)
class AgreementFacts:
    """A supplier agreement of the asset's credit, as the audit reads it."""

    id: int
    supplier: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    # Whether it covers this asset: its usage category (an asset with none takes the
    # agreement's first) and publication (the web or print).
    covers: bool = True

    def in_force(self, day: date) -> bool:
        return within(day, self.starts_on, self.ends_on)

    @property
    def name(self) -> str:
        return f"the {self.supplier or 'supplier'} agreement (#{self.id})"


@dataclass(frozen=True, slots=True)
class AgreementCoverage:
    """What an asset's supplier agreements say on a day (``agreement_coverage``)."""

    covering: AgreementFacts | None = None  # in force and covering it: the longest lasting
    ended: AgreementFacts | None = None  # none covering: the last one covering it that ended
    other: AgreementFacts | None = None  # none covering: one in force that does not cover it


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
    # Its credit's supplier agreements (any dates), each saying whether it covers the asset.
    agreements: tuple[AgreementFacts, ...] = ()
    # False when its usage category needs no licence (staff, handout ...).
    licence_needed: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    detail: str = ""
    licence_id: int | None = None
    agreement_id: int | None = None

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def in_force(licence: LicenceFacts, today: date) -> bool:
    """Return whether the licence covers ``today`` (an expiry date is the last valid day)."""
    return within(today, licence.starts_on, licence.expires_on)


def agreement_coverage(agreements: Iterable[AgreementFacts], today: date) -> AgreementCoverage:
    """Return which of an asset's supplier agreements covers it on ``today`` (the one lasting
    longest), else the last covering one that ended and one in force that does not cover it."""
    agreements = list(agreements)
    current = [a for a in agreements if a.in_force(today)]
    covering = [a for a in current if a.covers]
    if covering:
        # An open end lasts longest; then the latest end; then the lowest id.
        return AgreementCoverage(
            covering=min(
                covering, key=lambda a: (a.ends_on is not None, -_ordinal(a.ends_on), a.id)
            )
        )
    ended = [a for a in agreements if a.covers and a.ends_on is not None and a.ends_on < today]
    return AgreementCoverage(
        ended=min(ended, key=lambda a: (-a.ends_on.toordinal(), a.id)) if ended else None,
        other=min(current, key=lambda a: a.id) if current else None,
    )


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day is not None else 0


def licence_findings(
    licences: Iterable[LicenceFacts],
    *,
    today: date,
    warning_days: int,
    stored: bool,
    placed: bool,
    agreements: Iterable[AgreementFacts] = (),
    licence_needed: bool = True,
) -> list[Finding]:
    """Return the missing, expired, agreement, expiring, unverified and embed-only findings.

    A supplier agreement in force that covers the asset licenses it as a licence in force
    does (not missing, not expired); with no licence in force and none covering, an agreement
    that ended and one in force that does not cover it are findings of their own, and
    ``missing`` is left for an asset that neither a licence nor an agreement ever named. An
    asset whose usage category needs no licence (``licence_needed`` false) is never without.
    """
    licences = list(licences)
    findings: list[Finding] = []
    current = [lic for lic in licences if in_force(lic, today)]
    expired = [lic for lic in licences if lic.expires_on is not None and lic.expires_on < today]
    coverage = agreement_coverage(agreements, today)
    covering = coverage.covering
    if not licence_needed:
        pass  # licensed by its usage category, which does not lapse
    elif not current and covering is None:
        if expired:
            last = max(expired, key=lambda lic: lic.expires_on)
            findings.append(Finding(EXPIRED, f"expired {last.expires_on.isoformat()}", last.id))
        if coverage.ended is not None:
            ended = coverage.ended
            findings.append(
                Finding(
                    AGREEMENT_ENDED,
                    f"{ended.name} ended {ended.ends_on.isoformat()}",
                    agreement_id=ended.id,
                )
            )
        if coverage.other is not None:
            other = coverage.other
            findings.append(
                Finding(
                    AGREEMENT_NOT_COVERING,
                    f"{other.name} does not cover its usage category or publication",
                    agreement_id=other.id,
                )
            )
        if not expired and coverage.ended is None and coverage.other is None:
            later = [lic for lic in licences if lic.starts_on and lic.starts_on > today]
            detail = (
                f"only a licence starting {min(lic.starts_on for lic in later).isoformat()}"
                if later
                else "no licence or supplier agreement recorded"
            )
            findings.append(Finding(MISSING, detail, later[0].id if later else None))
    else:
        horizon = today + timedelta(days=warning_days)
        ends = [lic.expires_on for lic in current]
        if covering is not None:
            ends.append(covering.ends_on)
        if all(end is not None and end <= horizon for end in ends):
            last = max(ends)
            days = (last - today).days
            licence = next((lic for lic in current if lic.expires_on == last), None)
            if licence is not None:
                findings.append(
                    Finding(EXPIRING, f"expires {last.isoformat()} ({days} d)", licence.id)
                )
            else:
                findings.append(
                    Finding(
                        EXPIRING,
                        f"covered by {covering.name} until {last.isoformat()} ({days} d)",
                        agreement_id=covering.id,
                    )
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
            agreements=facts.agreements,
            licence_needed=facts.licence_needed,
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
