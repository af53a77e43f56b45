"""Audio players in a page: an `<audio>` element, a text-to-speech widget ("Listen to this
article", "Artikel anhören"), a podcast's embedded player. Furniture, not placements: each
player's box (the element holding the player and its label, with no picture of its own) is
taken out of the article before its placements are read.
"""

from __future__ import annotations

import re

from archive.articles.audio_players import is_audio_label
from archive.articles.dom import name_words
from archive.articles.draft import drop, plain, text_of

# Words of class, id and data-* names that mark a player that reads or plays sound.
_AUDIO_NAME_WORDS = frozenset(
    """audio audioplayer podcast podcasts tts texttospeech speechify beyondwords trinity
    instaread listen listening""".split()
)
# Hosts of embedded podcast and audio players.
_AUDIO_HOST_RE = re.compile(
    r"(?:^|//|\.)(?:soundcloud\.com|open\.spotify\.com/(?:embed/)?(?:episode|show)|"
    r"embed\.podcasts\.apple\.com|podcasts\.apple\.com|anchor\.fm|buzzsprout\.com|"
    r"podbean\.com|megaphone\.fm|simplecast\.com|acast\.com|audioboom\.com|spreaker\.com|"
    r"omny\.fm|ivoox\.com|mixcloud\.com|beyondwords\.io|trinityaudio\.ai|speechify\.com)",
    re.IGNORECASE,
)
_PICTURES = ("img", "picture", "video", "amp-img")
_MAX_TEXT = 200  # a player's box prints its label, its maker and its times, no more


def _plays_audio(el) -> bool:
    if el.tag == "audio":
        return True
    if el.tag == "iframe" and _AUDIO_HOST_RE.search(el.get("src") or el.get("data-src") or ""):
        return True
    return False


def _named_for_audio(el) -> bool:
    return bool(_AUDIO_NAME_WORDS & set(name_words(el).split()))


def _box(el, scope):
    """The player's box: ``el``'s largest ancestor with no picture and little text."""
    box, node = el, el.getparent()
    while node is not None and node is not scope:
        if any(True for _p in node.iter(*_PICTURES)) or len(text_of(node)) > _MAX_TEXT:
            break
        if not _named_for_audio(node) and any(not _plays_audio(f) for f in node.iter("iframe")):
            break  # a video's player beside the label: the box is the label's own
        if node.tag in ("article", "main", "body"):
            break
        box, node = node, node.getparent()
    return box


def drop_audio_players(scope) -> int:
    """Take every audio player's box out of ``scope``; how many were dropped."""
    players = [el for el in scope.iter() if isinstance(el.tag, str) and _plays_audio(el)]
    # A text-to-speech widget built by script: its label alone, in an element named for it.
    players += [
        el
        for el in scope.iter()
        if isinstance(el.tag, str)
        and el is not scope
        and not any(True for _p in el.iter(*_PICTURES, "iframe"))
        and (_named_for_audio(el) or el.tag in ("button", "span", "div", "p", "figcaption"))
        and is_audio_label(plain(text_of(el)))
    ]
    dropped = 0
    for el in players:
        if el.getparent() is None or not _in_tree(el, scope):
            continue
        drop(_box(el, scope))
        dropped += 1
    return dropped


def _in_tree(el, scope) -> bool:
    node = el
    while node is not None:
        if node is scope:
            return True
        node = node.getparent()
    return False
