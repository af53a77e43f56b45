"""A video player a script builds from hidden form inputs (DW's `div.mediaItem`: `<input
type="hidden" name="player_type" value="video">`, `name="file_name" value="….mp4"`,
`name="media_title" value="Title"`): the inputs declare a video, so the box is a video
placement in its place in the page. Its caption is the title the box prints in a heading
(not one inside a hidden share box); the play button's "Watch video 02:17" is furniture.
"""

from __future__ import annotations

import re

from archive.articles.draft import KIND_VIDEO, DraftPlacement, plain, text_of

_VIDEO_FILE_RE = re.compile(r"\.(?:mp4|m3u8|webm|mov|mpd)(?:[?#]|$)", re.IGNORECASE)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _declares_video(el) -> str:
    """The video file (or "video") the hidden inputs directly in ``el`` declare, else ""."""
    found = ""
    for child in el:
        if child.tag != "input" or (child.get("type") or "").lower() != "hidden":
            continue
        name, value = (child.get("name") or "").lower(), (child.get("value") or "").strip()
        if _VIDEO_FILE_RE.search(value):
            return value
        if "type" in name and value.lower() == "video":
            found = found or "video"
    return found


def _hidden(el, stop) -> bool:
    node = el
    while node is not None and node is not stop:
        if _HIDDEN_STYLE_RE.search(node.get("style") or ""):
            return True
        node = node.getparent()
    return False


_MARK = "data-archive-input-video"


def mark_input_players(root) -> None:
    """Mark each box whose hidden inputs declare a video, before the inputs are dropped
    with the page's other form controls."""
    for el in root.iter("div", "span", "section"):
        declared = _declares_video(el)
        if declared:
            el.set(_MARK, declared)


def input_player(el):
    """(placement, box to consume) when ``el`` is a box `mark_input_players` marked, else
    None. The box is ``el``'s parent when that holds the title heading."""
    declared = el.get(_MARK) if el.tag in ("div", "span", "section") else None
    if not declared:
        return None
    box = el.getparent() if el.getparent() is not None else el
    title = ""
    for heading in box.iter("h1", "h2", "h3", "h4"):
        text = plain(text_of(heading))
        if text and not _hidden(heading, box) and next(heading.iterancestors("a"), None) is None:
            title = text
            break
    if not title:
        box = el
    placement = DraftPlacement(0, KIND_VIDEO, title=title, caption=title)
    placement.src = declared if declared != "video" else ""
    return placement, box
