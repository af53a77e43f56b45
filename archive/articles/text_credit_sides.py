"""Which neighbour a credit line printed on its own line belongs to, when the line above is a
caption with no full stop and the line below a sentence of the story.

`text_captions._credit_leads` gives a lone credit line to its shorter neighbour; a caption
printed without a full stop ("Message posted by the charity on X about the wounded") may be
longer than the story's next sentence. A line of six words or more closing with no stop
above, a sentence of ten words or more closed by a full stop below: the credit closes the
caption above.
"""

from __future__ import annotations

# full stops of the Latin script and of others (the danda, Urdu, Ethiopic, Armenian, CJK)
_STOPS = ".!?…।۔።։。"


def closes_caption_above(above: str, below: str) -> bool:
    """Does a credit line between ``above`` and ``below`` close the caption above?"""
    above, below = above.strip(), below.strip()
    if not above or not below or above[-1] in _STOPS + ":;,":
        return False
    return len(above.split()) >= 6 and below[-1] in _STOPS and len(below.split()) >= 10
