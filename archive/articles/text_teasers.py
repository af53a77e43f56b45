"""Whether the picture printed right under a teaser for another story is the teaser's.

A teaser ("RELATED: Fire danger declared for the Wimmera") may bring its own picture, named
with the story it sells. A word the picture's caption shares with the teaser is a sign only
when the story itself has not used it so far: a story's own pictures share its topic's words
("fire") with every teaser for a story on the same topic. Pure.
"""

from __future__ import annotations

from archive.articles.draft import ArticleDraft, LeftOut, content_words


def teaser_picture(block: LeftOut, teaser: str, draft: ArticleDraft) -> bool:
    """Does the picture ``block`` share a word with ``teaser`` that the story read so far
    (its headline and paragraphs) does not use?"""
    shared = content_words(f"{block.alt} {block.caption}") & content_words(teaser)
    if not shared:
        return False
    story = content_words(" ".join([draft.headline, *draft.paragraphs]))
    return bool(shared - story)
