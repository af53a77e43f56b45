"""The seed's demo usage rights show every verdict and every usage-rights finding."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from archive import audit
from archive.models import Asset, MediaLease, SupplierAgreement
from archive.rights.facts import usability_by_medium
from archive.seeding import load_seed
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
ARTICLE_DAY = date(2022, 10, 31)


def verdicts(title: str, on: date | None = None, index: int = 0) -> dict[str, tuple]:
    asset = Asset.objects.filter(title=title).order_by("id")[index]
    return {
        medium: (answer.verdict, [p.code for p in answer.reasons])
        for medium, answer in usability_by_medium(asset.pk, on=on).items()
    }


def test_each_verdict_shows_on_the_seed(seeded):
    assert verdicts("Ukraine territorial disputes mapped")["web"] == ("yes", [])
    assert verdicts("Vladimir Putin")["web"] == ("conditions", [])
    assert verdicts("Vladimir Putin", ARTICLE_DAY)["web"] == ("no", ["over_quota"])
    assert verdicts("Vladimir Putin", index=1)["web"] == ("no", ["expired"])
    assert verdicts("Sergei Shoigu")["web"] == ("no", ["deny_lease"])
    tweet = verdicts("Ministry of Defence")
    assert tweet["web"] == ("conditions", []) and tweet["print"] == ("no", ["embed_only"])
    assert verdicts("Russian soldiers")["web"] == ("no", ["no_licence"])
    assert verdicts("Volodymyr Zelensky")["training"] == ("no", ["data_mining"])


def test_each_new_finding_shows_on_the_seed(seeded):
    found = {
        report.title: {finding.kind for finding in report.findings}
        for report in audit.iter_reports(
            Asset.objects.order_by("id"), today=date.today(), warning_days=30
        )
    }
    assert audit.DENY_LEASE_BREACHED in found["Sergei Shoigu"]
    assert audit.OVER_QUOTA in found["Volodymyr Zelensky"]
    assert audit.CREDIT_LINE_NOT_PRINTED in found["Ministry of Defence"]


def test_the_seed_shows_the_agreement_findings_and_agrees_with_can_i_use_it(seeded):
    """The archive purchase's agreement has ended and the news subscription does not cover
    it: the report says both, and "can I use it?" says no; Shoigu's licence ends before the
    subscription does, which licenses it meanwhile, on the report as on its page."""
    today = date.today()
    reports = {
        report.id: report
        for report in audit.iter_reports(Asset.objects.order_by("id"), today=today, warning_days=30)
    }
    archive_purchase = Asset.objects.filter(title="Vladimir Putin").order_by("id")[1]
    kinds = {finding.kind for finding in reports[archive_purchase.pk].findings}
    assert {audit.AGREEMENT_ENDED, audit.AGREEMENT_NOT_COVERING} <= kinds
    assert verdicts("Vladimir Putin", index=1)["web"][0] == "no"
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    licence_end = shoigu.licences.get().expires_on
    after = licence_end + timedelta(days=1)
    later = {f.kind for f in audit.findings_for_asset(shoigu.pk, today=after)}
    assert audit.EXPIRED not in later and audit.EXPIRING in later
    usable = usability_by_medium(shoigu.pk, on=after)["print"]
    assert not {"no_licence", "expired"} & {point.code for point in usable.reasons}


def test_the_report_filters_by_a_new_finding_with_counts_equal_to_rows(seeded, role_users):
    client = client_for(Client, role_users["auditor"])
    url = reverse("archive:licence-report")
    for kind in audit.RIGHTS_FINDINGS:
        page = client.get(url, {"finding": kind})
        assert page.status_code == 200
        summary = page.context["summary"]
        assert summary.totals[kind] == 1
        assert [report.id for report in page.context["reports"]] == summary.rights_ids[kind]
        csv = b"".join(client.get(url, {"finding": kind, "format": "csv"}).streaming_content)
        assert csv.decode().count(f",{kind},") == 1
    ok = client.get(url, {"finding": "ok"}).context
    ids = [report.id for report in ok["reports"]]
    assert len(ids) == ok["summary"].totals["ok"]
    assert not set(ids) & ok["summary"].rights_flagged


def test_the_seed_journalist_may_not_download_shoigu(seeded, role_users):
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    client = client_for(Client, role_users["journalist"])
    response = client.get(reverse("archive:asset-media", args=[shoigu.pk, "original"]))
    assert response.status_code == 403
    assert "the subject&#x27;s lawyers" not in response.content.decode()  # plain text
    assert "the subject's lawyers" in response.content.decode()


def test_the_demo_rights_are_loaded_once(seeded):
    leases, agreements = MediaLease.objects.count(), SupplierAgreement.objects.count()
    assert load_seed().summary() == "seed already loaded: nothing changed"
    assert (MediaLease.objects.count(), SupplierAgreement.objects.count()) == (
        leases,
        agreements,
    )
    assert MediaLease.objects.filter(is_demo=True).count() == leases == 3
