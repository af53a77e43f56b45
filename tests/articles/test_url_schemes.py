"""Article URLs: only http and https are stored, from the admin, the command or a page's og:url."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from archive.admin.article_import import ReviewForm, SourceForm
from archive.articles import parse_article
from archive.articles.importing import accept_all, build_draft, commit_draft
from archive.models import Article

pytestmark = pytest.mark.django_db

HOSTILE = ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>"]
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Floods reach the coast</title>
<meta property="og:title" content="Floods reach the coast">
<meta property="og:url" content="{url}">
</head><body><article><h1>Floods reach the coast</h1>
<p>The river rose two metres overnight, the mayor said on Monday.</p>
</article></body></html>"""


@pytest.mark.parametrize("url", [*HOSTILE, "ftp://example.org/story", "vbscript:msgbox(1)"])
def test_model_refuses_urls_that_are_not_web_addresses(url):
    article = Article(headline="Floods", url=url)
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert "http:// or https://" in str(refused.value.message_dict["url"])


def test_model_accepts_http_and_https():
    for url in ("http://example.org/a", "https://example.org/b"):
        Article(headline="Floods", url=url).full_clean()


@pytest.mark.parametrize("url", HOSTILE)
def test_import_article_commit_drops_a_hostile_og_url(tmp_path, capsys, url):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url=url.replace('"', "&quot;")), encoding="utf-8")
    call_command("import_article", str(page), "--commit", "--json")
    output = json.loads(capsys.readouterr().out)
    assert output["saved"]["created"] is True
    assert Article.objects.get().url == ""
    assert any("not an http or https address" in w for w in output["warnings"])


@pytest.mark.parametrize("url", HOSTILE)
def test_import_article_refuses_a_hostile_url_option(tmp_path, url):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url="https://example.org/floods"), encoding="utf-8")
    with pytest.raises(CommandError, match="must start with http:// or https://"):
        call_command("import_article", str(page), "--commit", "--url", url)
    assert not Article.objects.exists()


@pytest.mark.parametrize("url", HOSTILE)
def test_commit_draft_refuses_a_hostile_url(url):
    draft = parse_article(PAGE.format(url="https://example.org/floods"), filename="page.html")
    imported = build_draft(draft)
    with pytest.raises(ValidationError):
        commit_draft(imported, accept_all(imported), url=url)
    assert not Article.objects.exists()


@pytest.mark.parametrize("url", [*HOSTILE, "ftp://example.org/story"])
def test_admin_import_forms_refuse_urls_that_are_not_web_addresses(url):
    source = SourceForm(data={"text": "Floods reach the coast\n\nThe river rose.", "url": url})
    review = ReviewForm(
        data={
            "source": "x",
            "source_format": "text",
            "source_hash": "0" * 64,
            "headline": "Floods",
            "url": url,
        }
    )
    assert not source.is_valid() and "url" in source.errors
    assert not review.is_valid() and "url" in review.errors
