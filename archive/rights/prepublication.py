"""The pre-publication check's verdicts: pure assembly over plain facts, no database.

For each picture of a draft article, ``assess`` puts together what the desk must know before
it runs: the "can I use it?" answer of ``rules.usability`` for the article's medium, day and
territory; whether the printed credit line is the one its supplier agreement requires (the
licence report's rule, ``rules.prints_required_credit``); the agreement's quota left this
month, counting the draft's own earlier pictures under it that can run; an AI-disclosure
warning; and the claims rated false or disputed that the picture or a look-alike illustrated.
A picture the archive does not hold is a "no": its rights cannot be checked; so is one whose
file hash was given but is not in the archive, whatever its caption matches (reported as a
candidate). The draft meets some of the rules' conditions itself (the credit line printed
as required, a caption that says AI made it): those are listed as met and do not hold the
picture back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from archive.provenance import AI_SOURCE_TYPES, SOURCE_TYPE_BY_CODE, discloses_ai
from archive.rights.rules import (
    AI_DISCLOSURE,
    CONDITIONS,
    CREDIT_LINE,
    NO,
    VERDICT_LABELS,
    YES,
    AgreementTerms,
    Point,
    RightsFacts,
    Usability,
    UsageRequest,
    UseFacts,
    applicable_agreement,
    prints_required_credit,
    usability,
)

# What the check adds to the rules' reasons and conditions.
NOT_IN_ARCHIVE = "not_in_archive"
CREDIT_LINE_WRONG = "credit_line_wrong"
AI_UNDISCLOSED = "ai_undisclosed"
FALSE_CLAIM = "false_claim"
DISPUTED_CLAIM = "disputed_claim"
RATED = {"false": FALSE_CLAIM, "disputed": DISPUTED_CLAIM}

# How the printed credit line compares with the one required.
AS_REQUIRED, NOT_AS_REQUIRED, NONE_REQUIRED = "as_required", "not_as_required", "none_required"


@dataclass(frozen=True, slots=True)
class ClaimFlag:
    """A claim rated false or disputed that the picture, or a look-alike of it, illustrated."""

    claim_id: int
    text: str
    status: str  # "false" or "disputed"
    asset_id: int  # the asset that illustrated it: the picture itself or a look-alike
    look_alike: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """An archived asset a picture's caption, credit or address would match when the file
    given for the picture is not in the archive: reported, never taken as the match."""

    asset_id: int
    title: str
    match: str  # how: same caption and credit line, ...


@dataclass(frozen=True, slots=True)
class PictureFacts:
    """One picture of the draft and what the archive holds for it (``asset_id`` None: nothing)."""

    position: int
    kind: str = "picture"
    caption: str = ""
    credit_line: str = ""
    asset_id: int | None = None
    asset_title: str = ""
    match: str = ""  # how it was matched: same file, same caption and credit line, ...
    rights: RightsFacts | None = None
    ai_source_types: tuple[str, ...] = ()  # its IPTC source type and its C2PA actions' types
    claims: tuple[ClaimFlag, ...] = ()
    file_not_held: str = ""  # the SHA-256 given for it, which no archived file has
    candidate: Candidate | None = None  # only with file_not_held


@dataclass(frozen=True, slots=True)
class CreditCheck:
    status: str  # AS_REQUIRED, NOT_AS_REQUIRED or NONE_REQUIRED
    required: str = ""
    printed: str = ""


@dataclass(frozen=True, slots=True)
class QuotaLeft:
    supplier: str
    quota: int
    used: int  # this month's uses before this picture, the draft's earlier ones included

    @property
    def left(self) -> int:
        return max(self.quota - self.used, 0)


@dataclass(frozen=True, slots=True)
class PictureVerdict:
    facts: PictureFacts
    verdict: str
    usability: Usability | None = None
    reasons: tuple[Point, ...] = ()  # why not (the rules' and the check's)
    conditions: tuple[Point, ...] = ()  # what remains to do or to know
    met: tuple[Point, ...] = ()  # conditions of the rules the draft meets as printed
    credit: CreditCheck | None = None
    quota: QuotaLeft | None = None
    ai_generated: bool = False

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def warning(self) -> str:
        """What the desk must not miss about the picture's file, or ""."""
        if not self.facts.file_not_held:
            return ""
        return f"Picture {self.facts.position}: {file_not_held_text(self.facts)}."

    def as_json(self) -> dict:
        facts = self.facts
        return {
            "position": facts.position,
            "kind": facts.kind,
            "caption": facts.caption,
            "credit_line": facts.credit_line,
            "matched": facts.asset_id is not None,
            "asset": facts.asset_id,
            "asset_title": facts.asset_title,
            "match": facts.match,
            "candidate": {
                "asset": facts.candidate.asset_id,
                "asset_title": facts.candidate.title,
                "match": facts.candidate.match,
            }
            if facts.candidate
            else None,
            "verdict": self.verdict,
            "label": self.label,
            "reasons": _points(self.reasons),
            "conditions": _points(self.conditions),
            "met": _points(self.met),
            "usability": self.usability.as_json() if self.usability else None,
            "credit_line_check": {
                "status": self.credit.status,
                "required": self.credit.required,
                "printed": self.credit.printed,
            }
            if self.credit
            else None,
            "quota": {
                "supplier": self.quota.supplier,
                "monthly_quota": self.quota.quota,
                "used": self.quota.used,
                "left": self.quota.left,
            }
            if self.quota
            else None,
            "ai_generated": self.ai_generated,
            "claims": [
                {
                    "claim": flag.claim_id,
                    "text": flag.text,
                    "status": flag.status,
                    "asset": flag.asset_id,
                    "look_alike": flag.look_alike,
                }
                for flag in facts.claims
            ],
        }


def _points(points: Iterable[Point]) -> list[dict]:
    return [{"code": point.code, "text": point.text} for point in points]


def credit_check(
    printed_line: str, agreement: AgreementTerms | None, aliases: Mapping[str, int]
) -> CreditCheck:
    """Return whether a printed credit line names the credit its agreement requires."""
    if agreement is None or not agreement.required_credit_line:
        return CreditCheck(NONE_REQUIRED, printed=printed_line)
    use = UseFacts(placement_id=0, asset_id=0, published_on=None, credit_line=printed_line)
    ok = prints_required_credit(use, agreement.required_credit_line, aliases)
    return CreditCheck(
        AS_REQUIRED if ok else NOT_AS_REQUIRED, agreement.required_credit_line, printed_line
    )


def file_not_held_text(facts: PictureFacts) -> str:
    """Say that the file given for a picture is not in the archive, and what else matches."""
    text = f"this file is not in the archive (SHA-256 {facts.file_not_held[:16]}…)"
    if facts.candidate is not None:
        candidate = facts.candidate
        text += (
            f"; a candidate, not the match: asset #{candidate.asset_id} “{candidate.title}” "
            f"({candidate.match}), which is another file"
        )
    return text


def not_in_archive(facts: PictureFacts) -> Point:
    """The reason a picture the archive does not hold is a no."""
    if facts.file_not_held:
        return Point(NOT_IN_ARCHIVE, f"{file_not_held_text(facts)}: its rights cannot be checked")
    return Point(
        NOT_IN_ARCHIVE,
        "no archived picture matches it (by file, or by caption and credit): "
        "its rights cannot be checked",
    )


def is_ai_made(source_types: Iterable[str]) -> bool:
    """Return whether any of a picture's source types says a model made or edited it."""
    return any(code in AI_SOURCE_TYPES for code in source_types)


def claim_point(flag: ClaimFlag) -> Point:
    via = f" (through look-alike asset #{flag.asset_id})" if flag.look_alike else ""
    return Point(
        RATED[flag.status],
        f"it illustrated claim #{flag.claim_id}, rated {flag.status}{via}: “{flag.text[:200]}”",
    )


def assess_picture(
    facts: PictureFacts,
    request: UsageRequest,
    *,
    aliases: Mapping[str, int],
    draft_uses: Mapping[int, int] | None = None,
    warning_days: int = 14,
) -> PictureVerdict:
    """Return the verdict on one picture (``draft_uses``: the draft's earlier pictures per
    agreement id, which count against its quota before this one)."""
    if facts.asset_id is None or facts.rights is None:
        return PictureVerdict(facts, NO, reasons=(not_in_archive(facts),))
    rights = facts.rights
    category = rights.category.code if rights.category else None
    agreement = applicable_agreement(rights.agreements, category, request.on)
    quota = None
    if agreement is not None and agreement.monthly_quota is not None:
        used = rights.quota_used + (draft_uses or {}).get(agreement.id, 0)
        rights = replace(rights, quota_used=used)
        quota = QuotaLeft(agreement.supplier, agreement.monthly_quota, used)
    answer = usability(rights, request, warning_days=warning_days)
    credit = credit_check(facts.credit_line, agreement, aliases)
    ai_made = is_ai_made(facts.ai_source_types)
    disclosed = discloses_ai(facts.caption, facts.credit_line)

    met, conditions = [], []
    for point in answer.conditions:
        if (point.code == CREDIT_LINE and credit.status == AS_REQUIRED) or (
            point.code == AI_DISCLOSURE and disclosed
        ):
            met.append(point)
        else:
            conditions.append(point)
    if credit.status == NOT_AS_REQUIRED:
        printed = f"“{facts.credit_line}”" if facts.credit_line else "no credit line"
        conditions.append(
            Point(
                CREDIT_LINE_WRONG,
                f"the draft prints {printed}; the {agreement.supplier or 'supplier'} "
                f"agreement requires “{agreement.required_credit_line}”",
            )
        )
    # The rules' "say it in the caption" becomes the check's warning, with the source type.
    conditions = [point for point in conditions if point.code != AI_DISCLOSURE]
    if ai_made and not disclosed:
        conditions.append(Point(AI_UNDISCLOSED, _ai_text(facts.ai_source_types)))
    conditions.extend(claim_point(flag) for flag in facts.claims)
    verdict = NO if answer.reasons else CONDITIONS if conditions else YES
    return PictureVerdict(
        facts,
        verdict,
        usability=answer,
        reasons=answer.reasons,
        conditions=tuple(conditions),
        met=tuple(met),
        credit=credit,
        quota=quota,
        ai_generated=ai_made,
    )


def _ai_text(source_types: Sequence[str]) -> str:
    code = next(code for code in source_types if code in AI_SOURCE_TYPES)
    return (
        f"it was made or edited with AI ({SOURCE_TYPE_BY_CODE[code].label}) and the caption "
        "does not say so: say it in the caption"
    )


def assess(
    pictures: Sequence[PictureFacts],
    request: UsageRequest,
    *,
    aliases: Mapping[str, int],
    warning_days: int = 14,
) -> list[PictureVerdict]:
    """Return the verdict on each picture of a draft, in article order; each picture that can
    run under an agreement with a quota counts against it for the pictures after it (a "no"
    will not run, so it uses none of the quota)."""
    draft_uses: dict[int, int] = defaultdict(int)
    verdicts = []
    for facts in pictures:
        verdict = assess_picture(
            facts, request, aliases=aliases, draft_uses=draft_uses, warning_days=warning_days
        )
        runs = verdict.verdict != NO
        if runs and verdict.usability is not None and verdict.usability.agreement_id is not None:
            draft_uses[verdict.usability.agreement_id] += 1
        verdicts.append(verdict)
    return verdicts


def overall(verdicts: Iterable[PictureVerdict]) -> str:
    """Return the draft's verdict: no if any picture is a no, else with conditions if any
    picture has some, else yes (a draft without pictures is a yes)."""
    found = {verdict.verdict for verdict in verdicts}
    return NO if NO in found else CONDITIONS if CONDITIONS in found else YES
