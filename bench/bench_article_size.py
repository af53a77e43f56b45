"""Benchmark reading a very large article (issue 14): the refusal and the claims' cap.

    .venv/bin/python bench/bench_article_size.py

The reviewer's input: a paragraph ("Mr Smith said 1,200 people marched ...") repeated to
1 MB of HTML, and the same cut to just under ``ARCHIVE_ARTICLE_MAX_TEXT_CHARS`` of text.
Each is read by ``parse_article`` (what the admin's import and the pre-publication check,
page and API, call first) with the limits as set, and, as the baseline in the same run, with
the text limit and the claims' cap lifted (the reader before issue 14). One run each: the
baseline takes tens of seconds.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import override_settings  # noqa: E402

from archive.articles import ArticleParseError, parse_article  # noqa: E402

PARAGRAPH = (
    "<p>Mr Smith said 1,200 people marched through the centre of town on Saturday, and "
    "police said 40 were arrested.</p>\n"
)


def page(size: int) -> str:
    return (
        "<html><body><article><h1>March</h1>"
        + PARAGRAPH * (size // len(PARAGRAPH))
        + ("</article></body></html>")
    )


def timed(html: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        draft = parse_article(html, filename="march.html")
        outcome = f"{len(draft.claim_candidates)} candidates"
    except ArticleParseError:
        outcome = "refused"
    return time.perf_counter() - start, outcome


def main() -> None:
    limit = settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS
    under = page(int(limit * 1.05))  # tags and the headline aside, just under the limit
    print(f"{'input':34} {'limits':>24} {'lifted (baseline)':>24} {'ratio':>7}")
    for name, html in (("1 MB of HTML (the reviewer's)", page(1_000_000)), ("just under", under)):
        now, outcome = timed(html)
        with override_settings(
            ARCHIVE_ARTICLE_MAX_TEXT_CHARS=10**9, ARCHIVE_ARTICLE_MAX_CLAIMS=10**9
        ):
            before, before_outcome = timed(html)
        print(
            f"{name + f' ({len(html):,} B)':34} {f'{now:.2f} s, {outcome}':>24} "
            f"{f'{before:.2f} s, {before_outcome}':>24} {before / now:6.1f}x"
        )
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
