"""The pre-publication check on the seed article: its pictures get varied verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive.models import PrepublicationCheck

pytestmark = pytest.mark.django_db
ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "article.txt"


def test_the_seed_article_checked_on_the_desk_page(seeded, journalist_client):
    response = journalist_client.post(
        "/checks/prepublication/",
        {"text": ARTICLE.read_text(), "medium": "web", "on": "2022-10-31", "territory": ""},
    )
    assert response.status_code == 200
    record = PrepublicationCheck.objects.get()
    assert record.publication_date == date(2022, 10, 31)
    got = {
        (p["position"], p["asset_title"]): (
            p["verdict"],
            [r["code"] for r in p["reasons"]],
            p["credit_line_check"]["status"],
        )
        for p in record.pictures
    }
    assert got == {
        (1, "Ukraine: Russian vehicle flips over fleeing incoming fire"): (
            "no",
            ["no_licence"],
            "none_required",
        ),
        # Getty's quota of 2 a month: the archived article's own uses already count.
        (2, "Vladimir Putin"): ("no", ["over_quota"], "as_required"),  # GETTY: Getty Images
        (3, "Russian soldiers"): ("no", ["no_licence"], "none_required"),
        (4, "Ministry of Defence"): ("conditions", [], "not_as_required"),  # not @DefenceHQ
        (5, "Vladimir Putin"): ("conditions", [], "none_required"),
        (6, "Sergei Shoigu"): ("no", ["deny_lease", "over_quota"], "as_required"),
        (7, "Ukraine territorial disputes mapped"): ("yes", [], "none_required"),
        (8, "Volodymyr Zelensky"): ("no", ["over_quota"], "as_required"),
    }
    assert record.verdict == "no"
    page = response.content.decode()
    assert "Not as required" in page and "0 of 2 (GETTY)" in page


def test_a_picture_held_by_a_lease_uses_none_of_the_quota_in_print(seeded, journalist_client):
    # Issue 19: Shoigu (held by a deny lease today) will not run, so Zelensky after it keeps
    # the Getty use Shoigu would have taken, as it does when Shoigu is not in the draft.
    text = ARTICLE.read_text()
    response = journalist_client.post(
        "/checks/prepublication/", {"text": text, "medium": "print", "territory": ""}
    )
    assert response.status_code == 200
    pictures = {p["asset_title"]: p for p in response.context["result"]["pictures"]}
    shoigu, zelensky = pictures["Sergei Shoigu"], pictures["Volodymyr Zelensky"]
    assert shoigu["verdict"] == "no"
    assert "deny_lease" in [r["code"] for r in shoigu["reasons"]]
    assert zelensky["verdict"] == "conditions", zelensky["reasons"]
    assert zelensky["quota"]["used"] == shoigu["quota"]["used"]
