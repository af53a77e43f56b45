"""\"Can I use it?\": pure rules over plain facts, like the licence audit's (``archive.audit.rules``).

No database here. ``usability`` answers for one asset, a medium, a day and a territory:
yes, yes with conditions (which), or no (why). The licence report's rights findings (a deny
lease breached, a use over quota, a required credit line not printed) are decided here too,
and the pre-publication check calls ``usability`` per picture.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from archive.agencies import canonical_credit
from archive.audit.rules import (
    CREDIT_LINE_NOT_PRINTED,
    DENY_LEASE_BREACHED,
    SOCIAL_EMBED,
    Finding,
    credit_identity,
    in_force,
    within,
)
from archive.audit.rules import OVER_QUOTA as OVER_QUOTA_FINDING
from archive.provenance import AI_SOURCE_TYPES, DATA_MINING_BY_CODE, NO_AI_TRAINING
from archive.rights.media import (
    MEDIA,  # noqa: F401  (re-exported)
    MEDIUM_LABELS,
    PRINT,
    SOCIAL,
    SYNDICATION,
    TRAINING,
    WEB,
)
from archive.text import printed_credit_name

FREE, CONDITIONAL, PAY, OVER_QUOTA = "free", "conditional", "pay", "over_quota"
ALLOW, DENY, USE = "allow", "deny", "use"

YES, CONDITIONS, NO = "yes", "conditions", "no"
VERDICT_LABELS = {YES: "Yes", CONDITIONS: "Yes, with conditions", NO: "No"}

# Why not: the reasons of a "no", in the order they are given.
NO_LICENCE = "no_licence"
EXPIRED = "expired"
DENY_LEASE = "deny_lease"
EMBED_ONLY = "embed_only"
OVER_QUOTA_REASON = "over_quota"
NOT_COVERED = "not_covered"
TERRITORY = "territory"
DATA_MINING = "data_mining"
REASONS = (
    DENY_LEASE,
    NO_LICENCE,
    EXPIRED,
    NOT_COVERED,
    TERRITORY,
    EMBED_ONLY,
    OVER_QUOTA_REASON,
    DATA_MINING,
)
# Conditions of a "yes".
CREDIT_LINE = "credit_line"
PAY_FEE = "pay"
CONDITIONAL_USE = "conditional"
RESTRICTIONS = "restrictions"
EDITORIAL = "editorial"
EMBED_POST = "embed_post"
AI_DISCLOSURE = "ai_disclosure"
NO_AI_TRAINING_PASSED_ON = "no_ai_training"
UNVERIFIED = "unverified"
ALLOWED_BY_LEASE = "allowed_by_lease"
DENY_AHEAD = "deny_ahead"
EXPIRING = "expiring"

# Licence types that are a social embed, and that allow editorial use only.
EDITORIAL_TYPE = "editorial"


@dataclass(frozen=True, slots=True)
class LicenceTerms:
    id: int
    licence_type: str = "unknown"
    starts_on: date | None = None
    expires_on: date | None = None
    territory: str = ""
    verified: bool = False
    restrictions: str = ""


@dataclass(frozen=True, slots=True)
class LeaseTerms:
    id: int
    access: str  # allow or deny
    scope: str = USE  # use or syndication
    starts_on: date | None = None
    ends_on: date | None = None
    note: str = ""
    video_id: int | None = None  # set on a lease of the video a still was cut from

    def covers(self, day: date) -> bool:
        return within(day, self.starts_on, self.ends_on)

    @property
    def origin(self) -> str:
        """Where the lease comes from, as the reasons say it: "" for the asset's own."""
        return "" if self.video_id is None else " (on the video it was cut from)"


@dataclass(frozen=True, slots=True)
class CategoryTerms:
    code: str
    name: str = ""
    cost: str = PAY
    needs_licence: bool = True
    restrictions: str = ""


@dataclass(frozen=True, slots=True)
class AgreementTerms:
    id: int
    supplier: str = ""
    supplier_id: int | None = None
    categories: tuple[str, ...] = ()  # category codes, the first the default
    media: frozenset[str] = frozenset({WEB, PRINT})
    territories: frozenset[str] = frozenset()  # empty: everywhere
    required_credit_line: str = ""
    monthly_quota: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    cost: str = ""  # empty: the category's
    restrictions: str = ""

    def in_force(self, day: date) -> bool:
        return within(day, self.starts_on, self.ends_on)

    def covers_category(self, code: str | None) -> bool:
        return code is None or not self.categories or code in self.categories


@dataclass(frozen=True, slots=True)
class RightsFacts:
    """What the rules read of one asset: plain values, gathered by ``archive.rights.facts``."""

    id: int
    licences: tuple[LicenceTerms, ...] = ()
    leases: tuple[LeaseTerms, ...] = ()
    # A still's video's leases (``video_id`` set on each): they bind the still as its own do.
    video_leases: tuple[LeaseTerms, ...] = ()
    category: CategoryTerms | None = None  # the asset's own, else None
    agreements: tuple[AgreementTerms, ...] = ()  # its supplier's (any dates)
    quota_used: int = 0  # uses of the applicable agreement in the request's month
    restrictions: str = ""
    digital_source_type: str = ""
    data_mining: str = ""


@dataclass(frozen=True, slots=True)
class UsageRequest:
    medium: str = WEB
    on: date = field(default_factory=date.today)
    territory: str = ""  # a country code; empty: not asked


@dataclass(frozen=True, slots=True)
class Point:
    """One reason for a "no" or one condition of a "yes"."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Usability:
    verdict: str
    reasons: tuple[Point, ...] = ()
    conditions: tuple[Point, ...] = ()
    cost: str = ""
    category: str = ""
    agreement_id: int | None = None

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def usable(self) -> bool:
        return self.verdict != NO

    def as_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "label": self.label,
            "reasons": [{"code": p.code, "text": p.text} for p in self.reasons],
            "conditions": [{"code": p.code, "text": p.text} for p in self.conditions],
            "cost": self.cost,
            "category": self.category,
            "agreement": self.agreement_id,
        }


def territory_codes(text: str) -> frozenset[str]:
    """Return the territory codes a text lists (comma, semicolon or space separated,
    upper-cased); empty means everywhere, as does ``worldwide``."""
    words = {word.strip().upper() for word in text.replace(";", ",").replace(" ", ",").split(",")}
    words.discard("")
    if words & {"WORLDWIDE", "WORLD", "ALL", "*"}:
        return frozenset()
    return frozenset(words)


def covers_territory(territories: frozenset[str], territory: str) -> bool:
    """Return whether a list of territories (empty: everywhere) covers one (empty: not asked)."""
    return not territory or not territories or territory.upper() in territories


def applicable_agreement(
    agreements: Iterable[AgreementTerms], category: str | None, day: date
) -> AgreementTerms | None:
    """Return the supplier agreement in force on ``day`` covering the category (the first)."""
    return next((a for a in agreements if a.in_force(day) and a.covers_category(category)), None)


def required_credit(facts: RightsFacts, day: date) -> AgreementTerms | None:
    """Return the supplier agreement in force on ``day`` for the asset's category that
    requires a credit line (None: nothing requires one, the credit as recorded stands)."""
    category = facts.category.code if facts.category else None
    agreement = applicable_agreement(facts.agreements, category, day)
    return agreement if agreement is not None and agreement.required_credit_line else None


def effective_category(
    category: CategoryTerms | None, agreement: AgreementTerms | None
) -> str | None:
    """Return the asset's category code: its own, else its agreement's first, else None."""
    if category is not None:
        return category.code
    if agreement is not None and agreement.categories:
        return agreement.categories[0]
    return None


def derive_cost(
    category: CategoryTerms | None, agreement: AgreementTerms | None, quota_used: int
) -> str:
    """Return the cost of one more use: over quota when the agreement's monthly quota is used
    up, else the agreement's cost, else the category's; empty when nothing says (the terms
    are the licence's)."""
    if agreement is not None and agreement.monthly_quota is not None:
        if quota_used >= agreement.monthly_quota:
            return OVER_QUOTA
    if agreement is not None and agreement.cost:
        return agreement.cost
    return category.cost if category is not None else ""


def relevant_scopes(medium: str) -> tuple[str, ...]:
    """Return the lease scopes that bear on a medium (a picture not to be used is not to be
    syndicated either)."""
    return (USE, SYNDICATION) if medium == SYNDICATION else (USE,)


def leases_in_effect(facts: RightsFacts) -> tuple[LeaseTerms, ...]:
    """Return the leases that bear on an asset: its own, and for a still its video's.

    A still is part of its video's footage, so it follows the video's leases, allow and deny
    alike, beside its own; a deny beats an allow wherever either comes from, so a still's
    own deny lease holds against its video's allow, and its own allow does not lift its
    video's deny (downloads and takedowns treat a still the same way).
    """
    return facts.leases + facts.video_leases


def denials(leases: Iterable[LeaseTerms], day: date, medium: str = WEB) -> list[Point]:
    """Return why leases in force on ``day`` deny the medium (none: no lease denies it);
    a lease that has lapsed no longer denies anything."""
    scopes = relevant_scopes(medium)
    points = []
    for lease in leases:
        if lease.access == DENY and lease.scope in scopes and lease.covers(day):
            until = f" until {lease.ends_on.isoformat()}" if lease.ends_on else ""
            points.append(
                Point(
                    DENY_LEASE,
                    f"a lease denies {lease.scope}{until}" + _note(lease.note) + lease.origin,
                )
            )
    return points


def usability(facts: RightsFacts, request: UsageRequest, *, warning_days: int = 14) -> Usability:
    """Return whether the asset may be used on the request's medium, day and territory."""
    day, medium = request.on, request.medium
    reasons: list[Point] = []
    conditions: list[Point] = []
    scopes = relevant_scopes(medium)
    leases = [lease for lease in leases_in_effect(facts) if lease.scope in scopes]
    allowing = [lease for lease in leases if lease.access == ALLOW and lease.covers(day)]
    reasons.extend(denials(leases, day, medium))
    horizon = day + timedelta(days=warning_days)
    for lease in leases:
        if lease.access == DENY and lease.starts_on and day < lease.starts_on <= horizon:
            conditions.append(
                Point(
                    DENY_AHEAD,
                    f"a lease denies {lease.scope} from {lease.starts_on.isoformat()}"
                    + _note(lease.note)
                    + lease.origin,
                )
            )

    agreement = applicable_agreement(
        facts.agreements, facts.category.code if facts.category else None, day
    )
    category = effective_category(facts.category, agreement)
    cost = derive_cost(facts.category, agreement, facts.quota_used)
    current = [lic for lic in facts.licences if in_force(lic, day)]
    placeable = [
        lic
        for lic in current
        if covers_territory(territory_codes(lic.territory), request.territory)
    ]
    agreement_covers = (
        agreement is not None
        and medium in agreement.media
        and covers_territory(agreement.territories, request.territory)
    )
    needs_licence = facts.category.needs_licence if facts.category else True

    if allowing:
        first = allowing[0]
        conditions.append(
            Point(ALLOWED_BY_LEASE, "a lease allows it" + _note(first.note) + first.origin)
        )
    elif needs_licence and not placeable and not agreement_covers:
        reasons.append(_why_unlicensed(facts, request, agreement, current))
    elif needs_licence and not agreement_covers:
        non_embed = [lic for lic in placeable if lic.licence_type != SOCIAL_EMBED]
        if not non_embed:
            if medium in (WEB, SOCIAL):
                conditions.append(
                    Point(EMBED_POST, "embed the original post; do not publish the file")
                )
            else:
                reasons.append(
                    Point(
                        EMBED_ONLY,
                        f"the licence allows embedding the post only, not {MEDIUM_LABELS[medium]}",
                    )
                )
        elif all(lic.licence_type == EDITORIAL_TYPE for lic in non_embed):
            conditions.append(Point(EDITORIAL, "editorial use only"))
        if not any(lic.verified for lic in placeable):
            conditions.append(Point(UNVERIFIED, "the licence has not been verified"))
        last = max(
            (lic.expires_on for lic in placeable if lic.expires_on is not None), default=None
        )
        if last is not None and all(lic.expires_on for lic in placeable) and last <= horizon:
            conditions.append(Point(EXPIRING, f"the licence expires {last.isoformat()}"))

    if not allowing and agreement is not None:
        if cost == OVER_QUOTA:
            reasons.append(
                Point(
                    OVER_QUOTA_REASON,
                    f"{facts.quota_used} of {agreement.monthly_quota} uses this month "
                    f"under the {agreement.supplier or 'supplier'} agreement",
                )
            )
        if agreement.required_credit_line and medium != TRAINING:
            conditions.append(
                Point(CREDIT_LINE, f"print the credit line “{agreement.required_credit_line}”")
            )
        if agreement.restrictions:
            conditions.append(Point(RESTRICTIONS, agreement.restrictions))
    if cost == PAY and not allowing:
        conditions.append(Point(PAY_FEE, "a fee is due for each use"))
    elif cost == CONDITIONAL:
        conditions.append(Point(CONDITIONAL_USE, "free only on the terms of its category"))
    for text in (
        facts.category.restrictions if facts.category else "",
        facts.restrictions,
        *(lic.restrictions for lic in placeable),
    ):
        if text and Point(RESTRICTIONS, text) not in conditions:
            conditions.append(Point(RESTRICTIONS, text))

    mining = DATA_MINING_BY_CODE.get(facts.data_mining)
    if facts.data_mining in NO_AI_TRAINING:
        if medium == TRAINING:
            reasons.append(Point(DATA_MINING, f"its data mining terms: {mining.label}"))
        elif medium == SYNDICATION:
            conditions.append(
                Point(NO_AI_TRAINING_PASSED_ON, f"pass on its data mining terms: {mining.label}")
            )
    if facts.digital_source_type in AI_SOURCE_TYPES and medium in (WEB, PRINT, SOCIAL):
        conditions.append(
            Point(AI_DISCLOSURE, "say in the caption that it was made or edited with AI")
        )

    order = {code: index for index, code in enumerate(REASONS)}
    reasons.sort(key=lambda point: order[point.code])
    verdict = NO if reasons else CONDITIONS if conditions else YES
    return Usability(
        verdict,
        tuple(reasons),
        tuple(conditions),
        cost=cost,
        category=category or "",
        agreement_id=agreement.id if agreement else None,
    )


def _note(note: str) -> str:
    return f" ({note})" if note else ""


def _why_unlicensed(
    facts: RightsFacts,
    request: UsageRequest,
    agreement: AgreementTerms | None,
    current: list[LicenceTerms],
) -> Point:
    day, medium = request.on, request.medium
    if agreement is not None and medium not in agreement.media:
        return Point(
            NOT_COVERED,
            f"the {agreement.supplier or 'supplier'} agreement does not cover "
            f"{MEDIUM_LABELS[medium]}",
        )
    if current or agreement is not None:
        return Point(TERRITORY, f"not licensed for {request.territory.upper()}")
    ended = [lic.expires_on for lic in facts.licences if lic.expires_on and lic.expires_on < day]
    ended += [a.ends_on for a in facts.agreements if a.ends_on and a.ends_on < day]
    if ended:
        return Point(EXPIRED, f"its licence expired {max(ended).isoformat()}")
    later = [lic.starts_on for lic in facts.licences if lic.starts_on and lic.starts_on > day]
    if later:
        return Point(NO_LICENCE, f"its licence starts {min(later).isoformat()}")
    return Point(NO_LICENCE, "no licence or supplier agreement covers it")


# The licence report's rights findings -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UseFacts:
    """One printed use of a picture: a placement in an article published on a day."""

    placement_id: int
    asset_id: int
    published_on: date | None
    article_id: int = 0
    credit_id: int | None = None  # the credit record its printed line was matched to
    credit_line: str = ""


def deny_breaches(
    leases: Iterable[LeaseTerms], uses: Iterable[UseFacts]
) -> list[tuple[UseFacts, LeaseTerms]]:
    """Return the uses published within a window in which a lease denied use, each with the
    first such lease (a lease that has lapsed since still counts: the use was a breach)."""
    denying = [lease for lease in leases if lease.access == DENY and lease.scope == USE]
    breaches = []
    for use in uses:
        if use.published_on is None:
            continue
        lease = next((lease for lease in denying if lease.covers(use.published_on)), None)
        if lease is not None:
            breaches.append((use, lease))
    return breaches


def uses_over_quota(uses: Iterable[UseFacts], quota: int | None) -> list[UseFacts]:
    """Return the uses past a monthly quota: in each calendar month, those after the first
    ``quota`` (in order of publication, then placement)."""
    if quota is None:
        return []
    months: dict[tuple[int, int], list[UseFacts]] = defaultdict(list)
    for use in uses:
        if use.published_on is not None:
            months[(use.published_on.year, use.published_on.month)].append(use)
    over: list[UseFacts] = []
    for month_uses in months.values():
        month_uses.sort(key=lambda use: (use.published_on, use.placement_id))
        over.extend(month_uses[quota:])
    return sorted(over, key=lambda use: (use.published_on, use.placement_id))


def credit_identity_of(name: str, aliases: Mapping[str, int]) -> int | str | None:
    """Return the credit a printed name names: through aliases, else through the agencies'
    printed spellings (``archive.agencies``), else its key; None if blank."""
    identity = credit_identity(name, aliases)
    if isinstance(identity, str):
        canonical = canonical_credit(name)
        if canonical and canonical != name:
            found = credit_identity(canonical, aliases)
            if isinstance(found, int):
                return found
    return identity


def prints_required_credit(use: UseFacts, required_line: str, aliases: Mapping[str, int]) -> bool:
    """Return whether a use prints the credit its agreement requires: the same credit,
    aliases and the agencies' spellings respected (``Thomson Reuters`` for ``REUTERS``)."""
    required = credit_identity_of(printed_credit_name(required_line), aliases)
    if required is None:
        return True
    printed = use.credit_id or credit_identity_of(printed_credit_name(use.credit_line), aliases)
    return printed == required


def report_findings(
    *,
    uses: Iterable[UseFacts],
    leases: Iterable[LeaseTerms] = (),
    over_quota: Mapping[int, str] = {},  # noqa: B006  (read only)
    agreements: Iterable[AgreementTerms] = (),
    category: str | None = None,
    aliases: Mapping[str, int] = {},  # noqa: B006  (read only)
) -> list[Finding]:
    """Return the licence report's usage-rights findings for one asset's uses.

    ``deny_lease_breached``: published within a window in which a lease denied use.
    ``over_quota``: a use past its agreement's monthly quota (``over_quota`` maps each such
    placement to a description, decided by ``uses_over_quota`` over the agreement's uses).
    ``credit_line_not_printed``: the agreement in force on the day of publication requires a
    credit line and the printed one names another credit (or none).
    """
    uses = list(uses)
    agreements = list(agreements)
    findings: list[Finding] = []
    breaches = deny_breaches(leases, uses)
    if breaches:
        findings.append(
            Finding(
                DENY_LEASE_BREACHED,
                "; ".join(
                    f"article #{use.article_id} published {use.published_on.isoformat()}, "
                    f"while a lease denied use" + _note(lease.note) + lease.origin
                    for use, lease in breaches
                ),
            )
        )
    over = [over_quota[use.placement_id] for use in uses if use.placement_id in over_quota]
    if over:
        findings.append(Finding(OVER_QUOTA_FINDING, "; ".join(over)))
    missing = []
    for use in uses:
        if use.published_on is None:
            continue
        agreement = applicable_agreement(agreements, category, use.published_on)
        if agreement is None or not agreement.required_credit_line:
            continue
        if not prints_required_credit(use, agreement.required_credit_line, aliases):
            printed = f"“{use.credit_line}”" if use.credit_line else "no credit line"
            missing.append(
                f"article #{use.article_id} prints {printed}; the "
                f"{agreement.supplier or 'supplier'} agreement requires "
                f"“{agreement.required_credit_line}”"
            )
    if missing:
        findings.append(Finding(CREDIT_LINE_NOT_PRINTED, "; ".join(missing)))
    return findings
