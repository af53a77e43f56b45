"""Importing published articles: the pure parsing part (no database).

`parse_article` turns an article's plain text or saved HTML page into an `ArticleDraft`:
the headline, date, placements (pictures, videos and video stills with their captions and
credit lines exactly as printed) and the claim candidates an archivist reviews.
"""

from .parsing import (
    MAX_SOURCE_BYTES,
    ArticleDraft,
    ArticleParseError,
    ClaimCandidate,
    DraftPlacement,
    extract_claim_candidates,
    parse_article,
    split_credit,
    split_sentences,
)

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
