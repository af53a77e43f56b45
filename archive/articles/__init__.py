"""Importing published articles: the pure parsing part (no database) and, in `importing`,
the database side.

`parse_article` turns an article's plain text or saved HTML page into an `ArticleDraft`:
the headline, date, placements (pictures, videos and video stills with their captions and
credit lines exactly as printed) and the claim candidates an archivist reviews.

Modules: `source` (the entry point: checks and decoding), `text` and `html` (the two
readers; `text_lines` and `text_captions` hold the text reader's parts, `html_page`,
`html_media` and `html_left_out` the HTML reader's), `credit_lines` (printed credit lines,
with `credit_names` and `house_credits`) and `caption_credits` (a credit line found at the
end of a caption), `claims` (claim candidates, with `sentences`, `attribution`, `claimants` and
`claimant_words`), `dates` and `draft` (what they share). ARCHITECTURE.md lists them all.
"""

from .caption_credits import split_credit
from .claims import extract_claim_candidates
from .draft import ArticleDraft, ArticleParseError, ClaimCandidate, DraftPlacement
from .sentences import split_sentences
from .source import MAX_SOURCE_BYTES, parse_article

__all__ = [
    "MAX_SOURCE_BYTES",
    "ArticleDraft",
    "ArticleParseError",
    "ClaimCandidate",
    "DraftPlacement",
    "extract_claim_candidates",
    "parse_article",
    "split_credit",
    "split_sentences",
]
