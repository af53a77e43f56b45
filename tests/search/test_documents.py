"""Search documents: one per asset, equal to a full recomputation after every write path, and
a full-text index consistent with them (indexed once, in bulk or per write)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from archive.derived import refresh_assets
from archive.models import (
    Article,
    Asset,
    AssetFacts,
    AssetSearchDocument,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Licence,
    Placement,
)
from archive.search import rebuild_search_index, search_assets
from archive.search.backends import get_backend
from archive.search.documents import (
    LICENCE_WINDOW,
    WRITTEN_FIELDS,
    build_documents,
    refresh_search_documents,
)
from tests.factories import grow_archive
from tests.search.helpers import ids, seeded_asset


def stored() -> dict[int, tuple]:
    """Every stored document, by asset id."""
    rows = AssetSearchDocument.objects.order_by("asset_id").values_list("asset_id", *WRITTEN_FIELDS)
    return {row[0]: row[1:] for row in rows}


def recomputed() -> dict[int, tuple]:
    """Every asset's document computed afresh from the catalogue."""
    every = list(Asset.objects.values_list("id", flat=True))
    return {row[0]: row[1:] for row in build_documents(ids=every)}


def assert_current() -> None:
    """The documents equal a full recomputation, their licence windows the facts' (which
    tests/test_derived.py checks against a recomputation), and the full-text index matches
    them."""
    assert stored() == recomputed()
    windows = AssetSearchDocument.objects.values_list("asset_id", *LICENCE_WINDOW)
    facts = {row[0]: row[1:] for row in AssetFacts.objects.values_list("asset_id", *LICENCE_WINDOW)}
    none = (None,) * len(LICENCE_WINDOW)  # no facts row yet (a bulk load): no window either
    assert {row[0]: row[1:] for row in windows} == {
        row[0]: facts.get(row[0], none) for row in windows
    }
    if connection.vendor == "sqlite":
        get_backend().integrity_check()  # raises when the index differs from the documents
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM archive_assetsearchdocument WHERE search_vector IS NULL"
            )
            assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_every_asset_has_a_document(seeded):
    assert AssetSearchDocument.objects.count() == Asset.objects.count() == 8
    document = AssetSearchDocument.objects.get(asset=seeded_asset("Sergei Shoigu"))
    assert "getty images news" in document.credit
    assert "sergei shoigu" in document.claimant
    assert "putin hammer blow" in document.article


@pytest.mark.django_db
def test_documents_follow_changes_to_credits_placements_and_claims(seeded):
    zelensky = seeded_asset("Volodymyr Zelensky")
    getty = Credit.objects.get(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Bildagentur")
    assert zelensky.pk in ids(search_assets("bildagentur"))
    claim = Claim.objects.filter(illustrations__asset=zelensky).first()
    claim.text = "A brand new quokka claim"
    claim.save()
    assert ids(search_assets("quokka")) == [zelensky.pk]
    Illustration.objects.filter(asset=zelensky, claim=claim).delete()
    assert ids(search_assets("quokka")) == []
    article = Article.objects.create(headline="Wombats of the steppe")
    Placement.objects.create(article=article, asset=zelensky, position=1, caption="Marsupial")
    assert ids(search_assets("wombats marsupial")) == [zelensky.pk]
    article.headline = "Numbats"
    article.save()
    assert ids(search_assets("numbats")) == [zelensky.pk]
    getty.name = "GETTY IMAGES LTD"
    getty.save()
    assert zelensky.pk in ids(search_assets("ltd"))


@pytest.mark.django_db
def test_rebuild_search_index_command_restores_documents(seeded, capsys):
    AssetSearchDocument.objects.all().delete()
    assert search_assets("shoigu").total == 0
    call_command("rebuild_search_index")
    assert "8 assets" in capsys.readouterr().out
    assert search_assets("shoigu").total >= 1


@pytest.mark.django_db
def test_every_write_path_leaves_documents_equal_to_a_recomputation(seeded):
    assert_current()
    grow_archive(5)
    assert_current()
    zelensky = seeded_asset("Volodymyr Zelensky")
    getty = Credit.objects.get(name="GETTY")
    zelensky.title, zelensky.kind = "Zelensky in Kyïv", "graphic"
    zelensky.date_taken = datetime.fromisoformat("2023-12-31T22:30:00-05:00")
    zelensky.save()
    assert_current()
    assert stored()[zelensky.pk][:3] == (zelensky.credit_id, "graphic", 2024)  # UTC year
    CreditAlias.objects.create(credit=getty, alias="Getty Bildagentur")
    assert_current()
    claim = Claim.objects.filter(illustrations__asset=zelensky).first()
    claim.text, claim.claimant = "A brand new quokka claim", "Quokka desk"
    claim.save()
    assert_current()
    Illustration.objects.filter(asset=zelensky, claim=claim).delete()
    assert_current()
    article = Article.objects.create(headline="Wombats of the steppe")
    placement = Placement.objects.create(article=article, asset=zelensky, position=1, caption="x")
    assert_current()
    placement.asset = seeded_asset("Sergei Shoigu")  # moved: both assets change
    placement.save()
    assert_current()
    article.headline = "Numbats"
    article.save()
    assert_current()
    getty.name = "GETTY IMAGES LTD"
    getty.save()
    assert_current()
    # Licences: the documents carry the facts' licence window.
    today = date(2026, 6, 1)
    zelensky.licences.all().delete()
    assert_current()
    licence = Licence.objects.create(asset=zelensky, expires_on=today + timedelta(days=90))
    assert_current()
    Licence.objects.create(asset=zelensky, starts_on=today, expires_on=today + timedelta(days=9))
    assert_current()
    licence.expires_on = today + timedelta(days=5)  # no licence spans the window now
    licence.save()
    assert_current()
    assert stored()[zelensky.pk][3:7] == (2, None, today + timedelta(days=9), False)
    licence.asset = seeded_asset("Sergei Shoigu")  # moved: both assets change
    licence.save()
    assert_current()
    licence.delete()
    assert_current()
    # Bulk writes send no signal: their callers refresh the assets they touched.
    Asset.objects.filter(kind="photo").update(kind="social", credit=None)
    refresh_assets(Asset.objects.values_list("pk", flat=True))
    assert_current()
    lone = Asset.objects.create(sha256="9" * 64, title="Lone pontoon", credit=getty)
    assert_current()
    lone.delete()  # its document leaves the index too
    assert_current()


@pytest.mark.django_db
def test_refresh_and_rebuild_write_the_same_documents(seeded):
    grow_archive(7)
    refresh_search_documents(Asset.objects.values_list("pk", flat=True))
    refreshed = stored()
    assert rebuild_search_index() == Asset.objects.count()
    assert stored() == refreshed
    assert_current()


@pytest.mark.django_db
def test_a_bulk_load_is_indexed_once_by_the_rebuild(seeded):
    getty = Credit.objects.get(name="GETTY")
    Asset.objects.bulk_create(
        Asset(sha256=f"{index:064x}", title=f"Pontoon {index}", credit=getty) for index in range(30)
    )
    # No trigger indexed them: the bulk load is invisible until the rebuild.
    assert search_assets("pontoon").total == 0
    rebuild_search_index()
    assert search_assets("pontoon").total == 30
    assert_current()  # every document in the index once (FTS5's integrity check)
    rebuild_search_index()  # twice changes nothing
    assert_current()


@pytest.mark.django_db
def test_only_a_delete_trigger_touches_the_full_text_index():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps its tsvector as a generated column")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'archive_assetsearchdocument'"
        )
        assert {row[0] for row in cursor.fetchall()} == {"archive_asset_fts_ad"}


@pytest.mark.django_db
def test_a_deleted_asset_is_no_longer_found(seeded):
    shoigu = seeded_asset("Sergei Shoigu")
    assert shoigu.pk in ids(search_assets("shoigu"))
    shoigu.placements.all().delete()
    shoigu.delete()
    assert shoigu.pk not in ids(search_assets("shoigu"))
    assert search_assets("shoigu").total == len(search_assets("shoigu").assets)
    assert_current()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "queries", "not_found"),
    [
        ("IMG_4021.jpg", ["IMG_4021", "img 4021", "4021", "IMG_40*"], ["IMG_4022", "jpg"]),
        (
            "uploads/ukraine-strike-3.final.JPEG",
            ["ukraine-strike-3", "ukraine strike 3", "ukraine-strike-3.final", "strike"],
            ["ukraine-strike-4", "uploads", "jpeg"],
        ),
    ],
)
def test_an_untitled_upload_is_found_by_its_file_name(seeded, filename, queries, not_found):
    """Its original file name's stem, split on - _ . as every text is, on either engine."""
    asset = Asset.objects.create(sha256="5" * 64, title="", original_filename=filename)
    for query in queries:
        assert asset.pk in ids(search_assets(query)), (connection.vendor, query)
    for query in not_found:
        assert asset.pk not in ids(search_assets(query)), (connection.vendor, query)
    assert_current()
    # Once titled, it is found by its title (the file name is the name of untitled uploads).
    asset.title = "Harbour at dawn"
    asset.save()
    assert asset.pk in ids(search_assets("harbour dawn"))
    assert asset.pk not in ids(search_assets(queries[0]))


@pytest.mark.django_db
def test_a_rebuild_indexes_the_file_names_of_documents_written_before(seeded):
    """Documents written before file names were indexed get them from the reindex path."""
    asset = Asset.objects.create(sha256="5" * 64, title="", original_filename="DSC_0815.NEF")
    # As a document was written before: the title column without the file name.
    AssetSearchDocument.objects.filter(asset=asset).update(title="")
    get_backend().rebuild()
    assert asset.pk not in ids(search_assets("DSC_0815"))
    call_command("rebuild_search_index")
    assert asset.pk in ids(search_assets("DSC_0815"))
    assert_current()
