"""The quota's uses kept per supplier, category and day (``archive.rights.usage``): equal to
a count of the placements after every write, read by the verdicts, checked and rebuilt."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.db.models import Q

from archive.articles import parse_article
from archive.articles.importing import accept_all, build_draft, commit_draft
from archive.models import (
    Article,
    Asset,
    Credit,
    Placement,
    SupplierAgreement,
    SupplierDayUsage,
    UsageCategory,
    UsageRights,
)
from archive.rights import usage
from archive.rights.facts import (
    agreement_terms,
    agreement_uses,
    month_bounds,
    quota_used,
    usability_of,
)
from archive.rights.report import RightsContext
from archive.rights.rules import UsageRequest
from archive.rights.usage import check_usage, rebuild_usage, uses_between
from archive.services import merge_credits
from tests.rights.conftest import DAY

pytestmark = pytest.mark.django_db


def kept(credit: Credit) -> dict[tuple[int, date], int]:
    """Return a supplier's kept uses not 0, by (category, day)."""
    return {
        (category, day): uses
        for category, day, uses in SupplierDayUsage.objects.filter(
            credit=credit, uses__gt=0
        ).values_list("category", "day", "uses")
    }


@pytest.fixture
def supplier(db):
    credit = Credit.objects.create(name="Quota Agency", kind=Credit.Kind.AGENCY)
    agreement = SupplierAgreement.objects.create(supplier=credit, monthly_quota=3)
    return credit, agreement


def picture(credit: Credit | None, n: int) -> Asset:
    return Asset.objects.create(sha256=f"{n + 9100:064x}", title=f"Pic {n}", credit=credit)


def test_placements_saved_and_deleted_are_counted_on_their_day(supplier):
    credit, _ = supplier
    article = Article.objects.create(headline="One", published_on=date(2026, 6, 2))
    first = Placement.objects.create(article=article, asset=picture(credit, 1), position=1)
    Placement.objects.create(article=article, asset=picture(credit, 2), position=2)
    Placement.objects.create(article=article, asset=picture(None, 3), position=3)  # no credit
    undated = Article.objects.create(headline="Draft")  # not published: no use
    Placement.objects.create(article=undated, asset=picture(credit, 4), position=1)
    assert kept(credit) == {(0, date(2026, 6, 2)): 2}
    first.delete()
    assert kept(credit) == {(0, date(2026, 6, 2)): 1}
    # A slot awaiting its file, then filled.
    slot = Placement.objects.create(article=article, position=9)
    assert kept(credit) == {(0, date(2026, 6, 2)): 1}
    slot.asset = picture(credit, 5)
    slot.save()
    assert kept(credit) == {(0, date(2026, 6, 2)): 2}
    assert check_usage() == []


def test_an_articles_day_an_assets_credit_and_category_move_its_uses(supplier):
    credit, _ = supplier
    other = Credit.objects.create(name="Other Agency", kind=Credit.Kind.AGENCY)
    article = Article.objects.create(headline="Moves", published_on=date(2026, 6, 2))
    asset = picture(credit, 1)
    Placement.objects.create(article=article, asset=asset, position=1)
    Placement.objects.create(article=article, asset=picture(credit, 2), position=2)
    article.published_on = date(2026, 7, 1)
    article.save()
    assert kept(credit) == {(0, date(2026, 7, 1)): 2}
    asset.credit = other
    asset.save()
    assert kept(credit) == {(0, date(2026, 7, 1)): 1}
    assert kept(other) == {(0, date(2026, 7, 1)): 1}
    agency = UsageCategory.objects.get(code="agency")
    rights = UsageRights.objects.create(asset=asset, category=agency)
    assert kept(other) == {(agency.pk, date(2026, 7, 1)): 1}
    rights.category = None
    rights.save()
    assert kept(other) == {(0, date(2026, 7, 1)): 1}
    rights.category = agency
    rights.save()
    rights.delete()
    assert kept(other) == {(0, date(2026, 7, 1)): 1}
    article.delete()
    assert kept(credit) == kept(other) == {}
    assert check_usage() == []


def test_a_credit_merge_moves_the_uses(supplier):
    credit, _ = supplier
    spelling = Credit.objects.create(name="Quota Agncy", kind=Credit.Kind.AGENCY)
    article = Article.objects.create(headline="Merge", published_on=date(2026, 6, 2))
    Placement.objects.create(article=article, asset=picture(credit, 1), position=1)
    Placement.objects.create(article=article, asset=picture(spelling, 2), position=2)
    merge_credits([spelling], credit)
    assert kept(credit) == {(0, date(2026, 6, 2)): 2}
    assert check_usage() == []


def test_the_article_import_commit_counts_its_pictures(seeded):
    printed = Placement.objects.filter(asset__credit__isnull=False).exclude(caption="").first()
    credit = printed.asset.credit
    before = sum(kept(credit).values())
    text = (
        "Troops seen near the border\n\nA convoy moved overnight.\n\n"
        f"{printed.caption}\n\nThe ministry said 40 tanks were seen."
    )
    imported = build_draft(parse_article(text, filename="article.txt"))
    article = commit_draft(imported, accept_all(imported), published_on=date(2026, 6, 3)).article
    placed = article.placements.filter(asset__credit=credit).count()
    assert placed and sum(kept(credit).values()) == before + placed
    assert check_usage() == []


def test_bulk_writes_are_caught_by_the_check_and_the_rebuild(supplier, capsys):
    credit, _ = supplier
    article = Article.objects.create(headline="Bulk", published_on=date(2026, 6, 2))
    assets = [picture(credit, n) for n in range(3)]
    # bulk_create sends no signal: the kept uses are behind until rebuilt.
    Placement.objects.bulk_create(
        Placement(article=article, asset=asset, position=n)
        for n, asset in enumerate(assets, start=1)
    )
    assert check_usage() == [((credit.pk, 0, date(2026, 6, 2)), 0, 3)]
    with pytest.raises(CommandError, match="1 day"):
        call_command("rebuild_quota_usage", "--check")
    assert "0 kept, 3 counted" in capsys.readouterr().out
    call_command("rebuild_quota_usage")
    assert "rebuilt the quotas' uses: 1 supplier days" in capsys.readouterr().out
    assert kept(credit) == {(0, date(2026, 6, 2)): 3}
    call_command("rebuild_quota_usage", "--check")
    assert "agree" in capsys.readouterr().out


def test_the_verdicts_quota_reads_the_kept_uses_as_the_definition_counts(rights_archive):
    """For every agreement, month and category set, the lookup equals ``agreement_uses``."""
    # The verdicts are the same read from the kept uses as rebuilt from scratch.
    request = UsageRequest("web", DAY)
    before = usability_of(rights_archive, request)
    SupplierDayUsage.objects.all().delete()
    rebuild_usage()
    assert usability_of(rights_archive, request) == before
    assert any(answer.cost == "over_quota" for answer in before.values())
    agency = UsageCategory.objects.get(code="agency")
    reuters = Credit.objects.get(name="Reuters")
    late = Article.objects.create(headline="Later", published_on=date(2026, 6, 29))
    for n, asset in enumerate(Asset.objects.filter(credit=reuters)[:6]):
        Placement.objects.create(article=late, asset=asset, position=n + 1)
    windowed = SupplierAgreement.objects.create(
        supplier=reuters, monthly_quota=9, starts_on=date(2026, 6, 10), ends_on=date(2026, 6, 30)
    )
    windowed.categories.set([agency])
    for agreement in SupplierAgreement.objects.all():
        codes = list(agreement.categories.values_list("code", flat=True))
        terms = agreement_terms(agreement, codes)
        for day in (date(2026, 5, 20), DAY, date(2026, 7, 1)):
            assert (
                quota_used(replace(terms, monthly_quota=9), day)
                == agreement_uses(terms, *month_bounds(day)).count()
            ), (agreement, day)
    assert uses_between(reuters.pk, [], date(2026, 6, 1), date(2026, 6, 30)) == (
        Placement.objects.filter(
            asset__credit=reuters, article__published_on__month=6, article__published_on__year=2026
        ).count()
    )


def test_the_verdict_reads_one_lookup_for_the_quota(rights_archive, django_assert_num_queries):
    reuters = Credit.objects.get(name="Reuters")
    agreement = SupplierAgreement.objects.get(monthly_quota=2)
    terms = agreement_terms(agreement, ["agency"])
    assert reuters.pk == terms.supplier_id
    with django_assert_num_queries(1):
        assert quota_used(terms, DAY) == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (.ci/run's second run)"
)
@pytest.mark.django_db(transaction=True)
def test_two_transactions_using_the_same_supplier_on_the_same_day_both_count():
    """Two writers of the same key at once: the second waits for the first's lock, then
    counts after its commit, so neither use is lost."""
    credit = Credit.objects.create(name="Concurrent Agency", kind=Credit.Kind.AGENCY)
    article = Article.objects.create(headline="Race", published_on=date(2026, 6, 2))
    assets = [picture(credit, n) for n in range(2)]
    first_placed, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                Placement.objects.create(article=article, asset=assets[0], position=1)
                first_placed.set()
                release.wait(10)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=first)
    writer.start()
    assert first_placed.wait(10)
    second = threading.Thread(
        target=lambda: (
            Placement.objects.create(article=article, asset=assets[1], position=2),
            connections.close_all(),
        )
    )
    second.start()
    second.join(1)
    assert second.is_alive()  # waiting for the first writer's lock on the key
    release.set()
    writer.join(10)
    second.join(10)
    assert not errors
    assert kept(credit) == {(0, date(2026, 6, 2)): 2}
    assert check_usage() == []


def test_a_write_that_moves_no_key_recounts_nothing(supplier, monkeypatch):
    credit, _ = supplier
    article = Article.objects.create(headline="Still", published_on=date(2026, 6, 2))
    asset = picture(credit, 1)
    placement = Placement.objects.create(article=article, asset=asset, position=1)
    recounted: list[set] = []
    monkeypatch.setattr(usage, "recount", lambda keys: recounted.append(set(keys)))
    asset.title = "Retitled"
    asset.save()
    article.headline = "Re-headlined"
    article.save()
    placement.caption = "Recaptioned"
    placement.save()
    assert recounted == []
    article.published_on = date(2026, 6, 3)
    article.save()
    assert recounted == [{(credit.pk, 0, date(2026, 6, 2)), (credit.pk, 0, date(2026, 6, 3))}]


def test_the_reports_uses_over_quota_are_the_kept_uses_past_the_quota(rights_archive):
    """The licence report's quota findings read the kept uses: for every agreement and month,
    the uses it says (and how many it flags) are what ``uses_between`` gives."""
    getty = Credit.objects.get(name="Getty Images")
    windowed = SupplierAgreement.objects.create(
        supplier=getty, monthly_quota=3, starts_on=date(2026, 6, 10), ends_on=date(2026, 7, 20)
    )
    windowed.categories.set([UsageCategory.objects.get(code="agency")])
    counted = (
        Q(usage_rights__isnull=True)
        | Q(usage_rights__category__isnull=True)
        | Q(usage_rights__category__code="agency")
    )
    pictures = list(Asset.objects.filter(credit=getty).filter(counted).order_by("id"))
    pictures[1:1] = Asset.objects.filter(credit=getty).exclude(counted)[:2]  # not counted
    reuters = list(Asset.objects.filter(credit__name="Reuters").order_by("id"))
    for day, assets in (
        (date(2026, 6, 5), pictures[:4]),  # before the window: not counted
        (date(2026, 6, 12), pictures[:5]),
        (date(2026, 7, 1), pictures[5:9]),
        (date(2026, 7, 25), pictures[:6]),  # after it
        (date(2026, 6, 20), reuters[:4]),
        (date(2026, 5, 3), reuters[:2]),
    ):
        article = Article.objects.create(headline=f"Uses {day}", published_on=day)
        for n, asset in enumerate(assets, start=1):
            Placement.objects.create(article=article, asset=asset, position=n)
    quotas = [a for a in SupplierAgreement.objects.all() if a.monthly_quota is not None]
    terms = [agreement_terms(a, list(a.categories.values_list("code", flat=True))) for a in quotas]
    flagged = RightsContext.load().over_quota_descriptions.values()
    months = usage.monthly_uses(terms)
    assert len(months) >= 4
    for agreement in terms:
        for month in (date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)):
            kept_uses = quota_used(agreement, month)
            assert months.get((agreement.id, month), 0) == kept_uses
            said = [
                text
                for text in flagged
                if f"in {month:%Y-%m}, over the {agreement.supplier} quota of "
                f"{agreement.monthly_quota}" in text
            ]
            assert len(said) == max(0, kept_uses - agreement.monthly_quota), (agreement, month)
            assert all(f"one of {kept_uses} uses" in text for text in said)
    assert len(flagged) >= 3


def test_the_report_counts_the_quota_from_the_kept_uses_only(supplier):
    """Uses written without signals reach the report's quota findings once the kept uses are
    rebuilt: the report counts no placements of its own."""
    credit, _ = supplier
    article = Article.objects.create(headline="Bulk", published_on=date(2026, 6, 2))
    Placement.objects.bulk_create(
        Placement(article=article, asset=picture(credit, n), position=n) for n in range(1, 6)
    )
    assert RightsContext.load().over_quota == {}
    rebuild_usage()
    over = RightsContext.load().over_quota_descriptions
    assert len(over) == 2
    assert all("one of 5 uses in 2026-06" in text for text in over.values())
