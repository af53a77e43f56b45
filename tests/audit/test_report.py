"""The licence report: the seed's findings, who may open it, CSV, the command, query counts,
and the SQL counting path agreeing with the pure rules on a mixed archive."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from archive import audit
from archive.audit.facts import rebuild_facts
from archive.audit.rules import embedded_credit
from archive.models import (
    Article,
    Asset,
    AssetFacts,
    Credit,
    Licence,
    Placement,
    SupplierAgreement,
    UsageCategory,
    UsageRights,
)
from archive.text import credit_key
from tests.audit.mixed_archive import build_mixed_archive

pytestmark = pytest.mark.django_db

URL = "/reports/licences/"


def client_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def csv_of(response) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def findings_by_title(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["title"], set()).add(row["finding"])
    return found


def test_the_url_is_the_documented_one():
    assert reverse("archive:licence-report") == URL


def test_the_seed_shows_several_kinds_of_finding(seeded, role_users):
    response = client_as(role_users["auditor"]).get(URL + "?format=csv")
    found = findings_by_title(csv_of(response))
    # The seed's demo usage rights add one finding of each new kind (``demo_rights``).
    assert found["Ministry of Defence"] == {audit.EMBED_ONLY, audit.CREDIT_LINE_NOT_PRINTED}
    assert found["Volodymyr Zelensky"] == {
        audit.CREDIT_MISMATCH,
        audit.UNVERIFIED,
        audit.OVER_QUOTA,
    }
    assert found["Sergei Shoigu"] == {audit.EXPIRING, audit.DENY_LEASE_BREACHED}
    assert found["Russian soldiers"] == {audit.MISSING, audit.UNKNOWN_CREDIT}
    assert found["Ukraine territorial disputes mapped"] == {audit.OK}
    putins = Asset.objects.filter(title="Vladimir Putin").order_by("id")
    rows = csv_of(client_as(role_users["auditor"]).get(URL + "?format=csv&finding=expired"))
    assert [int(row["asset_id"]) for row in rows] == [putins[1].pk]


def test_the_page_summarises_and_links_to_the_admin(seeded, role_users):
    response = client_as(role_users["archivist"]).get(URL)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert summary.total == Asset.objects.count()
    assert summary.totals[audit.MISSING] == 2 and summary.totals[audit.EMBED_ONLY] == 1
    getty = next(c for c in summary.credits if c.credit_name == "GETTY")
    assert getty.counts[audit.CREDIT_MISMATCH] == 1 and getty.counts[audit.EXPIRED] == 1
    html = response.content.decode()
    embed = Licence.objects.get(licence_type="social_embed")
    assert reverse("admin:archive_licence_change", args=[embed.pk]) in html
    nc_video = Asset.objects.get(kind="video")
    assert f"{reverse('admin:archive_licence_add')}?asset={nc_video.pk}" in html
    # The chart is SVG, drawn without script; the only script is the site's own copy button.
    assert "<svg" in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/archive/copy.js" defer>']
    assert "archive/licence_report.css" in html


@pytest.mark.parametrize("role", ["auditor", "archivist"])
def test_auditors_and_archivists_open_the_report(seeded, role_users, role):
    client = client_as(role_users[role])
    assert client.get(URL).status_code == 200
    assert client.get(URL + "?format=csv").status_code == 200


def test_journalists_and_anonymous_users_do_not(seeded, role_users):
    journalist = client_as(role_users["journalist"])
    assert journalist.get(URL).status_code == 403
    assert journalist.get(URL + "?format=csv").status_code == 403
    for url in (URL, URL + "?format=csv"):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_csv_streams_stable_columns(seeded, role_users):
    response = client_as(role_users["auditor"]).get(URL + "?format=csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="licence-report-')
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[0] == ",".join(audit.CSV_COLUMNS)
    assert audit.CSV_COLUMNS == (
        "asset_id",
        "title",
        "kind",
        "credit",
        "finding",
        "severity",
        "detail",
        "licence_id",
        "article_ids",
        "asset_url",
        "fix_url",
        "digital_source_type",
        "data_mining",
        "ai_system",
        "ai_system_version",
        "ai_prompt",
        "ai_prompt_writer",
        "other_constraints",
        "licensor_name",
        "licensor_url",
        "copyright_owner",
        "image_supplier",
        "web_statement",
        "alt_text",
        "extended_description",
        "persons_shown",
        "location_shown",
        "other_locations_shown",
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["severity"] for row in rows} <= {"high", "medium", "low", "none"}
    assert all(row["fix_url"].startswith("http://testserver/admin/archive/") for row in rows)


def test_filters_by_credit_alias_finding_article_and_dates(seeded, role_users):
    client = client_as(role_users["auditor"])
    article = Article.objects.get()
    rows = csv_of(client.get(URL + "?format=csv&credit=Getty+Images"))
    assert {row["credit"] for row in rows} == {"GETTY"}
    rows = csv_of(client.get(URL + "?format=csv&finding=missing"))
    assert {row["finding"] for row in rows} == {audit.MISSING} and len(rows) == 2
    assert len(csv_of(client.get(URL + f"?format=csv&article={article.pk}"))) > 0
    assert csv_of(client.get(URL + f"?format=csv&article={article.pk + 1}")) == []
    published = article.published_on
    inside = f"published_from={published}&published_to={published}"
    after = f"published_from={published + timedelta(days=1)}"
    assert len(csv_of(client.get(URL + "?format=csv&" + inside))) > 0
    assert csv_of(client.get(URL + "?format=csv&" + after)) == []
    page = client.get(URL + "?finding=missing")
    assert page.context["page"].paginator.count == 2
    assert {r.kind for r in page.context["reports"]} == {"video", "still"}
    page = client.get(URL + "?finding=credit_mismatch")
    assert [r.title for r in page.context["reports"]] == ["Volodymyr Zelensky"]
    page = client.get(URL + "?finding=ok")
    assert {r.title for r in page.context["reports"]} == {
        "Vladimir Putin",
        "Ukraine territorial disputes mapped",
    }


def test_the_asset_page_shows_the_same_findings(seeded, role_users):
    tweet = Asset.objects.get(kind="social")
    response = client_as(role_users["journalist"]).get(
        reverse("archive:asset-detail", args=[tweet.pk])
    )
    assert [f.kind for f in response.context["licence_findings"]] == [
        audit.EMBED_ONLY,
        audit.CREDIT_LINE_NOT_PRINTED,  # the seed's demo agreement with X
    ]
    assert "Licence audit" in response.content.decode()


def test_expiry_boundaries_in_the_database(seeded, settings, role_users):
    settings.ARCHIVE_EXPIRY_WARNING_DAYS = 10
    today = timezone.localdate()
    map_licence = Licence.objects.get(licence_type="in_house")
    # Its demo category (staff) needs no licence: without it, the licence decides.
    UsageRights.objects.filter(asset=map_licence.asset).delete()
    client = client_as(role_users["auditor"])

    def map_findings() -> set[str]:
        rows = csv_of(client.get(URL + "?format=csv&credit=Express"))
        return {row["finding"] for row in rows}

    for days, expected in ((-1, {audit.EXPIRED}), (0, {audit.EXPIRING}), (10, {audit.EXPIRING})):
        Licence.objects.filter(pk=map_licence.pk).update(expires_on=today + timedelta(days=days))
        assert map_findings() == expected, days
    Licence.objects.filter(pk=map_licence.pk).update(expires_on=today + timedelta(days=11))
    assert map_findings() == {audit.OK}


def test_the_command_writes_csv_and_json(seeded):
    out = io.StringIO()
    call_command("licence_report", "--format", "csv", "--credit", "Twitter", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["title"], row["finding"]) for row in rows] == [
        ("Ministry of Defence", audit.EMBED_ONLY),
        ("Ministry of Defence", audit.CREDIT_LINE_NOT_PRINTED),
    ]
    out = io.StringIO()
    call_command("licence_report", "--format", "json", "--finding", "missing", stdout=out)
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(items) == 2 and set(items[0]) == set(audit.CSV_COLUMNS)
    assert all(item["finding"] == "missing" and item["credit"] == "NC" for item in items)


def untitled_asset() -> Asset:
    """An upload with no title, only its file's name (what the pages then show)."""
    return Asset.objects.create(
        sha256="7" * 64, file="originals/77/u.jpg", title="", original_filename="IMG_4021.jpg"
    )


def test_the_csv_links_are_absolute_and_untitled_assets_named_as_the_pages_name_them(
    seeded, role_users, settings
):
    asset = untitled_asset()
    client = client_as(role_users["auditor"])
    detail = reverse("archive:asset-detail", args=[asset.pk])
    page = client.get(detail).content.decode()
    assert asset.display_name in page and asset.display_name == "IMG_4021.jpg"
    rows = [row for row in csv_of(client.get(URL + "?format=csv")) if row["asset_id"]]
    mine = [row for row in rows if int(row["asset_id"]) == asset.pk]
    assert mine and {row["title"] for row in mine} == {asset.display_name}
    assert {row["asset_url"] for row in mine} == {f"http://testserver{detail}"}
    assert all(row["asset_url"].startswith("http://testserver/") for row in rows)
    assert all(row["fix_url"].startswith("http://testserver/") for row in rows)
    # The configured address wins over the request's (behind a proxy the request's may be
    # an internal one).
    settings.ARCHIVE_BASE_URL = "https://archive.example.org"
    rows = csv_of(client.get(URL + "?format=csv"))
    assert all(row["asset_url"].startswith("https://archive.example.org/assets/") for row in rows)


def test_the_command_writes_absolute_links_with_a_base_url(seeded, settings):
    asset = untitled_asset()
    detail = reverse("archive:asset-detail", args=[asset.pk])
    out = io.StringIO()
    call_command("licence_report", "--base-url", "https://news.example/", stdout=out)
    rows = [
        r for r in csv.DictReader(io.StringIO(out.getvalue())) if int(r["asset_id"]) == asset.pk
    ]
    assert rows and {(r["title"], r["asset_url"]) for r in rows} == {
        (asset.display_name, f"https://news.example{detail}")
    }
    settings.ARCHIVE_BASE_URL = "https://archive.example.org"
    out = io.StringIO()
    call_command("licence_report", "--format", "json", stdout=out)
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(item["asset_url"].startswith("https://archive.example.org/") for item in items)


def test_the_command_refuses_bad_dates(seeded):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="published_from"):
        call_command("licence_report", "--published-from", "2022-13-45", stdout=io.StringIO())


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", [URL, URL + "?finding=credit_mismatch", URL + "?format=csv"])
def test_query_count_stays_constant_as_the_archive_grows(
    seeded, role_users, url, django_assert_max_num_queries
):
    client = client_as(role_users["auditor"])
    client.get(URL)  # the session and permission caches are warm from here on
    small = queries_for(client, url)
    build_mixed_archive(120, seed=1)
    with django_assert_max_num_queries(small):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)


def flagged_ids(condition: str, today, days: int) -> set[int]:
    return set(
        audit.assets_flagged(
            Asset.objects.all(), condition, today=today, warning_days=days
        ).values_list("id", flat=True)
    )


def test_sql_counts_agree_with_the_rules_on_a_mixed_archive(seeded):
    build_mixed_archive(400, seed=7)
    # A few placements printed with only a credit line (the rules decide those assets), some
    # naming the asset's own credit through an alias, some another credit, some no credit.
    lines = ["(Image: Getty Images)", "(Image: AFP)", "(Picture: reuters pictures)", "(Image: )"]
    for index, placement in enumerate(Placement.objects.order_by("id")[:40]):
        placement.credit, placement.credit_line = None, lines[index % len(lines)]
        placement.save()  # keeps the asset's stored placement facts
    today = timezone.localdate()
    days = 30
    reports = list(
        audit.iter_reports(
            Asset.objects.order_by("id"), today=today, warning_days=days, chunk_size=150
        )
    )
    by_rules = {report.id: {f.kind for f in report.findings} for report in reports}
    seen = Counter(kind for kinds in by_rules.values() for kind in kinds)
    assert all(seen[kind] for kind in audit.FINDINGS), seen  # every rule fires somewhere
    for kind in audit.FLAG:
        by_sql = set(
            audit.assets_with_finding(
                Asset.objects.all(), kind, today=today, warning_days=days
            ).values_list("id", flat=True)
        )
        assert by_sql == {pk for pk, kinds in by_rules.items() if kind in kinds}, kind
    candidates = set(
        audit.assets_with_finding(
            Asset.objects.all(), audit.CREDIT_MISMATCH, today=today, warning_days=days
        ).values_list("id", flat=True)
    )
    mismatched = {pk for pk, kinds in by_rules.items() if audit.CREDIT_MISMATCH in kinds}
    assert mismatched <= candidates
    # The stored keys make the SQL column exact; only assets printed with a bare line are left
    # to the rules, and a mismatch SQL finds is certain.
    certain = flagged_ids(audit.MISMATCH_CERTAIN, today, days)
    undecided = flagged_ids(audit.MISMATCH_TO_DECIDE, today, days)
    assert certain <= mismatched and mismatched - certain <= undecided
    assert undecided and mismatched & undecided and undecided - mismatched
    printed_only = set(
        Placement.objects.filter(credit=None)
        .exclude(credit_line="")
        .values_list("asset_id", flat=True)
    )
    assert mismatched - printed_only == certain - printed_only
    summary = audit.summarise(Asset.objects.all(), today=today, warning_days=days)
    assert summary.totals == {kind: seen[kind] for kind in audit.FINDINGS}
    per_credit = Counter(
        (report.credit_name or "(no credit)", f.kind) for report in reports for f in report.findings
    )
    for credit in summary.credits:
        for kind, count in credit.cells():
            assert per_credit[(credit.credit_name, kind)] == count, (credit.credit_name, kind)
    assert set(summary.mismatch_ids) == mismatched & undecided


def test_saving_stores_the_credit_keys_the_audit_compares(seeded):
    getty = Credit.objects.get(name="GETTY")
    asset = Asset.objects.create(
        sha256="e" * 64,
        file="originals/ee/e.jpg",
        credit=getty,
        embedded_metadata={"xmp": {"photoshop:Credit": ["", " Getty Images "]}, "iptc": {}},
    )
    assert (asset.facts.embedded_credit, asset.facts.embedded_credit_key) == (
        "Getty Images",
        "gettyimages",
    )
    licence = Licence.objects.create(asset=asset, licensor="Reuters Pictures")
    assert Licence.objects.get(pk=licence.pk).licensor_key == "reuterspictures"
    licence.licensor = "Getty"
    licence.save()
    assert Licence.objects.get(pk=licence.pk).licensor_key == "getty"
    asset.embedded_metadata = {"iptc": {"Credit": "AFP"}}
    asset.save()
    assert Asset.objects.get(pk=asset.pk).facts.embedded_credit_key == "afp"
    assert audit.CREDIT_MISMATCH in {f.kind for f in audit.findings_for_asset(asset.pk)}


def test_a_rebuild_restores_the_credit_keys(seeded):
    AssetFacts.objects.update(embedded_credit="", embedded_credit_key="")
    rebuild_facts()
    for asset in Asset.objects.select_related("facts"):
        expected = embedded_credit(asset.embedded_metadata)
        assert (asset.facts.embedded_credit, asset.facts.embedded_credit_key) == (
            expected,
            credit_key(expected),
        )
    assert AssetFacts.objects.exclude(embedded_credit="").exists()
    for licence in Licence.objects.all():
        assert licence.licensor_key == credit_key(licence.licensor)
    assert Licence.objects.exclude(licensor_key="").exists()


def test_a_look_alike_credited_elsewhere_is_a_conflict(seeded):
    getty, twitter = Credit.objects.get(name="GETTY"), Credit.objects.get(name="Twitter")
    original = Asset.objects.filter(credit=getty).first()
    copy = Asset.objects.create(
        sha256="f" * 64, file="originals/ff/copy.jpg", credit=twitter, near_duplicate_of=original
    )
    today = timezone.localdate()
    flagged = audit.assets_with_finding(
        Asset.objects.all(), audit.DUPLICATE_CONFLICT, today=today, warning_days=30
    )
    assert set(flagged.values_list("id", flat=True)) == {original.pk, copy.pk}
    kinds = [f.kind for f in audit.findings_for_asset(copy.pk)]
    assert audit.DUPLICATE_CONFLICT in kinds


def test_a_printed_line_with_an_alias_agrees(seeded):
    placement = Placement.objects.filter(credit__name="GETTY").first()
    Placement.objects.filter(pk=placement.pk).update(
        credit=None, credit_line="(Image: Getty Images)"
    )
    assert audit.CREDIT_MISMATCH not in {
        f.kind for f in audit.findings_for_asset(placement.asset_id)
    }
    Placement.objects.filter(pk=placement.pk).update(credit_line="(Image: AFP)")
    assert audit.CREDIT_MISMATCH in {f.kind for f in audit.findings_for_asset(placement.asset_id)}


def test_today_is_used_not_a_stored_status(seeded):
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    own = Licence.objects.get(asset=shoigu)
    covering = SupplierAgreement.objects.filter(
        supplier=shoigu.credit, ends_on__gt=own.expires_on
    ).get()
    # Its licence has expired, but its supplier's agreement still covers it: licensed.
    later = own.expires_on + timedelta(days=1)
    kinds = {f.kind for f in audit.findings_for_asset(shoigu.pk, today=later)}
    assert kinds == {audit.EXPIRING, audit.DENY_LEASE_BREACHED}  # the breach is not time-based
    later = covering.ends_on + timedelta(days=1)
    kinds = {f.kind for f in audit.findings_for_asset(shoigu.pk, today=later)}
    assert kinds == {audit.EXPIRED, audit.AGREEMENT_ENDED, audit.DENY_LEASE_BREACHED}


def test_the_fix_link_for_a_missing_licence_opens_a_prefilled_admin_form(seeded, role_users):
    video = Asset.objects.get(kind="video")
    rows = csv_of(client_as(role_users["auditor"]).get(URL + "?format=csv&finding=missing"))
    link = next(row["fix_url"] for row in rows if int(row["asset_id"]) == video.pk)
    response = client_as(role_users["archivist"]).get(link)
    assert response.status_code == 200
    assert f'<option value="{video.pk}" selected>' in response.content.decode()


def test_search_and_api_show_the_audit_rules_findings(
    seeded, journalist_client, django_assert_max_num_queries
):
    """The status in search results and the API comes from the same rules as the report."""
    from archive import audit as audit_rules
    from archive.models import Asset

    tweet = Asset.objects.get(kind="social")
    zelensky = Asset.objects.get(title="Volodymyr Zelensky")
    expected = audit_rules.findings_for_assets([tweet.pk, zelensky.pk])
    assert "embed_only" in {f.kind for f in expected[tweet.pk]}
    assert "credit_mismatch" in {f.kind for f in expected[zelensky.pk]}

    page = journalist_client.get("/search/", {"q": "Zelensky"}).content.decode()
    assert audit_rules.LABELS["credit_mismatch"] in page
    page = journalist_client.get("/search/", {"q": "tweet"}).content.decode()
    assert audit_rules.LABELS["embed_only"] in page

    with django_assert_max_num_queries(25):
        data = journalist_client.get("/api/assets").json()
    by_id = {row["id"]: row for row in data["results"]}
    for asset_id, findings in expected.items():
        assert by_id[asset_id]["licence_findings"] == [f.kind for f in findings]
    single = journalist_client.get(f"/api/assets/{zelensky.pk}").json()
    assert "credit_mismatch" in single["licence_findings"]


def test_auditors_are_not_sent_to_an_admin_they_cannot_open(seeded, role_users):
    html = client_as(role_users["auditor"]).get(URL).content.decode()
    assert "/admin/" not in html and "an archivist fixes this in the admin" in html
    rows = csv_of(client_as(role_users["auditor"]).get(URL + "?format=csv"))
    assert all(
        row["fix_url"].startswith("http://testserver/admin/")
        for row in rows
        if row["finding"] != "ok"
    )


def test_the_no_credit_row_links_to_the_uncredited_assets_only(seeded, role_users):
    client = client_as(role_users["auditor"])
    Asset.objects.create(sha256="9" * 64, file="originals/99/x.jpg", credit=None)
    summary = client.get(URL).context["summary"]
    uncredited = next(c for c in summary.credits if c.credit_id is None)
    html = client.get(URL).content.decode()
    link = f"?credit={audit.NO_CREDIT}&amp;finding={audit.MISSING}"
    assert link in html
    response = client.get(URL + f"?credit={audit.NO_CREDIT}&finding={audit.MISSING}")
    assert response.context["page"].paginator.count == uncredited.counts[audit.MISSING]
    ids = {report.id for report in response.context["reports"]}
    assert ids == set(Asset.objects.filter(credit=None).values_list("id", flat=True))


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("published_from=garbage", "Published from"),
        ("finding=bogus", "Finding"),
        ("article=-3", "Article number"),
    ],
)
def test_a_filter_that_means_nothing_shows_nothing(seeded, role_users, query, label):
    client = client_as(role_users["auditor"])
    page = client.get(f"{URL}?{query}")
    assert page.status_code == 400
    html = page.content.decode()
    assert "1 filter means nothing, so no asset is shown and nothing can be downloaded" in html
    assert f"<li>{label}: " in html  # the field as a person reads it, not its parameter
    assert "_from:" not in html and "selected." not in html
    assert "Download CSV" not in html and "format=csv" not in html
    assert "summary" not in page.context
    two = client.get(f"{URL}?published_from=garbage&published_to=nope").content.decode()
    assert "2 filters mean nothing" in two and "until they are corrected" in two
    export = client.get(f"{URL}?{query}&format=csv")
    assert export.status_code == 400 and not export.streaming
    assert "nothing exported" in export.content.decode()


def test_the_csv_never_hands_a_spreadsheet_a_formula(seeded, role_users):
    asset = Asset.objects.get(title="Sergei Shoigu")
    Asset.objects.filter(pk=asset.pk).update(title='=HYPERLINK("http://evil.example","x")')
    rows = csv_of(client_as(role_users["auditor"]).get(URL + "?format=csv"))
    titles = {row["title"] for row in rows if int(row["asset_id"]) == asset.pk}
    assert titles == {'\'=HYPERLINK("http://evil.example","x")'}
    assert audit.spreadsheet_safe("-12") == "'-12" and audit.spreadsheet_safe(12) == 12
    assert audit.spreadsheet_safe("GETTY") == "GETTY"


def test_a_refused_page_explains_itself_in_the_site_layout(seeded, role_users):
    response = client_as(role_users["journalist"]).get(URL)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Not for your role" in html and "archive/" in html and "<nav" in html


def test_a_still_placed_under_its_videos_deny_lease_is_a_breach(seeded, role_users):
    from archive.models import MediaLease

    video = Asset.objects.get(kind="video")
    still = Asset.objects.get(video=video)
    published = Placement.objects.filter(asset=still).values_list(
        "article__published_on", flat=True
    )[0]
    assert audit.DENY_LEASE_BREACHED not in {f.kind for f in audit.findings_for_asset(still.pk)}
    MediaLease.objects.create(
        asset=video, access="deny", scope="use", starts_on=published, note="Family's request"
    )
    breach = next(
        f for f in audit.findings_for_asset(still.pk) if f.kind == audit.DENY_LEASE_BREACHED
    )
    assert "(on the video it was cut from)" in breach.detail
    assert "Family's request" in breach.detail
    rows = csv_of(
        client_as(role_users["auditor"]).get(URL + "?format=csv&finding=deny_lease_breached")
    )
    listed = {int(row["asset_id"]) for row in rows}
    assert still.pk in listed
    summary = client_as(role_users["auditor"]).get(URL).context["summary"]
    assert summary.totals[audit.DENY_LEASE_BREACHED] == len(listed)


def report_kinds(client: Client, asset: Asset) -> set[str]:
    rows = csv_of(client.get(URL + "?format=csv"))
    return {row["finding"] for row in rows if int(row["asset_id"]) == asset.pk}


def licence_kinds(client: Client, asset: Asset) -> set[str]:
    """The findings about whether it is licensed at all, as the report lists them."""
    about = {audit.MISSING, audit.EXPIRED, audit.AGREEMENT_ENDED, audit.AGREEMENT_NOT_COVERING}
    return report_kinds(client, asset) & about


def test_the_report_and_can_i_use_it_agree_on_supplier_agreements(seeded, role_users):
    """An asset with no licence of its own, credited to a supplier whose agreement covers it,
    is licensed through it on the report as on its page; an agreement that ended or does not
    cover it is said as such, and the summary counts what the lines list."""
    from archive.rights.facts import usability_by_medium

    client = client_as(role_users["auditor"])
    supplier = Credit.objects.create(name="Harbour Agency", kind="agency", reviewed=True)
    asset = Asset.objects.create(sha256="6" * 64, file="originals/66/h.jpg", credit=supplier)
    today = timezone.localdate()

    def web_verdict() -> str:
        return usability_by_medium(asset.pk, on=today)["web"].verdict

    def counts_equal_rows() -> None:
        rows = csv_of(client.get(URL + "?format=csv"))
        totals = client.get(URL).context["summary"].totals
        listed = Counter(row["finding"] for row in rows)
        assert {kind: totals.get(kind, 0) for kind in audit.FINDINGS} == {
            kind: listed[kind] for kind in audit.FINDINGS
        }

    assert licence_kinds(client, asset) == {audit.MISSING} and web_verdict() == "no"
    agreement = SupplierAgreement.objects.create(supplier=supplier, name="Harbour news")
    assert web_verdict() != "no"  # yes, or yes with conditions
    assert licence_kinds(client, asset) == set()
    counts_equal_rows()
    # Its category is one the agreement does not cover.
    agreement.categories.set([UsageCategory.objects.get(code="agency")])
    UsageRights.objects.create(asset=asset, category=UsageCategory.objects.get(code="social-embed"))
    assert web_verdict() == "no"
    assert licence_kinds(client, asset) == {audit.AGREEMENT_NOT_COVERING}
    counts_equal_rows()
    # It covers the category again, but has ended.
    agreement.categories.set([])
    SupplierAgreement.objects.filter(pk=agreement.pk).update(ends_on=today - timedelta(days=1))
    assert web_verdict() == "no"
    assert licence_kinds(client, asset) == {audit.AGREEMENT_ENDED}
    counts_equal_rows()
    # An agreement for social media only licenses no picture printed on the web or in print.
    SupplierAgreement.objects.create(supplier=supplier, web=False, print=False, social=True)
    assert web_verdict() == "no"
    assert licence_kinds(client, asset) == {audit.AGREEMENT_ENDED, audit.AGREEMENT_NOT_COVERING}
    # A usage category that needs no licence (staff) needs no agreement either.
    UsageRights.objects.filter(asset=asset).update(
        category=UsageCategory.objects.filter(needs_licence=False).order_by("id").first()
    )
    rebuild_facts()  # an update() sends no signal
    assert web_verdict() != "no" and licence_kinds(client, asset) == set()
    counts_equal_rows()
    UsageRights.objects.filter(asset=asset).update(
        category=UsageCategory.objects.get(code="social-embed")
    )
    rebuild_facts()
    rows = csv_of(client.get(URL + f"?format=csv&finding={audit.AGREEMENT_ENDED}"))
    assert {row["finding"] for row in rows} == {audit.AGREEMENT_ENDED}
    mine = [row for row in rows if int(row["asset_id"]) == asset.pk]
    assert len(mine) == 1 and mine[0]["fix_url"].endswith(
        reverse("admin:archive_supplieragreement_change", args=[agreement.pk])
    )
    counts_equal_rows()


def test_the_asset_page_says_an_agreement_licenses_what_has_no_licence_of_its_own(
    seeded, role_users
):
    """The asset page's licence dates say "No licence" of the asset's own records; when the
    audit finds it licensed through its supplier's agreement, the page says so beside it."""
    client = client_as(role_users["auditor"])
    supplier = Credit.objects.create(name="Quay Agency", kind="agency", reviewed=True)
    asset = Asset.objects.create(sha256="7" * 64, file="originals/77/q.jpg", credit=supplier)
    page = f"/assets/{asset.pk}/"

    response = client.get(page)
    assert response.context["licence_status"] == "none"
    assert not response.context["licensed_otherwise"]
    assert b"licensed-otherwise" not in response.content
    SupplierAgreement.objects.create(supplier=supplier, name="Quay news")
    response = client.get(page)
    assert response.context["licence_status"] == "none"  # still none of its own
    assert response.context["licensed_otherwise"]
    assert "of its own; licensed through a supplier agreement" in response.content.decode()
