"""Shared by the article parsing tests: the seed article, its manifest and the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from archive.articles import ArticleDraft, parse_article

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


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
