"""Where "can I use it?" shows and bites: the asset page, the API, the search filter, downloads
under a deny lease, and who may edit usage rights in the admin."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from archive.models import Licence, MediaLease, SupplierAgreement, UsageCategory, UsageRights
from tests.conftest import client_for
from tests.factories import AssetFactory, CreditFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def licensed(db):
    """A stored picture with a lasting, verified licence."""
    asset = AssetFactory(title="Harbour at dawn")
    Licence.objects.create(
        asset=asset, licence_type="rights_managed", verified_at=timezone.now(), territory="GB"
    )
    return asset


@pytest.fixture
def denied(licensed):
    MediaLease.objects.create(
        asset=licensed, access="deny", scope="use", note="subject's complaint pending"
    )
    return licensed


def test_the_asset_page_answers_for_each_medium(journalist_client, denied):
    response = journalist_client.get(reverse("archive:asset-detail", args=[denied.pk]))
    assert response.status_code == 200
    usability = response.context["usability"]
    assert set(usability) == {"web", "print", "social", "syndication", "training"}
    assert all(answer.verdict == "no" for answer in usability.values())
    page = response.content.decode()
    assert "Can I use it?" in page and "subject&#x27;s complaint pending" in page
    assert "Downloads are refused" in page
    assert reverse("archive:asset-media", args=[denied.pk, "original"]) not in page


def test_the_asset_page_asks_for_a_day_and_a_territory(journalist_client, licensed):
    url = reverse("archive:asset-detail", args=[licensed.pk])
    home = journalist_client.get(url, {"territory": "gb"}).context["usability"]
    assert home["web"].verdict == "yes"
    abroad = journalist_client.get(url, {"territory": "US"}).context["usability"]
    assert [p.code for p in abroad["web"].reasons] == ["territory"]
    bad = journalist_client.get(url, {"territory": "G1", "on": "tomorrow"})
    assert bad.status_code == 200
    assert "country code" in bad.content.decode()
    assert bad.context["usability"]["web"].verdict == "yes"  # the defaults: today, anywhere


def test_the_api_answers_with_conditions_and_reasons(journalist_client, licensed):
    reuters = CreditFactory(name="Reuters")
    agency = UsageCategory.objects.get(code="agency")
    agreement = SupplierAgreement.objects.create(
        supplier=reuters, required_credit_line="REUTERS/", cost="free", monthly_quota=5
    )
    agreement.categories.set([agency])
    picture = AssetFactory(without_file=True, credit=reuters)
    url = reverse("api:get_usability", args=[picture.pk])
    body = journalist_client.get(url, {"medium": "print", "date": "2026-06-15"}).json()
    assert body["verdict"] == "conditions"
    assert body["date"] == "2026-06-15" and body["medium"] == "print"
    assert body["conditions"] == [
        {"code": "credit_line", "text": "print the credit line “REUTERS/”"}
    ]
    assert body["category"] == "agency" and body["cost"] == "free"
    assert body["agreement"] == agreement.pk
    social = journalist_client.get(url, {"medium": "social"}).json()
    assert social["verdict"] == "no" and social["reasons"][0]["code"] == "not_covered"
    mine = journalist_client.get(reverse("api:get_usability", args=[licensed.pk])).json()
    assert mine["verdict"] == "yes" and mine["medium"] == "web"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"medium": "radio"}, "medium must be one of"),
        ({"date": "2026-13-01"}, "valid date"),
        ({"territory": "Great Britain"}, "country code"),
    ],
)
def test_the_api_refuses_bad_questions_clearly(journalist_client, licensed, params, message):
    response = journalist_client.get(reverse("api:get_usability", args=[licensed.pk]), params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_the_api_needs_login_and_an_asset(journalist_client):
    assert Client().get("/api/assets/1/usability").status_code == 401
    assert journalist_client.get("/api/assets/999999/usability").status_code == 404


def test_downloads_under_a_deny_lease_are_refused_to_journalists(role_users, denied):
    journalist_client = client_for(Client, role_users["journalist"])
    archivist_client = client_for(Client, role_users["archivist"])
    original = reverse("archive:asset-media", args=[denied.pk, "original"])
    with_xmp = reverse("archive:asset-download", args=[denied.pk, "preview"])
    for url in (original, with_xmp):
        response = journalist_client.get(url)
        assert response.status_code == 403
        assert "subject's complaint pending" in response.content.decode()
    # The preview is a usable file too: refused with the reason (the page shows the thumbnail).
    preview = reverse("archive:asset-media", args=[denied.pk, "preview"])
    assert journalist_client.get(preview).status_code == 403
    # Archivists, who manage leases, still may.
    assert archivist_client.get(original).status_code == 200


def test_a_lapsed_or_syndication_lease_does_not_block_downloads(journalist_client, licensed):
    yesterday = timezone.localdate() - timedelta(days=1)
    MediaLease.objects.create(asset=licensed, access="deny", ends_on=yesterday)
    MediaLease.objects.create(asset=licensed, access="deny", scope="syndication")
    original = reverse("archive:asset-media", args=[licensed.pk, "original"])
    assert journalist_client.get(original).status_code == 200


def test_search_filters_usable_on_a_medium(journalist_client, licensed, denied):
    embed = AssetFactory(without_file=True, title="Embedded post")
    Licence.objects.create(asset=embed, licence_type="social_embed")
    staff = AssetFactory(without_file=True, title="Staff shot")
    UsageRights.objects.create(asset=staff, category=UsageCategory.objects.get(code="staff"))
    unlicensed = AssetFactory(without_file=True, title="Found online")

    def ids(query: str) -> set[int]:
        body = journalist_client.get("/api/assets", {"q": query}).json()
        return {row["id"] for row in body["results"]}

    assert ids("usable:web") == {embed.pk, staff.pk}  # ``denied`` is ``licensed``
    assert ids("usable:print") == {staff.pk}
    assert ids("-usable:web") == {denied.pk, unlicensed.pk}
    page = journalist_client.get(reverse("archive:search"), {"q": "usable:radio"})
    assert "is not a medium" in page.content.decode()


def test_rights_admin_archivists_edit_auditors_view(role_users):
    archivist, journalist, auditor = (
        role_users[name] for name in ("archivist", "journalist", "auditor")
    )
    for model in ("usagecategory", "supplieragreement", "usagerights", "medialease"):
        assert archivist.has_perm(f"archive.change_{model}")
        assert auditor.has_perm(f"archive.view_{model}")
        assert not auditor.has_perm(f"archive.change_{model}")
        assert not journalist.has_perm(f"archive.change_{model}")


def test_archivists_add_a_lease_in_the_admin_with_history(archivist_client, licensed):
    response = archivist_client.post(
        reverse("admin:archive_medialease_add"),
        {
            "asset": licensed.pk,
            "access": "deny",
            "scope": "use",
            "starts_on": "2026-06-01",
            "ends_on": "2026-05-01",
            "note": "",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "A lease cannot end before it starts." in response.content.decode()
    assert not MediaLease.objects.exists()
    response = archivist_client.post(
        reverse("admin:archive_medialease_add"),
        {"asset": licensed.pk, "access": "deny", "scope": "use", "note": "embargo"},
    )
    assert response.status_code == 302
    lease = MediaLease.objects.get()
    assert lease.history.count() == 1


def test_an_agreement_must_cover_a_medium(archivist_client):
    credit = CreditFactory(name="Pool Co")
    response = archivist_client.post(
        reverse("admin:archive_supplieragreement_add"),
        {"supplier": credit.pk, "name": "nothing", "territories": "", "cost": ""},
    )
    assert response.status_code == 200
    assert "at least one medium" in response.content.decode()
    assert not SupplierAgreement.objects.exists()


def test_the_agreement_keeps_its_required_credit_key():
    credit = CreditFactory(name="AP")
    agreement = SupplierAgreement.objects.create(
        supplier=credit, required_credit_line="AP Photo/Jane Doe", starts_on=date(2026, 1, 1)
    )
    assert agreement.required_credit_key == "ap"


@pytest.mark.parametrize("day", ["9999-12-31", "9999-12-20", "1899-12-31"])
def test_a_day_out_of_range_is_refused_clearly_not_a_server_error(journalist_client, denied, day):
    # The rules look weeks and a month past the day asked: near 9999-12-31 Python's dates
    # overflow, so a day out of range is refused like any other bad question.
    page = journalist_client.get(reverse("archive:asset-detail", args=[denied.pk]), {"on": day})
    assert page.status_code == 200
    assert "Give a date between 1900-01-01 and 2999-12-31" in page.content.decode()
    api = journalist_client.get(reverse("api:get_usability", args=[denied.pk]), {"date": day})
    assert api.status_code == 400
    assert "Give a date between 1900-01-01 and 2999-12-31" in api.json()["detail"]


# Found by the hostile review (session 13): a still is bound by its video's deny leases, as a
# takedown of the video reaches its stills (archive/takedowns.py).
def test_a_deny_lease_on_a_video_binds_the_stills_cut_from_it(journalist_client):
    video = AssetFactory(kind="video", without_file=True, title="Interview")
    still = AssetFactory(kind="still", video=video, timecode=1.0, title="Interview, 0:01")
    MediaLease.objects.create(asset=video, access="deny", scope="use", note="subject withdrew")
    for rendition in ("original", "preview"):
        url = reverse("archive:asset-download", args=[still.pk, rendition])
        response = journalist_client.get(url)
        assert response.status_code == 403, rendition
        assert "subject withdrew" in response.content.decode()
        assert "on the video it was cut from" in response.content.decode()
    original = reverse("archive:asset-media", args=[still.pk, "original"])
    assert journalist_client.get(original).status_code == 403
    elsewhere = AssetFactory(kind="video", without_file=True)
    other = AssetFactory(kind="still", video=elsewhere, timecode=2.0)
    url = reverse("archive:asset-download", args=[other.pk, "original"])
    assert journalist_client.get(url).status_code == 200  # another video's still is not bound


@pytest.fixture
def interview(db):
    """A video and two stills cut from it: one licensed, one without rights of its own."""
    video = AssetFactory(kind="video", without_file=True, title="Interview")
    licensed = AssetFactory(kind="still", video=video, timecode=1.0, without_file=True)
    Licence.objects.create(
        asset=licensed, licence_type="rights_managed", verified_at=timezone.now()
    )
    bare = AssetFactory(kind="still", video=video, timecode=2.0, without_file=True)
    return video, licensed, bare


def usable_ids(client: Client, medium: str = "web") -> set[int]:
    return {
        row["id"] for row in client.get("/api/assets", {"q": f"usable:{medium}"}).json()["results"]
    }


def test_every_verdict_on_a_still_carries_its_videos_deny_lease(journalist_client, interview):
    video, licensed, bare = interview
    assert licensed.pk in usable_ids(journalist_client)
    MediaLease.objects.create(asset=video, access="deny", scope="use", note="subject withdrew")
    page = journalist_client.get(reverse("archive:asset-detail", args=[licensed.pk]))
    assert all(answer.verdict == "no" for answer in page.context["usability"].values())
    assert "(subject withdrew) (on the video it was cut from)" in page.content.decode()
    body = journalist_client.get(reverse("api:get_usability", args=[licensed.pk])).json()
    assert body["verdict"] == "no"
    assert body["reasons"] == [
        {
            "code": "deny_lease",
            "text": "a lease denies use (subject withdrew) (on the video it was cut from)",
        }
    ]
    assert licensed.pk not in usable_ids(journalist_client)
    assert licensed.pk in {
        row["id"]
        for row in journalist_client.get("/api/assets", {"q": "-usable:web"}).json()["results"]
    }


def test_a_videos_allow_lease_makes_its_stills_usable_unless_they_deny(
    journalist_client, interview
):
    video, licensed, bare = interview
    assert bare.pk not in usable_ids(journalist_client)  # no licence of its own
    MediaLease.objects.create(asset=video, access="allow", scope="use", note="footage bought")
    body = journalist_client.get(reverse("api:get_usability", args=[bare.pk])).json()
    assert body["verdict"] == "conditions"
    assert body["conditions"][0] == {
        "code": "allowed_by_lease",
        "text": "a lease allows it (footage bought) (on the video it was cut from)",
    }
    assert {bare.pk, licensed.pk} <= usable_ids(journalist_client)
    MediaLease.objects.create(asset=bare, access="deny", scope="use", note="a face to blur")
    body = journalist_client.get(reverse("api:get_usability", args=[bare.pk])).json()
    assert body["verdict"] == "no" and "a face to blur" in body["reasons"][0]["text"]
    assert bare.pk not in usable_ids(journalist_client)
    assert licensed.pk in usable_ids(journalist_client)


def copied_line(page: str) -> str:
    """The text the asset page's copy button copies (the element its data-copy names)."""
    start = page.index('id="credit-line">') + len('id="credit-line">')
    return page[start : page.index("</code>", start)]


def test_copy_credit_line_copies_the_line_an_agreement_requires(journalist_client):
    supplier = CreditFactory(name="Harbour Agency")
    asset = AssetFactory(title="Harbour at dawn", credit=supplier)
    agreement = SupplierAgreement.objects.create(
        supplier=supplier,
        required_credit_line="Photo: Harbour Agency / Jane Doe",
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    assert asset.credit_line and asset.credit_line != agreement.required_credit_line
    url = reverse("archive:asset-detail", args=[asset.pk])
    response = journalist_client.get(url)
    page = response.content.decode()
    assert copied_line(page) == agreement.required_credit_line
    assert f"required by the {supplier.name} agreement (#{agreement.pk})" in page
    assert f"recorded credit: {asset.credit_line}" in page
    # Once the agreement has ended, nothing requires it: the credit as recorded is copied.
    after = (agreement.ends_on + timedelta(days=1)).isoformat()
    page = journalist_client.get(url, {"on": after}).content.decode()
    assert copied_line(page) == asset.credit_line and "required by" not in page


def test_copy_credit_line_copies_the_recorded_line_when_nothing_requires_another(
    journalist_client,
):
    supplier = CreditFactory(name="Harbour Agency")
    asset = AssetFactory(title="Harbour at dawn", credit=supplier)
    # An agreement that requires no line leaves the credit as recorded.
    SupplierAgreement.objects.create(supplier=supplier)
    page = journalist_client.get(reverse("archive:asset-detail", args=[asset.pk]))
    page = page.content.decode()
    assert asset.credit_line and copied_line(page) == asset.credit_line
    assert "required by" not in page


def test_copy_credit_line_follows_the_agreement_covering_the_assets_category(journalist_client):
    supplier = CreditFactory(name="Harbour Agency")
    asset = AssetFactory(title="Harbour at dawn", credit=supplier)
    handout = UsageCategory.objects.get(code="handout")
    UsageRights.objects.create(asset=asset, category=handout)
    agency = SupplierAgreement.objects.create(
        supplier=supplier, required_credit_line="Harbour Agency / agency feed"
    )
    agency.categories.set([UsageCategory.objects.get(code="agency")])
    url = reverse("archive:asset-detail", args=[asset.pk])
    # The only agreement covers another category: nothing requires a line for a handout.
    assert copied_line(journalist_client.get(url).content.decode()) == asset.credit_line
    handouts = SupplierAgreement.objects.create(
        supplier=supplier, required_credit_line="Handout via Harbour Agency"
    )
    handouts.categories.set([handout])
    page = journalist_client.get(url).content.decode()
    assert copied_line(page) == handouts.required_credit_line
