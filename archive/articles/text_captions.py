"""Where a plain-text page's captions and credit lines stand, for `text`'s second pass.

A credit line printed on a line of its own goes with the line above or the line below
(`_credit_leads`, by the page's conventions in `_under_their_captions` and
`_over_their_captions`); a short line is a picture's title over its caption
(`_alt_matches`), a caption printed with no credit (`_uncredited_caption`, `_lone_caption`,
`_lone_sentence_caption`) or the story's. The item kinds of `text`'s first pass are here too.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.credit_lines import PrintedCaption
from archive.articles.dates import dateline
from archive.articles.draft import content_words, speaks_of_a_video
from archive.articles.text_credit_sides import closes_caption_above
from archive.articles.text_lines import BYLINE_RE, DESK_RE, VIDEO_MARKER_RE
from archive.articles.text_sizes import words_in

# Item kinds of the first pass.
_CAPTION = "caption"  # a caption that ends in its credit line
_CREDIT = "credit"  # a line that is only a credit line ("Name/AP" under a caption)
_LABELLED = "labelled"  # a BBC "Image caption, ..." / "Media caption, ..." line
_SHORT = "short"
_PARA = "para"
_TEASER = "teaser"
_ADVERT = "advert"
_PLAYER = "player"
_BYLINE = "byline"  # a byline, a dateline or "3 hours ago": furniture, kept for its place
_LEAD_CREDIT = "lead credit"  # "Main image: Name/AP" at the end: the lead picture's credit

Item = tuple[str, str, "PrintedCaption | None"]


def _alt_matches(alt: str, caption: str) -> bool:
    """An alt-text line belongs to the caption that follows when they name the same thing:
    the caption starts with the alt text, or shares at least half of its content words."""
    if caption.lower().startswith(alt.lower()):
        return True
    alt_words = content_words(alt)
    return bool(alt_words) and len(alt_words & content_words(caption)) * 2 >= len(alt_words)


def _uncredited_caption(alt: str, line: str) -> bool:
    """Is ``line`` the caption, printed with no credit, of the picture titled ``alt``?

    The picture's title (a short line) comes first and the caption names the same thing: it
    starts with the title, or shares half of its words and is not a finished sentence of the
    story (Express-style captions end without a full stop).
    """
    words = len(line.split())
    if len(alt.split()) < 2 or len(line) > 300 or words < 5 or words <= len(alt.split()):
        return False
    if dateline(alt) or dateline(line):  # "Published ..." above "Last modified ...": dates
        return False
    if line.lower().startswith(alt.lower()):
        return True
    if len(content_words(alt)) < 2:  # a section label ("EU Budget") over the headline
        return False
    return _alt_matches(alt, line) and line[-1] not in ".!?”\"'"


def _credit_leads(items: list[Item], i: int, block_ends: frozenset[str] = frozenset()) -> bool:
    """Does the credit line ``items[i]``, printed on its own line, belong to the line below?

    The BBC's "Image source, X" always does; NYT's "Credit...X" and a video's credit never
    do. A blank line tells where the picture's block ends (``block_ends``: the lines a blank
    line follows): a credit closing its block goes with the line above, one opening its block
    with the line below. Otherwise a credit goes with its shorter neighbour, the caption (EFE
    prints "Fotografía: X" above the caption, CNN "Name/AP" below it), the line above when
    even.
    """
    line = items[i][1]
    if _leads(line):
        return True
    below = items[i + 1] if i + 1 < len(items) else None
    above = items[i - 1] if i else None
    if below is None or below[0] not in (_SHORT, _PARA) or BYLINE_RE.match(below[1]):
        return False
    if len(below[1].split()) < 4 or below[1].endswith(":"):
        return False  # a name or a label below ("Jan Kowalski", "More on this topic:")
    if above is not None and (line in block_ends) != (above[1] in block_ends):
        return above[1] in block_ends
    if above is None or above[0] not in (_SHORT, _PARA) or items[i][2].video:
        return above is None or above[0] not in (_SHORT, _PARA, _PLAYER)
    if line.lower().startswith(("credit...", "credit…")):
        return False
    if closes_caption_above(above[1], below[1]):
        return False  # `text_credit_sides`
    if (
        above[0] == _PARA
        and above[1][-1:] in ".!?"
        and len(above[1].split()) >= 12
        and _SENTENCE_END_RE.search(above[1])
        and below[0] == _SHORT
    ):
        return True  # two sentences of the story above, a caption's short line below
    if above[1][-1:] in _STOPS and below[1][-1:] not in _STOPS + ":;)]\"'”’»":
        return False  # a sentence above, a heading below: the credit closes the caption
    return len(below[1].split()) < len(above[1].split()) <= 60 or (
        len(above[1].split()) > 60 >= len(below[1].split())
    )


_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?](?=\s+[^\W\d_])")
# A sentence's end: the Latin marks and the full stops of other scripts ("।", "។", "。", the
# Urdu "۔", the Ethiopic "።", the Burmese "။", the Arabic question mark "؟")
_STOPS = ".!?।។。։۔።။؟"


def _story_paragraph(item: Item | None, sentences: int) -> bool:
    """Is ``item`` a paragraph of the story, of ``sentences`` sentences or more?"""
    if item is None or item[0] != _PARA or item[1][-1:] not in ".!?":
        return False
    return len(item[1].split()) >= 20 and len(_SENTENCE_END_RE.findall(item[1])) >= sentences - 1


def _between_paragraphs(items: list[Item], j: int) -> bool:
    """Is the credit line ``items[j]`` printed between two paragraphs of the story, a picture
    with no caption (a stock picture dropped in the copy), neither of them its caption?"""
    above = items[j - 1] if j else None
    below = items[j + 1] if j + 1 < len(items) else None
    if items[j][1].lower().startswith(("credit...", "credit…")):
        return False  # The New York Times: always under its caption
    # (A caption of two sentences may stand over its credit; three are the story's.)
    return _story_paragraph(above, 3) and _story_paragraph(below, 2)


def _under_their_captions(items: list[Item], block_ends: frozenset[str]) -> set[int]:
    """The credit lines that go with the line above by the page's convention: where every
    other credit line of the page stands under its caption (two at least), a lone one that
    the length rule of `_credit_leads` would send down stays under its caption too, when the
    line above reads as one (a sentence of thirty words or fewer)."""
    leading = [
        j
        for j, item in enumerate(items)
        if item[0] == _CREDIT and _credit_leads(items, j, block_ends)
    ]
    under = sum(1 for item in items if item[0] == _CREDIT) - len(leading)
    if len(leading) != 1 or under < 2:
        return set()
    j = leading[0]
    above = items[j - 1] if j else None
    if _leads(items[j][1]) or above is None or above[0] not in (_SHORT, _PARA):
        return set()
    if above[1][-1:] not in ".!?" or len(above[1].split()) > 30:
        return set()
    return {j}


def _over_their_captions(items: list[Item]) -> set[int]:
    """The credit lines that go with the line below by the page's convention: where every
    credit line of the page (two at least) stands over a line that reads as a caption with no
    full stop (four to thirty words; Mexican papers print "Foto: Name / HOUSE" above each
    caption), each goes down, even under a sentence of the story."""
    credits = [j for j, item in enumerate(items) if item[0] == _CREDIT]
    if len(credits) < 2:
        return set()
    for j in credits:
        below = items[j + 1] if j + 1 < len(items) else None
        if below is None or below[0] not in (_SHORT, _PARA) or BYLINE_RE.match(below[1]):
            return set()
        if not 4 <= words_in(below[1]) <= 30 or below[1][-1:] in _STOPS + ":;”\"'»":
            return set()
    return set(credits)


def _captioned_below(items: list[Item], i: int) -> bool:
    """Is the video player starting at ``items[i]`` followed by its own caption and credit?"""
    while i < len(items) and items[i][0] == _PLAYER:
        i += 1
    # A caption that speaks of a frame of the video ("in a still from the report above") is
    # a picture's of its own, printed under the player.
    if i < len(items) and items[i][0] == _CAPTION:
        return not speaks_of_a_video(items[i][2].caption)
    return (
        i + 1 < len(items)
        and items[i + 1][0] == _CREDIT
        and not _leads(items[i + 1][1])
        and not speaks_of_a_video(items[i][1])
    )


def _agency_desk(line: str) -> bool:
    """Is this line an agency's name alone, printed under a caption ("Reuters Graphics")?

    Platforms are not: a bare "Facebook" line is a link in a "Follow us" list.
    """
    if not DESK_RE.search(line):
        return False  # "EFE" or "(AFP)" alone signs the story off
    agency = agency_named(line)
    return agency is not None and agency.kind == "agency"


def _leads(credit_line: str) -> bool:
    """Is this a credit printed above its caption (the BBC's "Image source, X")?"""
    return credit_line.lower().startswith("image source,")


def _lone_caption(line: str) -> bool:
    """Is a short line standing alone between two paragraphs a caption printed without
    credit ("The bakery's sign on Calder Road"), rather than a subheading or a sign-off?

    It reads as a description: four words or more, in sentence case (a subheading is often
    in Title Case), with no semicolon ("Reporting by ...; Editing by ...").
    """
    words = line.split()
    if len(words) < 4 or ";" in line or VIDEO_MARKER_RE.match(line):
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower * 2 >= len(words) - 1


def _names_its_maker(item: Item) -> bool:
    """Is this short line a name printed in capitals ("CITY FIRE SERVICE"), or a known
    agency's, as a credit under a labelled title?"""
    kind, line, _found = item
    if kind != _SHORT or len(line.split()) > 6 or any(c in line for c in ".,;:!?"):
        return False
    return (line.isupper() and len(line) >= 2) or agency_named(line) is not None


# A short sentence of the story, not a caption: it reports speech or a reply, or it goes on
# from the paragraph before ("He ...", "But ...").
_STORY_SENTENCE_RE = re.compile(
    r"\b(?:said|says|told|added|declined|comment|according|respond(?:ed)?|replied|zei|zegt|"
    r"aldus|sagte|sagt|erklärte|dit|déclaré|detto|dijo|сказав|заявив|сказал|заявил)\b"
    r"|^(?:He|She|It|They|We|I|You|This|That|These|Those|There|But|And|Yet|So|However|Hij|Zij|"
    r"Ze|Het|Er|Maar|En|Sie|Es|Aber|Und|Il|Elle|Ils|Mais|Et|Lui|Lei|Ma|Він|Вона|Вони|Це|Але|"
    r"Он|Она|Они|Это|Но)\b",
    re.IGNORECASE,
)


def _lone_sentence_caption(items: list[Item], i: int) -> bool:
    """Is the line ``items[i]`` a caption printed with no credit as one short sentence
    between two long paragraphs of the story ("Divers inspect the hull at dawn.")?

    Five to fourteen words, one sentence, no quotation, colon or semicolon, neither speech
    nor a reply, not following on from the paragraph above; both neighbours are paragraphs
    of 25 words or more. (A sixteen-word sentence of the seed's story, "The armoured car
    then flips, ...", is the story's.)
    """
    line = items[i][1]
    words = line.split()
    if not 5 <= len(words) <= 14 or line[-1] != "." or re.search(r"[.!?]\s", line[:-1]):
        return False
    if any(c in line for c in '"“”„«»:;') or _STORY_SENTENCE_RE.search(line):
        return False
    before = items[i - 1] if i else None
    after = items[i + 1] if i + 1 < len(items) else None
    return all(n is not None and n[0] == _PARA and len(n[1].split()) >= 25 for n in (before, after))


def _shares_words(a: str, b: str) -> bool:
    return bool(content_words(a) & content_words(b))
