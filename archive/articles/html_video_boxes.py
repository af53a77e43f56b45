"""A player named only "player" ("player", "yt-player") in a box named for a video
("video_wrap", "embed-video"), holding the video's poster, the box printing the video's title
in an element named for it ("video_title"): the video's player, as Korean and
South Asian papers print an embedded clip with its title and credit under it. Used by
`dom.is_video_el`. Pure.
"""

from __future__ import annotations


def player_in_video_box(el, names: str) -> bool:
    """Is ``el`` (its name words ``names``, " space separated ") a player in a video's box?"""
    from archive.articles.dom import name_words  # it imports this module

    if "player" not in names.split():
        return False
    parent = el.getparent()
    if parent is None or "video" not in name_words(parent).split():
        return False
    titled = any(
        "title" in name_words(e).split() for e in parent if isinstance(e.tag, str) and e is not el
    )
    return titled and any(True for _m in el.iter("img", "picture"))
