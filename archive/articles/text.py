"""Read an article copied as plain text from a news page.

The headline is the first line. A picture is a caption line ending in a recognised credit line
(`read_caption`), with the picture's title line (its alt text) above it when they name the
same thing; or a caption with its credit on a line of its own, above or below it (the credit
goes with its shorter neighbour); or the BBC's "Image source, X" / "Image caption," block; or
a caption printed with no credit under its title line (flagged for review). A video is a title
with a video credit ("Video: AP", "Reuters TV"), a title above a player's furniture ("Click to
play", a running time), a BBC "Media caption," or a title in the lead slot shaped like a video
title ("Topic: what happens"); see `mark_stills` for stills. Pictures that belong to the page,
not the story (a teaser's picture, the author's, an advert's, the site's logo), are listed in
`draft.left_out` with the reason. The line rules for page furniture (bylines, teasers, "Most
read") are in `text_lines`, shared with the HTML reader; where a caption's credit line stands
(above or below it, or a caption printed with none) is in `text_captions`.
"""

from __future__ import annotations

from archive.agencies import agency_named
from archive.articles.audio_players import audio_player_end
from archive.articles.caption_credits import dash_credit, read_caption, slash_credit
from archive.articles.credit_lines import STAFF_CREDIT_RE, PrintedCaption, read_credit_line
from archive.articles.credit_names import known_agency
from archive.articles.dates import RELATIVE_TIME_RE, UPDATE_STAMP_RE, dateline
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    ArticleDraft,
    ArticleParseError,
    DraftPlacement,
    LeftOut,
    calls_itself_a_video,
    drop_kind_labels,
    mark_stills,
    plain,
    speaks_of_a_video,
)
from archive.articles.file_marker_credits import without_file_marker
from archive.articles.furniture import appeals_for_support, invites_signup
from archive.articles.house_credits import masthead_credit, own_house_credit, publication_named
from archive.articles.text_brackets import bracketed_caption, brackets_captions
from archive.articles.text_bylines import author_names, byline_date, headings_of
from archive.articles.text_captions import (
    _ADVERT,
    _BYLINE,
    _CAPTION,
    _CREDIT,
    _LABELLED,
    _LEAD_CREDIT,
    _PARA,
    _PLAYER,
    _SHORT,
    _STORY_SENTENCE_RE,
    _TEASER,
    Item,
    _agency_desk,
    _alt_matches,
    _between_paragraphs,
    _captioned_below,
    _credit_leads,
    _leads,
    _lone_caption,
    _lone_sentence_caption,
    _names_its_maker,
    _over_their_captions,
    _shares_words,
    _uncredited_caption,
    _under_their_captions,
)
from archive.articles.text_conventions import page_conventions, slashed_captions
from archive.articles.text_credit_first import (
    caption_below,
    credits_over_captions,
    live_blog_times,
    marks_picture_kind,
    masthead_with_initials,
)
from archive.articles.text_credit_order import caption_under, every_credit_over
from archive.articles.text_credit_words import (
    lone_credit_word,
    staff_bar_credit,
    story_goes_on_below,
)
from archive.articles.text_datelines import reporter_dateline
from archive.articles.text_file_captions import file_label_caption
from archive.articles.text_lines import (
    ADVERT_RE,
    AVATAR_WORDS_RE,
    BOILERPLATE_RE,
    BYLINE_RE,
    GRAPHIC_CAPTION_RE,
    LEAD_CREDIT_RE,
    LIST_END_RE,
    LIST_START_RE,
    LOGO_RE,
    MEDIA_BUTTON_RE,
    MEDIA_LABELS,
    PLAYER_RE,
    SOURCE_LABEL_RE,
    STOP_LINES,
    STOP_RE,
    TEASER_LABEL_LINE_RE,
    TEASER_RE,
    VIDEO_LABEL_RE,
    VIDEO_MARKER_RE,
    VIDEO_SUFFIX_RE,
    is_boilerplate,
)
from archive.articles.text_mastheads import masthead_line
from archive.articles.text_own_house import credit_own_house
from archive.articles.text_players import player_times_follow, stamp_line, video_over_times
from archive.articles.text_sizes import uncased_house, words_in
from archive.articles.text_stamps import copy_stamp
from archive.articles.text_teasers import teaser_picture
from archive.articles.text_video_titles import video_title_over_credit
from archive.articles.text_wraps import join_wrapped_captions


def _is_short_line(line: str) -> bool:
    words = words_in(line)  # (and the full stops of other scripts: "。", "।", "។", "።", "۔")
    return 0 < words <= 15 and len(line) <= 140 and line[-1] not in '.!?:;,”"。।។။։።۔؟'


def _looks_like_video_title(line: str) -> bool:
    if VIDEO_MARKER_RE.match(line) or VIDEO_SUFFIX_RE.search(line):
        return True
    head, sep, tail = line.partition(": ")
    return bool(sep) and 0 < len(head.split()) <= 4 and len(tail.split()) >= 2


def _lead_credit(line: str) -> PrintedCaption | None:
    """The lead picture's credit, when ``line`` is one printed with its label ("Main image:
    Name/Agency") rather than a lead picture's caption and credit ("Main image: A caption.
    Photo by X")."""
    m = LEAD_CREDIT_RE.match(line)
    if not m:
        return None
    rest = m["rest"].strip()
    found = read_caption(rest)
    if found.caption and (len(rest.split()) > 6 or any(c in rest for c in ".!?;")):
        return None
    parts = read_credit_line(rest)
    return PrintedCaption("", line, parts.credit, parts.source, parts.creator)


def _lead_caption_at(items: list[Item]) -> int | None:
    """Where the lead picture's caption is, when its credit is printed at the end of the copy.

    Such pages print the caption under the headline, above the byline, with no full stop: the
    short line of three words or more just above the first byline, under another line.
    """
    byline = next((n for n, item in enumerate(items) if item[0] == _BYLINE), None)
    if byline is None or byline < 2:
        return None
    kind, line, _found = items[byline - 1]
    if kind != _SHORT or len(line.split()) < 3 or items[byline - 2][0] not in (_SHORT, _PARA):
        return None
    return byline - 1


def _uncaptioned(found: PrintedCaption, where: str) -> DraftPlacement:
    """A picture printed with a credit line and no caption, flagged for the archivist."""
    placement = _placement(found, caption="")
    placement.needs_review = True
    placement.notes.append(f"printed with a credit line {where}")
    return placement


def _placement(found: PrintedCaption, *, alt: str = "", caption: str = "") -> DraftPlacement:
    caption = caption or found.caption
    if found.credit_line:
        caption = without_file_marker(caption)  # "A caption. File" over its credit line
    kind = KIND_VIDEO if found.video else KIND_PICTURE
    p = DraftPlacement(
        0,
        kind,
        title=caption if kind == KIND_VIDEO else "",
        caption=caption,
        credit_line=found.credit_line,
        credit=found.credit,
        source=found.source,
        creator=found.creator,
        alt=alt,
    )
    if not found.credit_line and kind == KIND_PICTURE:
        p.needs_review = True
        p.notes.append("no credit was printed with the caption")
    return p


def _left_out(reason: str, *, alt: str = "", found: PrintedCaption | None = None) -> LeftOut:
    found = found or PrintedCaption("")
    return LeftOut(
        reason=reason,
        kind=KIND_VIDEO if found.video else KIND_PICTURE,
        caption=found.caption,
        credit_line=found.credit_line,
        credit=found.credit,
        alt=alt,
    )


def _picture_at(items: list[Item], i: int) -> tuple[LeftOut | None, int]:
    """The picture block starting at ``items[i]`` (title line and caption, or a caption) as a
    LeftOut without its reason, and the number of items it takes; (None, 0) if none."""
    if i >= len(items):
        return None, 0
    kind, line, found = items[i]
    nxt = items[i + 1] if i + 1 < len(items) else None
    if kind == _CAPTION:
        return _left_out("", found=found), 1
    if kind == _SHORT and nxt and nxt[0] == _CAPTION and _alt_matches(line, nxt[2].caption):
        return _left_out("", alt=line, found=nxt[2]), 2
    return None, 0


def _story_sentence(line: str) -> bool:
    """Is this line shaped like a paragraph of the story (a dozen words, a finished sentence)?"""
    return len(line.split()) >= 12 and line[-1] in '.!?”"»'


def _story_goes_on(lines: list[str], start: int, before: int) -> bool:
    """Do more of the story's paragraphs follow line ``start`` than were printed above it?

    A "Comments" or "Most read" line in the share bar above the story is furniture, not the
    end of the story: the story's paragraphs come after it.
    """
    after = sum(1 for line in lines[start + 1 :] if _story_sentence(line))
    return after > before


def _house_in_capitals(line: str, names: set[str]) -> bool:
    """Is a line only a house's name in capitals ("GETTY IMAGES"; "HARBOUR NEWS" where the
    page credits Harbour News elsewhere): a credit line of its own under its caption?"""
    if not any(c.isupper() or c.islower() for c in line):
        return uncased_house(line, names)  # a script without case: named elsewhere as credit
    if not line.isupper() or not 1 <= len(line.split()) <= 4 or not line[:1].isalpha():
        return False
    if any(c in line for c in ".,;:!?()"):
        return False
    agency = agency_named(line)
    if agency is not None:
        return agency.kind == "agency"
    return line.casefold() in names or bool(known_agency(line))


def _caption_sized(items: list[Item]) -> bool:
    """Is the line read last shaped like a caption: thirty words or fewer, reporting no
    speech ("..., analysts said": the story's sentence, which an agency's name signs off)?"""
    if not items or items[-1][0] not in (_SHORT, _PARA):
        return False
    line = items[-1][1]
    return len(line.split()) <= 30 and not _STORY_SENTENCE_RE.search(line)


def _classify(lines: list[str], draft: ArticleDraft) -> list[Item]:
    """Pass 1: what each line is."""
    dash, credited = page_conventions(lines)
    masthead = {line.casefold() for line in lines[:15]}
    slashed = slashed_captions(lines)
    bracketed = brackets_captions(lines)
    items: list[Item] = []
    paragraphs = sentences = 0
    in_list = teaser_next = teaser_list = date_updated = False
    audio_end = -1
    for n, line in enumerate(lines):
        if n <= audio_end:
            continue  # an audio player's furniture: its voice and running times
        end = audio_player_end(lines, n)
        if end is not None:
            audio_end = end  # "Listen to this article": the story read aloud, no placement
            continue
        if teaser_list and not teaser_next:
            # "Read more:", "Related Stories" over a list of headlines: each short line is
            # one, until a line that is not (a paragraph, a caption over its credit line)
            below = read_caption(lines[n + 1]) if n + 1 < len(lines) else None
            teaser_list = _is_short_line(line) and not (below and below.credit_line)
            if teaser_list and len(line.split()) >= 3 and not read_caption(line).credit_line:
                items.append((_TEASER, line, None))
                continue
            teaser_list = False
        if teaser_next:
            # (The teaser's picture may print its credit first, under the label: the
            # teaser's headline is the line after it, and carries that credit.)
            found = read_caption(line)
            teaser_next = bool(found.credit_line and not found.caption)
            credit = found if teaser_next else None
            if teaser_next or not (items and items[-1][0] == _TEASER and items[-1][2]):
                items.append((_TEASER, line, credit))
            else:
                items.append((_TEASER, line, items[-1][2]))
            continue
        if TEASER_LABEL_LINE_RE.match(line) and not BOILERPLATE_RE.match(line):
            teaser_next = teaser_list = True
            continue
        if LIST_START_RE.match(line):
            in_list = True
            continue
        if in_list:
            in_list = not LIST_END_RE.match(line)
            continue
        if line.lower() in STOP_LINES or (STOP_RE.match(line) and paragraphs >= 3):
            if paragraphs >= 3 and not _story_goes_on(lines, n, sentences):
                break
            continue  # the page's furniture above the story ("Comments" in a share bar)
        if PLAYER_RE.match(line):
            items.append((_PLAYER, line, None))
            continue
        if TEASER_RE.match(line):
            items.append((_TEASER, line, None))
            continue
        if ADVERT_RE.match(line):
            items.append((_ADVERT, line, None))
            continue
        if is_boilerplate(line) or line.lower().rstrip(" :") in MEDIA_LABELS:
            continue
        if MEDIA_BUTTON_RE.match(line) or (
            _is_short_line(line) and (invites_signup(line) or appeals_for_support(line))
        ):
            continue  # a button over a picture; a newsletter's "Sign up for ..." box
        # Datelines and bylines are page furniture wherever they are printed (some pages put
        # them after the standfirst); a dateline near the top gives the article's date.
        stamp = dateline(line) or byline_date(line) or copy_stamp(line)
        if stamp:
            updated = bool(UPDATE_STAMP_RE.match(line))
            if paragraphs <= 2 and (not draft.date or (date_updated and not updated)):
                draft.date, date_updated = stamp, updated
            items.append((_BYLINE, line, None))
            continue
        if (
            (BYLINE_RE.match(line) and not any(c.isdigit() for c in line))
            or RELATIVE_TIME_RE.match(line)
            or reporter_dateline(line)
            or (stamp_line(line) and not read_caption(line).credit_line)
        ):
            items.append((_BYLINE, line, None))
            continue
        lead = _lead_credit(line)
        if lead:
            items.append((_LEAD_CREDIT, line, lead))
            continue
        found = read_caption(line)
        # (An agency's name closing the story, the story not going on below, signs it off.)
        goes_on = story_goes_on_below(lines, n)
        house = (
            paragraphs >= 1
            and goes_on
            and (_house_in_capitals(line, credited) or lone_credit_word(line))
            and (
                _caption_sized(items)
                # above its caption (Spanish papers): the line below is caption-sized
                or _caption_sized([(_SHORT, lines[n + 1], None)])
            )
        )
        house = house or (paragraphs > 0 and goes_on and masthead_line(line, draft.headline, items))
        staff = _caption_sized(items) and staff_bar_credit(line, found, masthead)
        if staff:
            found = staff  # "Name | HOUSE" under its caption
        if not found.credit_line and (_agency_desk(line) or house):
            parts = read_credit_line(line)
            found = PrintedCaption("", line, parts.credit, parts.source, parts.creator)
        if not found.credit_line and dash:
            found = dash_credit(line, dash) or found
        if not found.credit_line and slashed:
            found = slash_credit(line) or found
        if not found.credit_line and bracketed:
            found = bracketed_caption(line) or found
        if found.credit_line and not found.caption and SOURCE_LABEL_RE.match(line):
            if items and items[-1][0] == _BYLINE:
                # "Источник: X" under the dateline: the story's source, not a picture's.
                items.append((_BYLINE, line, None))
                continue
        found = video_title_over_credit(lines, n, found)  # "Video: Title" over "Video: House"
        found = file_label_caption(lines, n, found)  # "File photo: A caption" over "Photo: X"
        if found.credit_line and found.caption:
            items.append((_CAPTION, line, found))
        elif found.credit_line:
            items.append((_CREDIT, line, found))
        elif found.caption != line:
            items.append((_LABELLED, line, found))
        elif _is_short_line(line):
            items.append((_SHORT, line, None))
        else:
            items.append((_PARA, line, None))
            paragraphs += len(items) < 2 or items[-2][1] != line  # (a headline printed twice)
            sentences += _story_sentence(line)
    return items


def _is_avatar(text: str, authors: set[str], near_byline: bool) -> bool:
    """Is a picture titled or captioned ``text`` the author's own picture?

    Its words say so ("author avatar", "profile picture"), or it names only the author and
    sits by the byline (a name alone further down is the author's note, not a picture).
    """
    text = text.strip()
    if AVATAR_WORDS_RE.search(text):
        return True
    return near_byline and text.casefold() in authors


def _assemble(
    items: list[Item],
    draft: ArticleDraft,
    headings: set[str],
    authors: set[str],
    block_ends: frozenset[str] = frozenset(),
) -> list[DraftPlacement]:
    """Pass 2: placements, pictures left out and paragraphs, in article order."""
    placements: list[DraftPlacement] = []
    paragraphs_seen = 0
    seen_byline = False
    i = 0
    lead_credit = next((item for item in items if item[0] == _LEAD_CREDIT), None)
    lead_caption = _lead_caption_at(items) if lead_credit else None
    stays_under = _under_their_captions(items, block_ends)
    goes_down = _over_their_captions(items) | credits_over_captions(items)
    all_over = every_credit_over(items)
    goes_down |= all_over

    def credit_leads(j: int) -> bool:
        if j in goes_down:
            return True
        return j not in stays_under and _credit_leads(items, j, block_ends)

    def at(j: int) -> Item | None:
        return items[j] if j < len(items) else None

    while i < len(items):
        kind, line, found = items[i]
        nxt, after = at(i + 1), at(i + 2)

        if i == lead_caption and lead_credit:
            placements.append(_placement(lead_credit[2], caption=line))
            i += 1
            continue
        if kind == _LEAD_CREDIT:
            if lead_caption is None or found is not lead_credit[2]:
                placement = _placement(found, caption="")
                placement.needs_review = True
                placement.notes.append("the lead picture's credit, printed with no caption")
                placements.insert(0, placement)
            i += 1
            continue
        if kind == _TEASER:
            # A teaser for another story may bring its own picture, titled or captioned with
            # the story it sells: the picture printed right after it, naming the same thing.
            # A video under it, credited as one, is the story's own: a teaser shows a still.
            block, taken = _picture_at(items, i + 1)
            video = bool(nxt and nxt[2] is not None and nxt[2].video)
            if block and not video and teaser_picture(block, line, draft):
                block.reason = "teaser for another story"
                draft.left_out.append(block)
                i += 1 + taken
                continue
            credited = found is not None  # the teaser's credit, printed above its headline
            if (
                nxt
                and nxt[0] == _CREDIT
                and not _leads(nxt[1])
                and not credited
                and i + 1 not in all_over  # (the page prints each credit over its caption)
            ):
                # A teaser's picture printed by its credit alone, under the teaser's headline.
                draft.left_out.append(_left_out("teaser for another story", found=nxt[2]))
                i += 2
                continue
            if nxt and nxt[0] == _SHORT and _shares_words(nxt[1], line):
                if not (after and after[0] in (_CAPTION, _CREDIT, _LABELLED)):
                    draft.left_out.append(_left_out("teaser for another story", alt=nxt[1]))
                    i += 2
                    continue
            i += 1
            continue
        if kind == _ADVERT:
            # An uncredited picture inside an advertisement box is the advertiser's.
            block, taken = _picture_at(items, i + 1)
            if block is None and nxt and nxt[0] == _SHORT and after and after[0] == _SHORT:
                if _uncredited_caption(nxt[1], after[1]):
                    block, taken = _left_out("", alt=nxt[1], found=PrintedCaption(after[1])), 2
            if block and not block.credit_line:
                block.reason = "advertisement"
                draft.left_out.append(block)
                i += 1 + taken
                continue
            i += 1
            continue
        if kind == _BYLINE and not seen_byline:
            seen_byline = True
            if paragraphs_seen <= 2:  # the headline and standfirst are printed above it
                draft.body_start = len(draft.paragraphs)
        if kind in (_PLAYER, _BYLINE):
            i += 1
            continue
        near_byline = paragraphs_seen < 3
        if kind in (_CAPTION, _SHORT):
            block, taken = _picture_at(items, i)
            title = block.alt or block.caption if block else line
            if kind == _SHORT and nxt and nxt[0] == _CAPTION and not block:
                block, taken = None, 0  # a title line and an unrelated caption
            if _is_avatar(title, authors, near_byline) and (block or kind == _SHORT):
                block = block or _left_out("", alt=line)
                block.reason = "author's picture"
                draft.left_out.append(block)
                i += taken or 1
                continue
        if kind == _CAPTION:
            placement = _placement(found)
            before = items[i - 1] if i else None
            if (
                (before and before[0] == _PLAYER) or player_times_follow(items, i)
            ) and not speaks_of_a_video(found.caption):
                # The caption printed under a video's player is the video's, and so is the
                # caption over a player's start and running times ("00:00", "01:32").
                placement.kind, placement.title = KIND_VIDEO, placement.caption
            placements.append(placement)
            i += 1
            continue
        if kind == _CREDIT:
            if nxt and nxt[0] == _LABELLED:  # BBC: "Image source, X" then "Image caption, Y"
                caption, taken = nxt[2].caption, 2
                if not caption and after and after[0] in (_SHORT, _PARA):
                    caption, taken = after[1], 3  # the label on a line of its own
                placements.append(_placement(found, caption=caption))
                if nxt[2].video:
                    placements[-1].kind = KIND_VIDEO
                    placements[-1].title = caption
                i += taken
                continue
            below = caption_below(items, i, goes_down) or caption_under(items, i, all_over)
            if below:  # the page prints each credit over its caption (N1's "Foto: X")
                placements.append(_placement(found, caption=below[0]))
                goes_down.add(i + below[1])  # a credit under that caption is the next one's
                i += below[1]
                continue
            if _between_paragraphs(items, i) and paragraphs_seen >= 3:
                placements.append(_uncaptioned(found, "between two paragraphs"))
                i += 1
                continue
            if nxt and nxt[0] in (_SHORT, _PARA) and len(nxt[1].split()) >= 4 and credit_leads(i):
                # A credit printed above its caption (EFE's "Fotografía: X" line).
                placements.append(_placement(found, caption=nxt[1]))
                goes_down.add(i + 2)  # a credit under that caption is the next one's
                i += 2
                continue
            if paragraphs_seen < 3 and not found.credit_line.startswith(("©", "Copyright")):
                # A picture in the lead slot printed with its credit and no caption.
                placements.append(_uncaptioned(found, "but no caption"))
                i += 1
                continue
            draft.warnings.append(f"a credit line with no caption was left out: {line[:80]!r}")
            i += 1
            continue
        if kind == _LABELLED:
            caption, taken = found.caption, 1
            if not caption and nxt and nxt[0] in (_SHORT, _PARA):
                caption, taken = nxt[1], 2  # "Media caption," on a line of its own
            credit = at(i + taken)
            if credit and found.video and _names_its_maker(credit):
                # "Video: a title" over a name alone in capitals ("CITY FIRE SERVICE"): the
                # video's credit, in no convention of its own.
                parts = read_credit_line(credit[1])
                maker = PrintedCaption("", credit[1], parts.credit, parts.source, parts.creator)
                credit = (_CREDIT, credit[1], maker)
            if credit and credit[0] == _CREDIT and not _leads(credit[1]):
                placement, taken = _placement(credit[2], caption=caption), taken + 1
            else:
                placement = _placement(PrintedCaption(caption, video=found.video))
            if found.video:
                placement.kind, placement.title = KIND_VIDEO, caption
                placement.needs_review = False
                placement.notes.clear()
            placement.caption_labelled = True
            placements.append(placement)
            i += taken
            continue

        # A short line or a paragraph.
        if (
            nxt
            and nxt[0] == _CREDIT
            and not _leads(nxt[1])
            and not credit_leads(i + 1)
            and (words_in(line) >= 3 or marks_picture_kind(line))
            and not (kind == _PARA and paragraphs_seen == 0 and nxt[1] in headings)
            and not (kind == _PARA and SOURCE_LABEL_RE.match(nxt[1]) and line[-1] in '.!?”"')
            and not _between_paragraphs(items, i + 1)
        ):
            # (A "Source: X and news agencies" line under a finished sentence of the story
            # is the story's sign-off, not a picture's credit.)
            # (The first paragraph over a credit that sits above the byline is the standfirst:
            # the lead picture there has no caption.)
            # A caption with its credit on the line below ("Name/AP" at CNN); a video's title
            # when its player's furniture follows ("Reuters TV" and the running time).
            placement = _placement(nxt[2], caption=line)
            before = items[i - 1] if i else None
            if (
                (after and after[0] == _PLAYER) or (before and before[0] == _PLAYER)
            ) and not speaks_of_a_video(line):
                placement.kind, placement.title = KIND_VIDEO, line
            placements.append(placement)
            i += 2
            continue
        if (
            kind == _SHORT
            and nxt
            and nxt[0] == _PLAYER
            and len(line.split()) >= 2  # not a menu's "Opinion" over its "Video" link
            and not _captioned_below(items, i + 1)
        ):
            # A video's title above its player's furniture (a player whose caption follows
            # it, as at The New York Times, is read with that caption).
            placement, i = video_over_times(items, i, _placement)  # its credit under the times
            placements.append(placement)
            continue
        if kind == _PARA and nxt and nxt[0] == _PLAYER and VIDEO_LABEL_RE.match(line):
            # "Watch: A sentence about the video." over the player's running time: the
            # video's caption, printed as a sentence after its label.
            title = VIDEO_LABEL_RE.sub("", line)
            placements.append(DraftPlacement(0, KIND_VIDEO, title=title, caption=title))
            i += 1
            continue
        if kind == _SHORT:
            if nxt and nxt[0] == _CAPTION and _alt_matches(line, nxt[2].caption):
                placements.append(_placement(nxt[2], alt=line))
                i += 2
                continue
            if nxt and nxt[0] == _TEASER and _shares_words(line, nxt[1]):
                # A picture title printed above a teaser: the teaser's picture.
                draft.left_out.append(_left_out("teaser for another story", alt=line))
                i += 1
                continue
            if nxt and nxt[0] in (_SHORT, _PARA) and _uncredited_caption(line, nxt[1]):
                if after and after[0] == _CREDIT:
                    placements.append(_placement(after[2], alt=line, caption=nxt[1]))
                    i += 3
                    continue
                placements.append(_placement(PrintedCaption(nxt[1]), alt=line))
                i += 2
                continue
            before = items[i - 1] if i else None
            if (GRAPHIC_CAPTION_RE.match(line) and len(line.split()) >= 4) or (
                paragraphs_seen >= 2
                and before
                and before[0] == _PARA
                and nxt
                and nxt[0] == _PARA
                and _lone_caption(line)
            ):
                placements.append(_placement(PrintedCaption(line)))
                i += 1
                continue
            # The lead slot: above the story's first paragraphs (the headline and the
            # standfirst may come before it), not a headline over its dateline.
            # A line above the byline, when one follows, is the headline's (Al Jazeera prints
            # the headline, the standfirst and the lead picture before the byline).
            lead_zone = (
                paragraphs_seen < 3
                and line not in headings
                and not any(k == _BYLINE for k, _l, _f in items[i + 1 : i + 6])
            )
            # (A marker alone, "Watch" in the site's menu, titles no video.)
            if (
                _looks_like_video_title(line)
                and VIDEO_MARKER_RE.sub("", line)
                and (lead_zone or VIDEO_MARKER_RE.match(line) or VIDEO_SUFFIX_RE.search(line))
            ):
                title = VIDEO_MARKER_RE.sub("", line) if VIDEO_MARKER_RE.match(line) else line
                placements.append(DraftPlacement(0, KIND_VIDEO, title=title, caption=title))
                i += 1
                continue
        elif _lone_sentence_caption(items, i) and paragraphs_seen >= 3:
            placements.append(_placement(PrintedCaption(line)))
            i += 1
            continue
        else:
            paragraphs_seen += 1
        draft.paragraphs.append(line)
        i += 1
    return placements


def parse_text(text: str, *, url: str, publication: str, warnings: list[str]) -> ArticleDraft:
    """Read an article's plain text into a draft (claim candidates are added by the caller)."""
    lines = [plain(line) for line in text.split("\n")]
    # The lines a blank line follows: where a block (a picture's caption and credit) ends.
    block_ends = frozenset(a for a, b in zip(lines, lines[1:] + [""], strict=True) if a and not b)
    lines = join_wrapped_captions([line for line in lines if line])
    if not lines:
        raise ArticleParseError("no text found")
    headline = lines[0]
    draft = ArticleDraft(
        headline=headline,
        publication=publication,
        url=url,
        source_text=text,
        source_format="text",
        warnings=warnings,
    )
    draft.left_out.extend(
        _left_out("the site's logo", alt=line) for line in lines if LOGO_RE.match(line)
    )
    placements = _assemble(
        live_blog_times(_classify(lines[1:], draft)),
        draft,
        headings_of(lines),
        author_names(lines),
        block_ends,
    )
    placements = [p for p in placements if not masthead_with_initials(p.caption, p.credit_line)]
    drop_kind_labels(placements)
    for p in placements:
        if p.kind == KIND_PICTURE and calls_itself_a_video(p.caption):
            p.kind = KIND_VIDEO  # a plain-text copy prints a player's caption as a picture's
    credit_own_house(placements, lines)  # "(Express Photo)" under "The Indian Express"
    mark_stills(placements)
    staff_credit = publication or publication_named(lines)
    for p in placements:
        if not p.credit and STAFF_CREDIT_RE.match(p.credit_line):
            p.credit = staff_credit  # "Staff photo by Name": the paper's own photographer
        p.credit = masthead_credit(p.credit, publication or headline)
        if not publication:
            # A copy of the page starts with its masthead ("Gulf Tribune"): the house's own
            # desk credited by its initials ("GT photo by Name") names it.
            p.credit, p.creator = own_house_credit(p.credit_line, p.credit, p.creator, headline)
    draft.placements = placements
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft
