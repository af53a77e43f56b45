"""Importing a parsed article into the archive: the database side of `archive.articles`.

`build_draft` matches a parsed `ArticleDraft` against what the archive holds, writing nothing:
credits through their aliases, each placement to an archived asset (`archive.articles.matching`:
the same file when the page names one we hold, else an earlier placement with the same caption
and credit line, else an asset catalogued with the same caption and credit) or to an empty slot
"awaiting file", and
proposes links from each claim candidate to placements. The pictures the reader left out
(avatars, adverts, teasers) travel with the draft, each with its place among the placements, so that the archivist can
bring one back. `commit_draft` saves the reviewed draft atomically and idempotently (by URL,
or by the source text's SHA-256 when there is no URL). `attach_file` fills a slot awaiting its
file through the ingest pipeline; `printed_disagreements` says where that file's embedded
credit or caption differs from what was printed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import BinaryIO
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.articles.draft import ArticleDraft, ClaimCandidate, DraftPlacement, LeftOut
from archive.articles.matching import (
    MATCH_ARTICLE,
    MATCH_CAPTION,
    MATCH_DESCRIPTION,
    MATCH_FILE,
    match_asset_by_caption,
    match_asset_by_description,
    match_asset_by_file,
)
from archive.audit.rules import embedded_caption, embedded_credit
from archive.ingest import CREATED, DUPLICATE, IngestResult, ingest_file, resolve_credit
from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    Illustration,
    Placement,
)
from archive.models.articles import article_url_validator
from archive.text import credit_key, fold, printed_credit_name

_WORD_RE = re.compile(r"[^\W_][\w'’-]*")
_FIGURE_RE = re.compile(r"\d[\d,.]*")
_LINK_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been has have
    had it its this that these those he she they his her their our we you i has not no more
    than now after before who which what when where how all any some can could will would may
    might should must do does did also said says image picture photo video""".split()
)


@dataclass
class PlacementMatch:
    """One draft placement and what the archive holds for it."""

    placement: DraftPlacement
    credit: Credit | None = None
    asset: Asset | None = None
    # MATCH_FILE | MATCH_CAPTION | MATCH_DESCRIPTION | MATCH_ARTICLE | "" (awaiting file)
    match: str = ""

    @property
    def new_credit(self) -> bool:
        """Whether committing would create a new, unreviewed credit for this placement."""
        return bool(self.placement.credit) and self.credit is None

    @property
    def awaiting_file(self) -> bool:
        return self.asset is None


@dataclass
class CandidateReview:
    """A claim candidate and the placements proposed to illustrate it (by position)."""

    candidate: ClaimCandidate
    linked_positions: list[int] = field(default_factory=list)


@dataclass
class LeftOutReview:
    """A picture left out of the placements, and where it would go if brought back."""

    index: int  # its place in `draft.left_out`, as the review form names it
    item: LeftOut
    after: int  # the position of the placement printed just before it (0: before all)

    @property
    def link(self) -> str:
        """The picture's address when it is a web address (never a javascript: link)."""
        return self.item.src if self.item.src.startswith(("http://", "https://")) else ""


@dataclass
class ImportDraft:
    """A parsed article matched against the archive, ready for review; nothing saved yet."""

    draft: ArticleDraft
    source_hash: str
    existing: Article | None
    placements: list[PlacementMatch]
    candidates: list[CandidateReview]
    left_out: list[LeftOutReview] = field(default_factory=list)


@dataclass
class ClaimDecision:
    """The archivist's decision on one claim candidate: drop it, or accept it as edited."""

    accept: bool
    sentence: str = ""
    claimant: str = ""
    claimant_wording: str = ""
    figure: Decimal | None = None
    figure_high: Decimal | None = None
    unit: str = ""
    status: str = Claim.Status.UNVERIFIED
    status_wording: str = ""
    linked_positions: list[int] = field(default_factory=list)
    claimed_on: date | None = None  # when the claim was made, if the page says (ClaimReview)


@dataclass
class CommitResult:
    article: Article
    created: bool
    placements: int = 0
    claims: int = 0
    illustrations: int = 0
    new_credits: list[str] = field(default_factory=list)


def source_hash(text: str) -> str:
    """Return the SHA-256 (hex) of an article's source text, as `Article.source_hash` holds it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def find_existing_article(*, url: str, text_hash: str) -> Article | None:
    """Return the archived article this source is a re-import of: same URL, else same text."""
    if url:
        found = Article.objects.filter(url=url[:1000]).first()
        if found:
            return found
    return Article.objects.filter(source_hash=text_hash).first()


def _words(text: str) -> set[str]:
    return {
        w.casefold().strip("'’-")
        for w in _WORD_RE.findall(text or "")
        if w.casefold() not in _LINK_STOPWORDS and len(w) > 2
    }


def _paragraph_before(draft: ArticleDraft) -> dict[int, int]:
    """Return, per placement position, the index of the paragraph printed just before it.

    Placements and paragraphs are located in the source text by their printed words; a
    placement that cannot be found is left out (it gets no paragraph-based links).
    """
    source = draft.source_text
    offsets: list[int] = []
    start = 0
    for paragraph in draft.paragraphs:
        probe = paragraph[:80]
        found = source.find(probe, start)
        if found < 0:
            found = source.find(probe)
        offsets.append(found)
        if found >= 0:
            start = found + 1
    before: dict[int, int] = {}
    start = 0
    for placement in draft.placements:
        probe = (placement.caption or placement.title or placement.alt)[:80]
        if not probe:
            continue
        found = source.find(probe, start)
        if found < 0:
            continue
        start = found + 1
        preceding = [i for i, offset in enumerate(offsets) if 0 <= offset < found]
        before[placement.position] = preceding[-1] if preceding else -1
    return before


def _probes(src: str, *texts: str) -> list[str]:
    """What to look for in a page's source to find a picture: its address as written
    (escaped or not, relative or not), its file name, then its printed words."""
    probes = []
    if src:
        try:
            parts = urlsplit(src)
        except ValueError:  # a damaged address: look for it as written
            return [probe for probe in (src, *(t[:80] for t in texts if t)) if len(probe) >= 8]
        path_query = parts.path + (f"?{parts.query}" if parts.query else "")
        probes += [src, src.replace("&", "&amp;"), path_query, path_query.replace("&", "&amp;")]
        probes.append(parts.path)
    probes += [text[:80] for text in texts if text]
    return [probe for probe in probes if len(probe) >= 8]


def _offset(source: str, probes: list[str], start: int = 0) -> int:
    for probe in probes:
        found = source.find(probe, start)
        if found >= 0:
            return found
    return -1


def place_left_out(draft: ArticleDraft) -> list[LeftOutReview]:
    """Return the left-out pictures with the position each follows in the page.

    Pictures and placements are located in the source by their addresses (else their
    printed words); a picture that cannot be found, or that only the page's <head> names (a
    share image), would go at the end.
    """
    source = draft.source_text
    body = source.lower().find("<body")
    offsets = []
    start = 0
    for placement in draft.placements:
        found = _offset(
            source, _probes(placement.src, placement.caption, placement.title, placement.alt), start
        )
        offsets.append((found, placement.position))
        if found >= 0:
            start = found + 1
    end = draft.placements[-1].position if draft.placements else 0
    reviews = []
    for index, item in enumerate(draft.left_out):
        found = _offset(source, _probes(item.src, item.caption, item.alt))
        after = end
        if found >= 0 and found > body:
            before = [position for offset, position in offsets if 0 <= offset < found]
            after = before[-1] if before else 0
        reviews.append(LeftOutReview(index, item, after))
    return reviews


_VIDEO_WORDS_RE = re.compile(r"\b(?:video|videos|footage|clip|clips|filmed)\b", re.IGNORECASE)
_NAME_RE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)+")


def _figure_values(text: str) -> list[Decimal]:
    values = []
    for raw in _FIGURE_RE.findall(text or ""):
        try:
            values.append(Decimal(raw.replace(",", "").rstrip(".")))
        except ArithmeticError:
            continue
    return [v for v in values if v >= 100]


def _close_figures(caption: str, sentence: str) -> bool:
    """Tell whether a caption and a sentence state the same figure (within 5%, 100 or more)."""
    return any(
        abs(a - b) <= Decimal("0.05") * max(a, b)
        for a in _figure_values(caption)
        for b in _figure_values(sentence)
    )


def _names(text: str) -> list[str]:
    """Return the names in a text: runs of capitalised words ("Sergei Shoigu")."""
    return _NAME_RE.findall(text or "")


def _acronyms(name: str) -> set[str]:
    """Return a name's initials, with and without its small words ("mod" and "md")."""
    words = name.split()
    return {
        "".join(w[0] for w in words).casefold(),
        "".join(w[0] for w in words if w[:1].isupper()).casefold(),
    }


def _names_claimant(placement: DraftPlacement, claimant: str, sentence: str) -> bool:
    """Tell whether a placement's alt text or caption names the candidate's claimant.

    A person matches by surname ("Sergei Shoigu" and "Defence Minister Sergei Shoigu"); an
    institution also by its initials ("Ministry of Defence" and "the MoD").
    """
    claimant_words = {w.casefold() for w in _WORD_RE.findall(claimant)}
    sentence_words = {
        w.casefold().removesuffix("’s").removesuffix("'s") for w in _WORD_RE.findall(sentence)
    }
    for name in _names(f"{placement.alt}. {placement.caption}"):
        institution = " of " in name
        if not institution and name.split()[-1].casefold() in claimant_words:
            return True
        known = claimant_words | sentence_words
        if any(len(initials) >= 3 and initials in known for initials in _acronyms(name)):
            return True
    return False


def propose_links(draft: ArticleDraft) -> list[list[int]]:
    """Propose, per claim candidate, the placement positions that illustrate it.

    Clear rules, proposals only (the archivist confirms each). A placement is proposed when

    1. its alt text or caption names the candidate's claimant (a person by surname, an
       institution also by its initials: "Ministry of Defence" for "the MoD");
    2. its caption states the same figure (within 5%: "more than 71,000" for "71,200");
    3. its caption shares two words with the sentence that are rare in the article (words
       found in fewer than a sixth of its paragraphs);
    4. the candidate speaks of a video or footage and the placement is a video or its still;
    5. the candidate's paragraph is the one printed right after the placement.
    """
    after = {position: index + 1 for position, index in _paragraph_before(draft).items()}
    paragraph_words = [_words(p) for p in draft.paragraphs]
    frequency: dict[str, int] = {}
    for words in paragraph_words:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    common = {w for w, n in frequency.items() if n * 6 >= max(len(paragraph_words), 6)}
    links: list[list[int]] = []
    for candidate in draft.claim_candidates:
        sentence = candidate.sentence
        rare = _words(sentence) - common
        about_video = bool(_VIDEO_WORDS_RE.search(sentence))
        proposed = []
        for placement in draft.placements:
            printed = f"{placement.title} {placement.caption}"
            if (
                _names_claimant(placement, candidate.claimant, sentence)
                or _close_figures(placement.caption, sentence)
                or len(rare & _words(printed)) >= 2
                or (about_video and placement.kind in ("video", "still"))
                or after.get(placement.position) == candidate.paragraph_index
            ):
                proposed.append(placement.position)
        links.append(proposed)
    return links


def is_web_url(url: str) -> bool:
    """Return whether a URL may be stored as an article's: http or https, well formed."""
    try:
        article_url_validator(url)
    except ValidationError:
        return False
    return True


def build_draft(draft: ArticleDraft) -> ImportDraft:
    """Match a parsed article against the archive (credits, assets, an earlier import)."""
    if draft.url and not is_web_url(draft.url):
        # A page's og:url or canonical link is the page's say, not ours: drop what is not a
        # web address (javascript:, data:) rather than store a link that runs when clicked.
        draft.warnings.append(
            f"The page's URL {draft.url[:80]!r} is not an http or https address; "
            "the article is kept without a URL."
        )
        draft.url = ""
    text_hash = source_hash(draft.source_text)
    existing = find_existing_article(url=draft.url, text_hash=text_hash)
    already_placed = (
        {p.position: p for p in existing.placements.select_related("asset", "credit")}
        if existing
        else {}
    )
    credits: dict[str, Credit | None] = {}
    matches = []
    for placement in draft.placements:
        name = placement.credit
        if name and name not in credits:
            credits[name] = resolve_credit(name, create=False)
        match = PlacementMatch(placement, credit=credits.get(name) if name else None)
        placed = already_placed.get(placement.position)
        if placed and placed.asset and placed.caption == placement.caption:
            match.asset, match.match = placed.asset, MATCH_ARTICLE
        elif asset := match_asset_by_file(placement.src):
            match.asset, match.match = asset, MATCH_FILE
        elif asset := match_asset_by_caption(placement):
            match.asset, match.match = asset, MATCH_CAPTION
        elif asset := match_asset_by_description(placement, match.credit):
            match.asset, match.match = asset, MATCH_DESCRIPTION
        matches.append(match)
    candidates = [
        CandidateReview(candidate, linked)
        for candidate, linked in zip(draft.claim_candidates, propose_links(draft), strict=True)
    ]
    return ImportDraft(draft, text_hash, existing, matches, candidates, place_left_out(draft))


def accept_all(imported: ImportDraft) -> list[ClaimDecision]:
    """Accept every candidate as proposed (what `import_article --commit` does)."""
    return [
        ClaimDecision(
            accept=True,
            sentence=review.candidate.sentence,
            claimant=review.candidate.claimant,
            claimant_wording=review.candidate.claimant_as_printed,
            figure=review.candidate.figure,
            figure_high=review.candidate.figure_high,
            unit=review.candidate.unit,
            status=review.candidate.rating or Claim.Status.UNVERIFIED,
            status_wording=review.candidate.status,
            claimed_on=review.candidate.claimed_on,
            linked_positions=list(review.linked_positions),
        )
        for review in imported.candidates
    ]


def _cut(text: str, length: int) -> str:
    return (text or "")[:length]


@transaction.atomic
def commit_draft(
    imported: ImportDraft,
    decisions: list[ClaimDecision],
    *,
    headline: str | None = None,
    publication: str | None = None,
    published_on=None,
    url: str | None = None,
    bring_back: list[int] = (),
) -> CommitResult:
    """Save a reviewed draft: the article, its placements, accepted claims and illustrations.

    All or nothing. An article already archived (same URL, or same source text) is returned
    unchanged. Credits not yet known are created unreviewed. Placements without a matched
    asset are saved awaiting their file, with their claims kept for when it arrives. The
    left-out pictures named in `bring_back` (their indices in `imported.left_out`) become
    placements at their place in the page, the placements after them moving down.
    """
    draft = imported.draft
    url = _cut(draft.url if url is None else url, 1000)
    if url:
        article_url_validator(url)  # raises ValidationError: only http and https are stored
    existing = find_existing_article(url=url, text_hash=imported.source_hash)
    if existing:
        return CommitResult(existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                headline=_cut(headline or draft.headline or "(untitled)", 500),
                publication=_cut(draft.publication if publication is None else publication, 200),
                url=url,
                published_on=draft.date if published_on is None else published_on,
                source_text=draft.source_text,
                source_hash=imported.source_hash,
            )
    except IntegrityError:
        # Another import of the same article won the race: theirs stands.
        existing = find_existing_article(url=url, text_hash=imported.source_hash)
        if existing is None:
            raise
        return CommitResult(existing, created=False)
    result = CommitResult(article, created=True)
    by_position: dict[int, Placement] = {}  # by the position printed in the draft
    for new_position, (match, printed_position) in enumerate(
        _with_brought_back(imported, bring_back), start=1
    ):
        printed = match.placement
        credit = match.credit
        if printed.credit and credit is None:
            # Created under the desk's own spelling ("GETTY"), found through any known one.
            credit = resolve_credit(printed_credit_name(printed.credit_line) or printed.credit)
            if credit is not None and not credit.reviewed:
                result.new_credits.append(credit.name)
        placement = Placement.objects.create(
            article=article,
            asset=match.asset,
            position=new_position,
            kind=printed.kind,
            title=_cut(printed.title, 500),
            caption=printed.caption,
            credit_line=_cut(printed.credit_line, 300),
            credit=credit,
            source=_cut(printed.source, 300),
            creator=_cut(printed.creator, 300),
            alt_text=_cut(printed.alt, 500),
        )
        if printed_position is not None:
            by_position[printed_position] = placement
        result.placements += 1
    for decision in decisions:
        if not decision.accept or not decision.sentence.strip():
            continue
        claim = Claim.objects.create(
            article=article,
            text=decision.sentence.strip(),
            sentence=decision.sentence.strip(),
            claimant=_cut(decision.claimant, 300),
            claimant_wording=_cut(decision.claimant_wording, 300),
            figure=decision.figure,
            figure_high=decision.figure_high,
            unit=_cut(decision.unit, 100),
            status=decision.status or Claim.Status.UNVERIFIED,
            status_wording=_cut(decision.status_wording, 200),
            claimed_on=decision.claimed_on or article.published_on,
        )
        result.claims += 1
        for position in decision.linked_positions:
            placement = by_position.get(position)
            if placement is None:
                continue
            placement.claims.add(claim)
            if placement.asset_id:
                _, made = Illustration.objects.get_or_create(asset=placement.asset, claim=claim)
                result.illustrations += made
    return result


def _brought_back(review: LeftOutReview) -> PlacementMatch:
    item = review.item
    printed = DraftPlacement(
        0,
        item.kind,
        caption=item.caption,
        credit_line=item.credit_line,
        credit=item.credit,
        alt=item.alt,
        src=item.src,
        notes=[f"brought back by the archivist (left out as {item.reason})"],
    )
    match = PlacementMatch(printed, credit=resolve_credit(item.credit, create=False))
    if asset := match_asset_by_file(item.src):
        match.asset, match.match = asset, MATCH_FILE
    return match


def _with_brought_back(
    imported: ImportDraft, bring_back: list[int]
) -> list[tuple[PlacementMatch, int | None]]:
    """Return the placements in page order with the left-out pictures brought back among
    them, each with its position in the draft (None for a picture brought back)."""
    wanted = set(bring_back)
    chosen = [review for review in imported.left_out if review.index in wanted]
    ordered: list[tuple[PlacementMatch, int | None]] = []
    for review in chosen:
        if review.after == 0:
            ordered.append((_brought_back(review), None))
    for match in imported.placements:
        position = match.placement.position
        ordered.append((match, position))
        ordered.extend((_brought_back(r), None) for r in chosen if r.after == position)
    placed = {0} | {match.placement.position for match in imported.placements}
    ordered.extend((_brought_back(r), None) for r in chosen if r.after not in placed)
    return ordered


def _ingest_kind(placement: Placement) -> str | None:
    # A still needs its video and a timecode; an uploaded frame is archived as a picture.
    return Asset.Kind.VIDEO if placement.kind == Placement.Kind.VIDEO else None


def _typed_fields(placement: Placement) -> dict[str, str]:
    fields = {
        "title": placement.alt_text or placement.title,
        "description": placement.caption,
        "creator": placement.creator,
        "source": placement.source,
    }
    return {name: value for name, value in fields.items() if value}


def attach_file(
    placement: Placement,
    source: BinaryIO | bytes,
    *,
    filename: str,
    user=None,
) -> IngestResult:
    """Fill a placement awaiting its file: ingest it, set the asset, link the claims.

    The file goes through the ingest pipeline like any upload; a file already archived is
    used as it is, its empty credit, source, creator, title and caption filled from the print
    as a new file's are. The placement's claims become the asset's illustrations. Returns the
    ingest result; a refused file leaves the placement awaiting.
    """
    result = ingest_file(
        source,
        filename=filename,
        kind=_ingest_kind(placement),
        credit=placement.credit,
        user=user,
        fields=_typed_fields(placement),
    )
    if result.status not in (CREATED, DUPLICATE):
        return result
    with transaction.atomic():
        locked = Placement.objects.select_for_update().get(pk=placement.pk)
        if locked.asset_id is None:
            locked.asset = result.asset
            locked._change_reason = f"File attached: asset #{result.asset.pk}"
            locked.save(update_fields=["asset"])
            if result.status == DUPLICATE:
                _fill_empty_fields(locked)
        placement.asset = locked.asset
        for claim in locked.claims.all():
            Illustration.objects.get_or_create(asset=locked.asset, claim=claim)
    return result


def _fill_empty_fields(placement: Placement) -> None:
    """Give an archived asset the print's credit, source, creator and caption where its own are
    empty, as a new file gets them; what an archivist catalogued is kept. The save reaches the
    derived data's one dispatcher (search documents, facts)."""
    asset = Asset.objects.select_for_update().get(pk=placement.asset_id)
    filled = [name for name, value in _typed_fields(placement).items() if not getattr(asset, name)]
    for name in filled:
        setattr(asset, name, _typed_fields(placement)[name])
    if asset.credit_id is None and placement.credit_id is not None:
        asset.credit_id = placement.credit_id
        filled.append("credit")
    if filled:
        asset._change_reason = f"Printed in article #{placement.article_id}: {', '.join(filled)}"
        asset.save(update_fields=filled)
    placement.asset = asset


def printed_disagreements(placement: Placement, asset: Asset) -> list[str]:
    """Return, in words, where the file's embedded credit or caption, or the asset's
    catalogued credit, differs from the print.

    Credits are the same when they name one credit through its aliases (or share a key);
    captions when their words are the same, case and punctuation aside, with or without the
    printed credit line. Nothing embedded, or nothing printed, is no disagreement.
    """
    found = []
    embedded = embedded_credit(asset.embedded_metadata)
    printed = printed_credit_name(placement.credit_line) or (
        placement.credit.name if placement.credit else ""
    )
    if embedded and printed and credit_key(embedded) != credit_key(printed):
        credit = placement.credit or resolve_credit(printed, create=False)
        if credit is None or resolve_credit(embedded, create=False) != credit:
            found.append(
                f"the file's embedded credit “{embedded}” differs from the printed "
                f"credit “{printed}”"
            )
    catalogued = asset.credit
    if (
        catalogued is not None
        and printed
        and credit_key(catalogued.name) != credit_key(printed)
        and (placement.credit or resolve_credit(printed, create=False)) != catalogued
        and not (embedded and resolve_credit(embedded, create=False) == catalogued)
    ):
        # An archived file keeps the credit an archivist catalogued: said, never overwritten.
        found.append(
            f"the asset's catalogued credit “{catalogued.name}” differs from the printed "
            f"credit “{printed}”"
        )
    caption = embedded_caption(asset.embedded_metadata)
    if caption and placement.caption:
        same = {fold(placement.caption), fold(f"{placement.caption} {placement.credit_line}")}
        if fold(caption) not in same:
            found.append(
                f"the file's embedded caption “{_cut(caption, 120)}” differs from the printed "
                f"caption “{_cut(placement.caption, 120)}”"
            )
    return found
