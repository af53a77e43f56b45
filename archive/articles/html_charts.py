"""An interactive chart a chart service draws into the page (Infogram's `div.infogram-embed`,
Flourish's `div.flourish-embed`, a Datawrapper or Infogram `<iframe>`): a graphic the reader
sees in the story, so a picture placement. Its caption and credit are those its `<figure>`
prints, if any (the chart's title lives in an attribute or the service's frame: not printed).
"""

from __future__ import annotations

from archive.articles.caption_credits import split_credit
from archive.articles.dom import classes_of
from archive.articles.draft import KIND_PICTURE, DraftPlacement, plain, text_of

_SERVICES = ("infogram", "flourish", "datawrapper", "everviz", "chartblocks")
_CHART_HOSTS = (
    "infogram.com",
    "flourish.studio",
    "datawrapper.de",
    "dwcdn.net",
    "everviz.com",
)


def _is_embed(el) -> bool:
    if el.tag == "iframe":
        src = (el.get("src") or el.get("data-src") or "").lower()
        return any(host in src for host in _CHART_HOSTS)
    if el.tag != "div":
        return False
    return any(
        word.startswith(_SERVICES) and ("embed" in word or word in _SERVICES)
        for word in classes_of(el).split()
    )


def chart_placement(el) -> DraftPlacement | None:
    """A picture placement for ``el`` when it is a chart service's embed, or a `<figure>`
    holding one and no picture or video of its own; else None."""
    if el.tag == "figure":
        if any(True for _m in el.iter("img", "video")):
            return None
        embed = next((e for e in el.iter("div", "iframe") if _is_embed(e)), None)
        if embed is None:
            return None
        caption_el = next(iter(el.iter("figcaption")), None)
        text = plain(text_of(caption_el)) if caption_el is not None else ""
    elif _is_embed(el):
        embed, text = el, ""
    else:
        return None
    placement = DraftPlacement(0, KIND_PICTURE, src=embed.get("src") or "")
    if text:
        rest, line, credit = split_credit(text)
        placement.caption = rest if line else text
        placement.credit_line, placement.credit = line, credit
    return placement
