"""Who can reach what: anonymous nothing, journalists and auditors read, archivists change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Article, Asset, Claim

pytestmark = pytest.mark.django_db


def page_urls() -> list[str]:
    asset = Asset.objects.get(kind="social")
    return [
        reverse("archive:home"),
        reverse("archive:article-detail", args=[Article.objects.get().pk]),
        reverse("archive:asset-detail", args=[asset.pk]),
        reverse("archive:claim-list"),
        reverse("archive:claim-detail", args=[Claim.objects.first().pk]),
        reverse("archive:asset-media", args=[asset.pk, "thumbnail"]),
        reverse("archive:asset-media", args=[asset.pk, "preview"]),
        reverse("archive:asset-media", args=[asset.pk, "original"]),
    ]


def test_anonymous_users_are_sent_to_login_everywhere(seeded, client):
    for url in page_urls() + ["/admin/archive/asset/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


def test_login_page_answers(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"Log in" in response.content


@pytest.mark.parametrize("role", ["journalist", "auditor", "archivist"])
def test_roles_read_pages(seeded, role_users, client, role):
    client.force_login(role_users[role])
    # The preview is for those who may download (an auditor sees thumbnails only).
    for url in page_urls()[: 6 if role == "auditor" else 7]:
        assert client.get(url).status_code == 200, (role, url)


def test_original_download_is_for_archivists_and_journalists(seeded, role_users, client):
    url = reverse("archive:asset-media", args=[Asset.objects.get(kind="social").pk, "original"])
    for role, expected in (("archivist", 200), ("journalist", 200), ("auditor", 403)):
        client.force_login(role_users[role])
        response = client.get(url)
        assert response.status_code == expected, role
        if expected == 200:
            assert response["Content-Disposition"].startswith("attachment")
            assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_media_is_not_public(seeded, client, settings):
    asset = Asset.objects.first()
    assert client.get(f"/media/{asset.file.name}").status_code in (302, 404)
    assert client.get(settings.MEDIA_URL + asset.file.name).status_code in (302, 404)


def test_journalists_and_auditors_cannot_change_anything_in_the_admin(seeded, role_users, client):
    asset = Asset.objects.first()
    for role in ("journalist", "auditor"):
        client.force_login(role_users[role])
        response = client.get(reverse("admin:archive_asset_change", args=[asset.pk]))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        response = client.post(
            reverse("admin:archive_asset_change", args=[asset.pk]), {"title": "x"}
        )
        assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.title != "x"


def test_archivists_change_records_in_the_admin(seeded, archivist_client):
    claim = Claim.objects.first()
    url = reverse("admin:archive_claim_change", args=[claim.pk])
    assert archivist_client.get(url).status_code == 200
    for name in ("asset", "claim", "credit", "article", "placement", "licence", "illustration"):
        assert (
            archivist_client.get(reverse(f"admin:archive_{name}_changelist")).status_code == 200
        ), name
    for name in ("claim", "credit", "article", "placement", "licence", "illustration"):
        assert archivist_client.get(reverse(f"admin:archive_{name}_add")).status_code == 200, name


def test_role_permissions_are_exactly_as_documented(role_users):
    journalist, auditor, archivist = (
        role_users[name] for name in ("journalist", "auditor", "archivist")
    )
    assert journalist.has_perm("archive.view_asset") and not journalist.has_perm(
        "archive.change_asset"
    )
    assert not journalist.has_perm("archive.view_licence_report")
    assert auditor.has_perm("archive.view_licence_report") and not auditor.has_perm(
        "archive.change_licence"
    )
    assert archivist.has_perm("archive.change_asset") and archivist.has_perm(
        "archive.view_licence_report"
    )
    assert archivist.is_staff and not journalist.is_staff and not auditor.is_staff
