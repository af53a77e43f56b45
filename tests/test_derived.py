"""Every write path leaves the derived tables (``AssetFacts``, ``AssetSearchDocument``, the
quota's uses ``SupplierDayUsage``) equal to a full recomputation
(``archive.derived.rebuild_all``) of the same data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from archive import derived as dispatcher
from archive.articles import parse_article
from archive.articles.importing import accept_all, build_draft, commit_draft
from archive.derived import rebuild_all
from archive.ingest import ingest_file
from archive.models import (
    Article,
    Asset,
    AssetFacts,
    AssetSearchDocument,
    Claim,
    Credit,
    CreditAlias,
    Licence,
    Placement,
    SupplierDayUsage,
)
from archive.preservation.bag import exported_models
from archive.rights.usage import check_usage
from archive.seeding import load_seed
from archive.services import merge_credits
from tests.factories import AssetFactory, IllustrationFactory, LicenceFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def derived() -> tuple[dict, dict, dict]:
    """Return every row of the derived tables: by asset, and the uses by key (those not 0)."""
    return (
        {row["asset_id"]: row for row in AssetFacts.objects.values()},
        {row["asset_id"]: row for row in AssetSearchDocument.objects.values()},
        {
            (credit, category, day): uses
            for credit, category, day, uses in SupplierDayUsage.objects.filter(
                uses__gt=0
            ).values_list("credit_id", "category", "day", "uses")
        },
    )


def assert_derived_is_recomputed() -> None:
    """What the write left equals what recomputing everything from scratch writes."""
    left = derived()
    assert set(left[0]) == set(left[1]) == set(Asset.objects.values_list("pk", flat=True))
    AssetFacts.objects.all().delete()
    AssetSearchDocument.objects.all().delete()
    assert check_usage() == []
    rebuild_all()
    assert derived() == left


def test_the_seed_loader(db):
    load_seed()
    assert Asset.objects.exists()
    assert_derived_is_recomputed()


def test_ingest_file(seeded):
    result = ingest_file(
        jpeg_bytes("derived", xmp_fields={"credit": "Getty Images", "description": "Kyiv"}),
        filename="d.jpg",
        credit="GETTY",
    )
    assert AssetFacts.objects.get(asset=result.asset).embedded_credit == "Getty Images"
    assert_derived_is_recomputed()


def test_the_article_import_commit(seeded):
    text = (
        "Troops seen near the border\n\nA convoy moved overnight.\n\n"
        "Soldiers on the road. (Image: GETTY)\n\nThe ministry said 40 tanks were seen."
    )
    imported = build_draft(parse_article(text, filename="article.txt"))
    commit_draft(imported, accept_all(imported), url="https://example.com/derived")
    assert Placement.objects.filter(article__url="https://example.com/derived").exists()
    assert_derived_is_recomputed()


def test_merge_credits(seeded):
    sources = list(Credit.objects.exclude(name="GETTY")[:2])
    merge_credits(sources, Credit.objects.get(name="GETTY"))
    assert_derived_is_recomputed()


def test_a_licence_moved_to_another_asset(seeded):
    licence = Licence.objects.exclude(expires_on=None).first()
    licence.asset = Asset.objects.exclude(pk=licence.asset_id).filter(licences=None).first()
    licence.expires_on = timezone.localdate() + timedelta(days=900)
    licence.save()
    assert AssetFacts.objects.get(asset=licence.asset).licence_count == 1
    assert_derived_is_recomputed()


def test_a_placement_filled_with_an_asset(seeded):
    article = Article.objects.first()
    slot = Placement.objects.create(article=article, position=99, credit_line="(Image: AFP)")
    slot.asset = Asset.objects.first()
    slot.save()
    assert AssetFacts.objects.get(asset=slot.asset).printed_line_only
    assert_derived_is_recomputed()


def test_a_placements_printed_caption_and_credit_line_edited(seeded):
    placement = Placement.objects.exclude(asset=None).first()
    placement.title = "Heading over the Dnipro"
    placement.caption = "Printed caption of 12 500 words"
    placement.credit_line = "(Picture: Kyiv Pictures Desk)"
    placement.save()
    document = AssetSearchDocument.objects.get(asset_id=placement.asset_id)
    assert "heading over the dnipro" in document.printed_caption
    assert "12500 words" in document.printed_caption
    assert document.printed_credit == "picture kyiv pictures desk"
    assert_derived_is_recomputed()
    placement.delete()
    assert (
        "dnipro" not in AssetSearchDocument.objects.get(asset_id=placement.asset_id).printed_caption
    )
    assert_derived_is_recomputed()


def test_an_articles_headline_and_publication_edited(seeded):
    article = Article.objects.first()
    article.headline = "Counter-offensive near Kharkiv"
    article.publication = "The Kyiv Independent"
    article.save()
    placed = set(article.placements.values_list("asset_id", flat=True))
    documents = AssetSearchDocument.objects.filter(asset_id__in=placed)
    assert placed and all(d.publication == "the kyiv independent" for d in documents)
    assert all("kharkiv" in d.article for d in documents)
    assert_derived_is_recomputed()


def test_a_claims_text_edited(seeded):
    claim = Claim.objects.filter(illustrations__isnull=False).first()
    claim.text = "An entirely reworded claim about hovercraft"
    claim.save()
    assert AssetSearchDocument.objects.filter(claims__contains="hovercraft").exists()
    assert_derived_is_recomputed()


def test_a_credit_alias_added(seeded):
    getty = Credit.objects.get(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Pictures Desk")
    assert AssetSearchDocument.objects.filter(credit__icontains="Getty Pictures Desk").exists()
    assert_derived_is_recomputed()


def admin_post_data(response) -> dict:
    """Collect the admin change form's current values, as the browser would post them."""
    data: dict = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if isinstance(value, (list, tuple)):
                data[key] = [str(item) for item in value]
            elif hasattr(value, "pk"):
                data[key] = value.pk
            elif hasattr(field, "widget") and getattr(value, "name", None) is not None:
                continue  # a stored file stays as it is
            else:
                data[key] = value
    return data


def test_admin_add_change_and_delete_of_an_asset_with_inlines(
    seeded, archivist_client, media_storage
):
    article = Article.objects.first()
    # Adding an asset in the admin is an upload (the ingest pipeline), then its change form.
    data = jpeg_bytes("admin", xmp_fields={"credit": "Getty Images"})
    upload = SimpleUploadedFile("map.jpg", data, content_type="image/jpeg")
    response = archivist_client.post(reverse("admin:archive_asset_upload_file"), {"file": upload})
    asset = Asset.objects.get(pk=response.json()["asset_id"])
    assert_derived_is_recomputed()

    today = timezone.localdate()
    change_url = reverse("admin:archive_asset_change", args=[asset.pk])
    data = admin_post_data(archivist_client.get(change_url))
    data.update(
        {
            "title": "A map drawn in the admin",
            "credit": Credit.objects.get(name="GETTY").pk,
            "licences-TOTAL_FORMS": "1",
            "licences-0-licence_type": "editorial",
            "licences-0-licensor": "Getty Images",
            "licences-0-starts_on": str(today - timedelta(days=3)),
            "licences-0-expires_on": str(today + timedelta(days=10)),
            "placements-TOTAL_FORMS": "1",
            "placements-0-article": article.pk,
            "placements-0-position": "777",
            "placements-0-kind": "picture",
            "placements-0-credit_line": "(Image: Reuters)",
        }
    )
    response = archivist_client.post(change_url, data)
    assert response.status_code == 302, response.context and [
        response.context["adminform"].form.errors,
        [inline.formset.errors for inline in response.context["inline_admin_formsets"]],
    ]
    facts = AssetFacts.objects.get(asset=asset)
    assert (facts.licence_count, facts.placement_count, facts.printed_line_only) == (1, 1, True)
    assert_derived_is_recomputed()

    data = admin_post_data(archivist_client.get(change_url))
    data["licences-0-expires_on"] = str(today + timedelta(days=400))
    data["placements-0-DELETE"] = "on"
    response = archivist_client.post(change_url, data)
    assert response.status_code == 302
    facts = AssetFacts.objects.get(asset=asset)
    assert (facts.licence_expires_on, facts.placement_count) == (today + timedelta(days=400), 0)
    assert_derived_is_recomputed()

    delete_url = reverse("admin:archive_asset_delete", args=[asset.pk])
    assert archivist_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Asset.objects.filter(pk=asset.pk).exists()
    assert not AssetFacts.objects.filter(asset_id=asset.pk).exists()
    assert_derived_is_recomputed()


def test_a_bag_export_and_restore(seeded, tmp_path, media_storage):
    bag = tmp_path / "bag"
    call_command("export_bag", str(bag))
    Article.objects.all().delete()
    Asset.objects.filter(video__isnull=False).delete()
    Asset.objects.all().delete()
    Credit.objects.all().delete()
    for model in reversed(exported_models()):
        model._default_manager.all().delete()
    for path in sorted(media_storage.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    call_command("import_bag", str(bag))
    assert Asset.objects.exists()
    assert_derived_is_recomputed()


def test_deleting_assets_rewrites_nothing_yet_other_deletes_refresh(seeded, monkeypatch):
    refreshed: list[int] = []

    def spy(refresh):
        def recorded(ids):
            refreshed.extend(ids)
            return refresh(ids)

        return recorded

    monkeypatch.setattr(dispatcher, "refresh_facts", spy(dispatcher.refresh_facts))
    monkeypatch.setattr(
        dispatcher, "refresh_search_documents", spy(dispatcher.refresh_search_documents)
    )
    # Licences and illustrations cascade with their asset (placements protect theirs): the
    # asset's derived rows go with it, so their deletion signals write nothing.
    one, two, three = (AssetFactory(without_file=True) for _ in range(3))
    for asset in (one, two, three):
        LicenceFactory(asset=asset)
        LicenceFactory(asset=asset)
        IllustrationFactory(asset=asset)
    refreshed.clear()
    one.delete()
    Asset.objects.filter(pk__in=[two.pk, three.pk]).delete()
    assert refreshed == []
    # A claim deleted alone: the assets it illustrated stay, their documents are refreshed.
    claim = Claim.objects.filter(illustrations__isnull=False).first()
    illustrated = set(claim.illustrations.values_list("asset_id", flat=True))
    claim.delete()
    assert set(refreshed) == illustrated
    assert not AssetFacts.objects.filter(asset_id__in=[one.pk, two.pk, three.pk]).exists()
    assert_derived_is_recomputed()


def test_rebuild_derived_command_repairs_writes_that_sent_no_signal(capsys):
    licence = LicenceFactory()
    asset = licence.asset
    lapsed = timezone.localdate() - timedelta(days=400)
    # update() sends no signal: both tables still hold the old window and title.
    Licence.objects.filter(pk=licence.pk).update(starts_on=lapsed, expires_on=lapsed)
    Asset.objects.filter(pk=asset.pk).update(title="Pontoon crossing at dawn")
    assert AssetFacts.objects.get(asset=asset).licence_expires_on != lapsed
    call_command("rebuild_derived")
    assert AssetFacts.objects.get(asset=asset).licence_expires_on == lapsed
    assert "pontoon" in AssetSearchDocument.objects.get(asset=asset).title
    output = capsys.readouterr().out
    assert "rebuilt the licence facts: 1 assets" in output
    assert "rebuilt the search index: 1 assets" in output
    assert "rebuilt the quotas' uses: 0 supplier days" in output
    assert_derived_is_recomputed()
