"""Shared by the article parsing tests: the seed article, its manifest and the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from archive.articles import ArticleDraft, parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


# A story paragraph, to stand before or after the lines a test is about.
PARAGRAPH = (
    "The council voted on Thursday evening to close the old ferry terminal for repairs "
    "that engineers say are long overdue."
)


def credit_parts(line: str) -> tuple[str, str, str]:
    """The credit, source and creator a printed credit line is read as."""
    parts = read_credit_line(line)
    return parts.credit, parts.source, parts.creator


def caption_cut(printed: str) -> tuple[str, str, str]:
    """The caption, credit line and credit a printed caption line is cut into."""
    read = read_caption(printed)
    return read.caption, read.credit_line, read.credit


def caption_parts(printed: str) -> tuple[str, str, str, str]:
    """``caption_cut`` and the creator the credit line names."""
    read = read_caption(printed)
    return read.caption, read.credit_line, read.credit, read.creator


def parse_fixture(name: str) -> ArticleDraft:
    """Parse one of the article fixtures, its file name deciding the format."""
    return parse_article((FIXTURES / name).read_bytes(), filename=name)


@pytest.fixture(scope="module")
def manifest():
    return yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_draft(manifest):
    return parse_article(
        (SEEDS / "article.txt").read_bytes(),
        filename="article.txt",
        publication=manifest["article"]["publication"],
    )
