"""The licence report says as many assets as it lists: every finding under every filter."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from archive import audit
from archive.models import Article, Placement
from tests.audit.mixed_archive import build_mixed_archive

pytestmark = pytest.mark.django_db

URL = "/reports/licences/"
FILTERS = ["none", "credit alias", "no credit", "article", "published from", "published to"]


@pytest.fixture
def mixed(role_users):
    """A mixed archive where every rule fires, with assets printed with only a credit line."""
    build_mixed_archive(120, seed=7)
    lines = ["(Image: Getty Images)", "(Image: AFP)", "(Picture: reuters pictures)", "(Image: )"]
    for index, placement in enumerate(Placement.objects.order_by("id")[:24]):
        placement.credit, placement.credit_line = None, lines[index % len(lines)]
        placement.save()
    client = Client()
    client.force_login(role_users["auditor"])
    return client


def filter_params(name: str) -> dict[str, str]:
    """Return the report's parameters for the filter called ``name``."""
    if name == "credit alias":
        return {"credit": "Getty Images"}
    if name == "no credit":
        return {"credit": audit.NO_CREDIT}
    busiest = Article.objects.annotate(n=Count("placements")).order_by("-n", "id").first()
    if name == "article":
        return {"article": str(busiest.pk)}
    dates = sorted(Article.objects.values_list("published_on", flat=True))
    middle = dates[len(dates) // 2]
    if name == "published from":
        return {"published_from": middle.isoformat()}
    if name == "published to":
        return {"published_to": (middle - timedelta(days=1)).isoformat()}
    return {}


def listed_ids(client: Client, params: dict[str, str]) -> tuple[str, list[int]]:
    """Return the first page's text and the asset ids listed on every page."""
    first = client.get(URL, params)
    assert first.status_code == 200
    ids = [report.id for report in first.context["reports"]]
    for number in range(2, first.context["page"].paginator.num_pages + 1):
        page = client.get(URL, {**params, "page": number})
        ids += [report.id for report in page.context["reports"]]
    return first.content.decode(), ids


def said_and_listed(client: Client, finding: str, filter_name: str) -> list[str]:
    """Return what is wrong with the page for ``finding`` under the filter: its stated
    counts against its rows, and its rows against the rules."""
    params = {**filter_params(filter_name), "finding": finding}
    html, ids = listed_ids(client, params)
    said = re.search(
        r"([\d,]+) assets? with “([^”]+)”, of ([\d,]+) selected",
        re.sub(r"\s+", " ", unescape(html)),
    )
    if not said:
        return [f"{finding} × {filter_name}: the page does not say how many"]
    form = audit.ReportFilterForm(params)
    truth = audit.stream_reports(form.filters(), today=timezone.localdate(), warning_days=30)
    problems = {
        "label": said.group(2) == audit.LABELS[finding],
        "count said = rows listed": int(said.group(1).replace(",", "")) == len(ids),
        "no row twice": len(ids) == len(set(ids)),
        # The rows are exactly those the rules give that finding, among the selected assets.
        "rows = the rules' assets": set(ids) == {report.id for report in truth},
        "selected said = selected": int(said.group(3).replace(",", ""))
        == audit.report_assets(form.filters()).count(),
    }
    return [f"{finding} × {filter_name}: {name}" for name, ok in problems.items() if not ok]


@pytest.mark.parametrize("filter_name", FILTERS)
def test_the_count_said_is_the_rows_listed_for_every_finding(mixed, filter_name):
    problems = [
        problem
        for finding in audit.FINDINGS
        for problem in said_and_listed(mixed, finding, filter_name)
    ]
    assert problems == []


def test_every_finding_is_somewhere_in_the_mixed_archive(mixed):
    response = mixed.get(URL)
    totals = response.context["summary"].totals
    assert all(totals.get(kind) for kind in audit.FINDINGS), totals
