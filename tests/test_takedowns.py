"""Takedown impact: which placements a takedown reaches, recording it, and dealing with each."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import takedowns
from archive.models import Asset, Placement, TakedownItem, TakedownRequest
from tests.factories import (
    ArticleFactory,
    AssetFactory,
    CreditFactory,
    LicenceFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    """A video, two stills cut from it, a look-alike of one still, and an unrelated picture,
    each placed in an article; the first still credited to the supplier that asks."""
    supplier = CreditFactory(name="Frontline Pictures")
    other = CreditFactory(name="Other Agency")
    video = AssetFactory(kind=Asset.Kind.VIDEO, without_file=True, credit=other, title="Clip")
    still = AssetFactory(
        kind=Asset.Kind.STILL, video=video, timecode=1.0, without_file=True, credit=supplier
    )
    sibling = AssetFactory(kind=Asset.Kind.STILL, video=video, timecode=2.0, without_file=True)
    copy = AssetFactory(without_file=True, near_duplicate_of=still, credit=other)
    unrelated = AssetFactory(without_file=True, credit=other)
    march = ArticleFactory(published_on=date(2026, 3, 1), url="https://news.example/a")
    april = ArticleFactory(published_on=date(2026, 4, 1), url="https://news.example/b")
    placements = {
        "still": PlacementFactory(article=april, asset=still, position=1, print_page="B3"),
        "video": PlacementFactory(article=march, asset=video, position=1, kind="video"),
        "sibling": PlacementFactory(article=march, asset=sibling, position=2),
        "copy": PlacementFactory(article=april, asset=copy, position=2),
        "unrelated": PlacementFactory(article=april, asset=unrelated, position=3),
    }
    return {
        "supplier": supplier,
        "video": video,
        "still": still,
        "sibling": sibling,
        "copy": copy,
        "unrelated": unrelated,
        "placements": placements,
    }


def test_a_still_reaches_its_siblings_and_its_look_alikes_not_its_video(family):
    base = takedowns.base_assets(asset=family["still"])
    ways = takedowns.how_reached(base)
    assert ways == {
        family["still"].pk: "direct",
        family["sibling"].pk: "still",
        family["copy"].pk: "look-alike",
    }
    placements = list(takedowns.impact(ways))
    p = family["placements"]
    # In publication order: March's sibling, then April's still and copy.
    assert placements == [p["sibling"], p["still"], p["copy"]]


def test_a_video_reaches_every_still_cut_from_it(family):
    ways = takedowns.how_reached(takedowns.base_assets(asset=family["video"]))
    assert ways == {
        family["video"].pk: "direct",
        family["still"].pk: "still",
        family["sibling"].pk: "still",
    }


def test_a_look_alike_reaches_the_picture_it_looks_like(family):
    ways = takedowns.how_reached(takedowns.base_assets(asset=family["copy"]))
    assert ways == {family["copy"].pk: "direct", family["still"].pk: "look-alike"}


def test_the_named_are_read_once_and_every_way_searched_by_their_ids(family):
    """A named still that is also a look-alike reaches its siblings and its original. The
    named (here a credit's assets) are read once: then their links, the stills of the named
    and of their videos, the look-alikes of the named, each by the ids read (five
    statements, the credit in the first only; six before, three of them reading the credit
    again)."""
    original = AssetFactory(without_file=True)
    still = family["still"]
    still.near_duplicate_of = original
    still.save(update_fields=["near_duplicate_of"])
    with CaptureQueriesContext(connection) as queries:
        ways = takedowns.how_reached(takedowns.base_assets(credit=family["supplier"]))
    assert ways == {
        still.pk: "direct",
        family["sibling"].pk: "still",
        family["copy"].pk: "look-alike",
        original.pk: "look-alike",
    }
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == 5
    assert ["credit_id" in sql for sql in statements] == [True, False, False, False, False]


def test_a_licence_reaches_its_asset_and_a_credit_every_asset_under_it(family):
    licence = LicenceFactory(asset=family["unrelated"])
    assert takedowns.how_reached(takedowns.base_assets(licence=licence)) == {
        family["unrelated"].pk: "direct"
    }
    by_credit = takedowns.how_reached(takedowns.base_assets(credit=family["supplier"]))
    assert by_credit[family["still"].pk] == "direct"
    assert family["unrelated"].pk not in by_credit


def test_a_request_names_exactly_its_scope(family):
    bad = TakedownRequest(scope="credit", asset=family["still"], received_on=date(2026, 5, 1))
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "credit" in error.value.message_dict and "asset" in error.value.message_dict
    late = TakedownRequest(
        scope="asset",
        asset=family["still"],
        received_on=date(2026, 5, 2),
        deadline=date(2026, 5, 1),
    )
    with pytest.raises(ValidationError):
        late.full_clean()


def test_recording_lists_every_placement_once_and_closes_when_all_are_dealt_with(
    family, role_users
):
    request = TakedownRequest.objects.create(
        scope="credit", credit=family["supplier"], received_on=date(2026, 5, 1)
    )
    assert takedowns.record_items(request) == 3
    assert takedowns.record_items(request) == 0  # again: nothing new
    assert request.status == TakedownRequest.Status.OPEN
    items = list(request.items.order_by("id"))
    user = role_users["archivist"]
    with pytest.raises(ValueError, match="Say why"):
        takedowns.deal_with(request, [items[0].pk], state="kept", note=" ", user=user)
    takedowns.deal_with(request, [items[0].pk], state="kept", note="Licence renewed", user=user)
    assert request.status == TakedownRequest.Status.OPEN
    takedowns.deal_with(request, [i.pk for i in items[1:]], state="removed", note="", user=user)
    request.refresh_from_db()
    assert request.status == TakedownRequest.Status.DONE
    kept = TakedownItem.objects.get(pk=items[0].pk)
    assert (kept.dealt_by, kept.note) == (user, "Licence renewed")
    # A new placement of the supplier's picture reopens the request when recorded again.
    PlacementFactory(asset=family["still"], position=9)
    assert takedowns.record_items(request) == 1
    assert request.status == TakedownRequest.Status.OPEN


def test_impact_page_and_csv(family, auditor_client):
    url = reverse("archive:takedown-impact")
    response = auditor_client.get(url, {"asset": family["still"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 placements of 3 assets" in html
    assert "https://news.example/a" in html
    # The page's rows in publication order (the page is cut by id first).
    assert [placement.pk for placement, _ in response.context["rows"]] == [
        family["placements"][name].pk for name in ("sibling", "still", "copy")
    ]
    assert "Record a takedown request" not in html  # auditors look, archivists record
    assert "picture by picture" in html  # the CSV's order, said beside its link
    response = auditor_client.get(url, {"asset": family["still"].pk, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    # The CSV picture by picture: by asset, then placement.
    reached = sorted(("still", "sibling", "copy"), key=lambda name: family[name].pk)
    assert [(r["placement"], r["via"]) for r in rows] == [
        (
            str(family["placements"][name].pk),
            {"still": "direct", "copy": "look-alike"}.get(name, "still"),
        )
        for name in reached
    ]
    assert [r["asset_name"] for r in rows] == [str(family[name]) for name in reached]
    by_name = {name: row for name, row in zip(reached, rows, strict=True)}
    assert by_name["sibling"]["published_on"] == "2026-03-01"
    assert by_name["still"]["print_page"] == "B3"  # where recorded
    assert by_name["copy"]["print_page"] == ""
    assert "position 1 · print page B3" in html
    assert auditor_client.get(url).status_code == 400
    assert auditor_client.get(url, {"asset": 999999}).status_code == 404


def test_csv_cells_are_made_inert(family, auditor_client):
    family["placements"]["still"].caption = '=HYPERLINK("http://evil")'
    family["placements"]["still"].save()
    response = auditor_client.get(
        reverse("archive:takedown-impact"), {"asset": family["still"].pk, "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_every_cell_a_person_typed_is_made_inert_and_the_others_written_as_stored(family):
    """Each text cell of a line (the article's publication, headline and address, the
    placement's print page, caption and credit line, a kept placement's note) is guarded
    as every CSV export guards it, whatever starts the formula (a sign after spaces, a
    full-width sign, a tab); a sign later in a cell is left alone; the numbers, the day, the
    asset's name and way and the state are written as stored."""
    placement = family["placements"]["still"]
    article = placement.article
    article.publication, article.headline = "=cmd|' /C calc'!A0", " \n+SUM(A1:A9)"
    article.url, article.published_on = "@https://news.example/a", None
    article.save()
    placement.print_page, placement.caption = "-3", "\tcaption"
    placement.credit_line = "\uff1dHYPERLINK(1)"
    placement.save()
    plain = family["placements"]["sibling"]  # in another article, dated
    plain.caption, plain.credit_line = 'Two = one, "quoted"\nand on', "(Image: a-b@c)"
    plain.save()
    request = TakedownRequest.objects.create(
        scope="asset", asset=family["still"], received_on=date(2026, 3, 2)
    )
    takedowns.record_items(request)
    takedowns.deal_with(
        request,
        list(request.items.values_list("pk", flat=True)),
        state=TakedownItem.State.KEPT,
        note="+ kept: fair comment",
        user=None,
    )
    states = {item.placement_id: (item.state, item.note) for item in request.items.all()}
    ways = takedowns.how_reached(takedowns.base_assets(asset=family["still"]))
    text = "".join(takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, states, chunk_size=1))
    rows = {int(row["placement"]): row for row in csv.DictReader(io.StringIO(text))}
    guarded = rows[placement.pk]
    assert [guarded[column] for column in ("publication", "headline", "article_url")] == [
        "'" + value for value in (article.publication, article.headline, article.url)
    ]
    assert [guarded[column] for column in ("print_page", "caption", "credit_line")] == [
        "'" + value for value in (placement.print_page, placement.caption, placement.credit_line)
    ]
    assert (guarded["state"], guarded["note"]) == ("kept", "'+ kept: fair comment")
    assert guarded["published_on"] == ""  # undated
    assert (guarded["position"], guarded["asset"]) == (
        str(placement.position),
        str(family["still"].pk),
    )
    assert (guarded["asset_name"], guarded["via"]) == (str(family["still"]), "direct")
    untouched = rows[plain.pk]
    assert (untouched["caption"], untouched["credit_line"]) == (plain.caption, plain.credit_line)
    assert untouched["published_on"] == plain.article.published_on.isoformat()


def test_csvs_are_kept_by_no_cache(family, auditor_client):
    impact = auditor_client.get(
        reverse("archive:takedown-impact"), {"asset": family["still"].pk, "format": "csv"}
    )
    takedown = TakedownRequest.objects.create(
        scope="asset", asset=family["still"], received_on=date(2026, 3, 2)
    )
    detail = auditor_client.get(takedown.get_absolute_url(), {"format": "csv"})
    for response in (impact, detail):
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"


def test_journalists_do_not_see_takedowns(family, journalist_client):
    response = journalist_client.get(
        reverse("archive:takedown-impact"), {"asset": family["still"].pk}
    )
    assert response.status_code == 403
    assert journalist_client.get(reverse("archive:takedown-list")).status_code == 403


def test_archivist_records_a_takedown_in_the_admin_and_deals_with_it(family, archivist_client):
    add = reverse("admin:archive_takedownrequest_add")
    response = archivist_client.post(
        add,
        {
            "scope": "credit",
            "credit": family["supplier"].pk,
            "requested_by": "Frontline Pictures legal",
            "received_on": "2026-05-01",
            "reason": "Licence revoked",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    request = TakedownRequest.objects.get()
    assert request.items.count() == 3
    detail = reverse("archive:takedown-detail", args=[request.pk])
    # Saved, the desk lands on the placements the request reaches, not the admin's list.
    assert response["Location"] == detail
    html = archivist_client.get(detail).content.decode()
    assert "3 to deal with" in html
    ids = list(request.items.values_list("pk", flat=True))
    response = archivist_client.post(detail, {"item": ids, "state": "removed", "note": ""})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done"
    csv_text = b"".join(archivist_client.get(detail, {"format": "csv"}).streaming_content).decode()
    assert csv_text.count("removed") == 3
    # A placement kept says why, in the CSV too (a note starting "=" made inert).
    kept = ids[0]
    request.items.filter(pk=kept).update(state="kept", note="=Licence renewed by the agency")
    rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(archivist_client.get(detail, {"format": "csv"}).streaming_content).decode()
            )
        )
    )
    kept_row = next(
        row for row in rows if row["placement"] == str(request.items.get(pk=kept).placement_id)
    )
    assert (kept_row["state"], kept_row["note"]) == ("kept", "'=Licence renewed by the agency")
    assert {row["note"] for row in rows if row is not kept_row} == {""}
    listing = archivist_client.get(reverse("archive:takedown-list")).content.decode()
    assert f"#{request.pk} every picture credited Frontline Pictures" in listing


def test_auditors_cannot_mark_placements(family, auditor_client):
    request = TakedownRequest.objects.create(
        scope="asset", asset=family["still"], received_on=date(2026, 5, 1)
    )
    takedowns.record_items(request)
    detail = reverse("archive:takedown-detail", args=[request.pk])
    ids = list(request.items.values_list("pk", flat=True))
    assert auditor_client.post(detail, {"item": ids, "state": "removed"}).status_code == 403
    assert request.items.filter(state="pending").count() == 3


# Keyset pages of the impact list.


@pytest.mark.parametrize(
    "text, key",
    [
        ("2026-03-01.812.2", takedowns.ImpactKey(date(2026, 3, 1), 812, 2)),
        ("-.7.1", takedowns.ImpactKey(None, 7, 1)),
    ],
)
def test_a_key_reads_back_what_it_wrote(text, key):
    assert takedowns.ImpactKey.decode(text) == key
    assert key.encode() == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3",
        "2026-03-01.812",
        "2026-03-01.812.2.9",
        "2026-02-30.812.2",  # no such day
        "2026-3-1.812.2",
        "2026-03-01.-812.2",
        "2026-03-01.99999999999999999999.2",  # past the integer range
        "2026-03-01.٣.2",  # a digit, but not ASCII
        " 2026-03-01.812.2",
        "2026-03-01.812.2\n",
        "none.1.1",
    ],
)
def test_a_key_this_module_did_not_write_is_refused(text):
    with pytest.raises(takedowns.BadCursor):
        takedowns.ImpactKey.decode(text)


def test_keys_sort_as_the_desk_reads(family):
    dated = takedowns.ImpactKey(date(2026, 3, 1), 9, 2)
    assert dated.sort_key() < takedowns.ImpactKey(date(2026, 3, 1), 9, 3).sort_key()
    assert dated.sort_key() < takedowns.ImpactKey(date(2026, 3, 1), 10, 1).sort_key()
    assert dated.sort_key() < takedowns.ImpactKey(None, 1, 1).sort_key()  # undated last


@pytest.fixture
def many(family):
    """The supplier's picture placed ten times (13 placements reached with the family's): in
    five articles of one day (ties in the date), in others before and after, twice in an
    undated article, beside pictures not reached."""
    supplier = family["supplier"]
    picture = AssetFactory(without_file=True, credit=supplier)
    other = family["unrelated"]
    same_day = [ArticleFactory(published_on=date(2026, 2, 1)) for _ in range(5)]
    early = ArticleFactory(published_on=date(2025, 1, 1))
    late = ArticleFactory(published_on=date(2027, 1, 1))
    undated = ArticleFactory(published_on=None)
    for article in [*same_day, early, late]:
        PlacementFactory(article=article, asset=other, position=1)
        PlacementFactory(article=article, asset=picture, position=2)
    PlacementFactory(article=same_day[2], asset=picture, position=3)
    PlacementFactory(article=undated, asset=picture, position=4)
    PlacementFactory(article=undated, asset=other, position=5)
    PlacementFactory(article=undated, asset=picture, position=6)
    ways = takedowns.how_reached(takedowns.base_assets(credit=supplier))
    # The desk's order, computed here from the rows themselves.
    expected = sorted(
        Placement.objects.filter(asset_id__in=ways).select_related("article"),
        key=lambda p: takedowns.ImpactKey.of(p).sort_key(),
    )
    return {"supplier": supplier, "ways": ways, "expected": [p.pk for p in expected]}


STRATEGIES = {
    # by asset (few assets reached), by article walked in batches, and walked then by asset
    "by asset": {"DIRECT_LIMIT": 2000},
    "walked": {"DIRECT_LIMIT": 0, "WALK_BATCH": 2, "WALK_LIMIT": 1000},
    "walked, then by asset": {"DIRECT_LIMIT": 0, "WALK_BATCH": 2, "WALK_LIMIT": 2},
}


@pytest.fixture(params=list(STRATEGIES))
def strategy(request, monkeypatch):
    for name, value in STRATEGIES[request.param].items():
        monkeypatch.setattr(takedowns, name, value)
    monkeypatch.setattr("archive.web.takedowns.PAGE_SIZE", 3)
    return request.param


def _follow(client, url, params):
    """Every page from ``params`` on through its "Next" links: the placements' ids per page."""
    pages = []
    while True:
        response = client.get(url, params)
        assert response.status_code == 200
        page = response.context["page"]
        pages.append([p.pk for p, _ in response.context["rows"]])
        if not page.has_next:
            return pages, response
        params = {**params, "after": page.next_key}
        params.pop("before", None)


def test_pages_follow_the_desks_order_through_ties_and_undated_articles(
    many, strategy, auditor_client
):
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    pages, last = _follow(auditor_client, url, credit)
    assert [pk for page in pages for pk in page] == many["expected"]
    assert [len(page) for page in pages] == [3, 3, 3, 3, 1]
    # impact() in the same order; the CSV picture by picture (asset, then placement), each
    # asset's name on every line of it.
    assert [p.pk for p in takedowns.impact(many["ways"])] == many["expected"]
    response = auditor_client.get(url, {**credit, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_asset = Placement.objects.filter(pk__in=many["expected"]).select_related("asset")
    by_asset = sorted(by_asset, key=lambda p: (p.asset_id, p.pk))
    assert [int(r["placement"]) for r in rows] == [p.pk for p in by_asset]
    assert [r["asset_name"] for r in rows] == [str(p.asset) for p in by_asset]
    # Back from the last page through the "Previous" links: the same pages, in reverse.
    back, page = [], last.context["page"]
    while page.has_previous:
        response = auditor_client.get(url, {**credit, "before": page.previous_key})
        page = response.context["page"]
        back.append([p.pk for p in page.placements])
    assert back == pages[-2::-1]
    html = last.content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_the_csv_reads_each_name_once_and_its_lines_in_one_query(many):
    """Whatever the number of assets: the reached assets' names in one statement, the lines
    in one that joins no asset (joined, an asset's name came again with each placement, and
    PostgreSQL's plan read every asset of the archive)."""
    ways = many["ways"]
    with CaptureQueriesContext(connection) as queries:
        text = "".join(takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {}))
    assert text.count("\r\n") == len(many["expected"]) + 1
    names, lines = (query["sql"] for query in queries.captured_queries)
    assert 'FROM "archive_asset"' in names
    assert 'FROM "archive_placement"' in lines and '"archive_asset"' not in lines


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_on_postgresql_the_reached_ids_are_one_array_the_planner_sizes(many):
    """``asset_id = ANY(array)``, estimated by the array's length and searched in the
    index's order; ``IN (SELECT unnest(array))`` was estimated at 200 rows whatever its size,
    and at 1M the CSV's plan then read every entry of the placements' index."""
    query = takedowns.impact_by_asset(many["ways"]).values_list("id", "article__headline")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "asset_id = ANY" in plan and "unnest" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's held cursors")
@pytest.mark.django_db(transaction=True)
def test_the_csv_streams_through_a_cursor_postgresql_does_not_hold(many):
    """Out of a transaction (as a streamed response is read, in autocommit) Django declares
    the iterator's cursor WITH HOLD, and PostgreSQL computes every row of a held cursor
    before the first is sent. After the first chunk the CSV's cursor is open and not held."""
    ways = many["ways"]
    lines = takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {}, chunk_size=2)
    first = next(lines)
    assert first.count("\r\n") == 3  # the header and the first chunk of lines
    with connection.cursor() as cursor:
        # The cursor declared (the extended protocol's unnamed portals are listed too).
        cursor.execute("SELECT is_holdable FROM pg_cursors WHERE statement LIKE 'DECLARE%%'")
        assert cursor.fetchall() == [(False,)]
    assert ("".join(lines)).count("\r\n") == len(many["expected"]) - 2
    assert connection.get_autocommit() and not connection.in_atomic_block


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's cursors")
@pytest.mark.django_db(transaction=True)
def test_the_next_chunk_is_asked_for_before_this_one_is_written(many):
    """While the caller writes a chunk of lines, the server is already computing the next:
    its ``FETCH`` was sent before the chunk was handed over (fetched one after another, the
    client waited for the server at every chunk). Read here through the same cursor: what is
    left after the first chunk starts two chunks in, not one."""
    ways = many["ways"]
    every = [row[0] for row in takedowns.csv_placement_rows(takedowns.impact_by_asset(ways))]
    assert len(every) > 6
    lines = takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {}, chunk_size=2)
    try:
        first = next(lines)
        assert [int(line.split(",")[0]) for line in first.split("\r\n")[1:-1]] == every[:2]
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM pg_cursors WHERE statement LIKE 'DECLARE%%'")
            [(name,)] = cursor.fetchall()
            cursor.execute(f'FETCH ALL FROM "{name}"')
            assert [row[0] for row in cursor.fetchall()] == every[4:]
        # The chunk asked for ahead is still handed over; then the list ends.
        rest = "".join(lines).split("\r\n")[:-1]
        assert [int(line.split(",")[0]) for line in rest] == every[2:4]
    finally:
        lines.close()  # a failure above leaves no transaction open
    assert connection.get_autocommit() and not connection.in_atomic_block


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_the_csv_starts_before_every_placement_is_read(many):
    """The CSV's order is the one the placements' index on the asset gives: no sort of every
    placement reached before the first line (at 1M the sorted query took 2 s to its first
    row)."""
    query = takedowns.impact_by_asset(many["ways"]).values_list(
        "id", "article__headline", "asset__title"
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("archive_placement USING INDEX" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_a_page_after_deleted_rows_neither_skips_nor_repeats(many, strategy, auditor_client):
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    first = auditor_client.get(url, credit).context["page"]
    expected = many["expected"]
    # The first page's last row (the key itself) and the next page's first go meanwhile.
    Placement.objects.filter(pk__in=[expected[2], expected[3]]).delete()
    pages, _ = _follow(auditor_client, url, {**credit, "after": first.next_key})
    assert [pk for page in pages for pk in page] == expected[4:]
    # Back from a page whose earlier rows went: the first page, full, not a short one.
    Placement.objects.filter(pk=expected[0]).delete()
    response = auditor_client.get(
        url,
        {
            **credit,
            "before": takedowns.ImpactKey.of(
                Placement.objects.select_related("article").get(pk=expected[5])
            ).encode(),
        },
    )
    page = response.context["page"]
    assert [p.pk for p in page.placements] == [expected[1], expected[4], expected[5]]
    assert not page.has_previous


def test_the_count_is_exact_up_to_a_limit_then_says_more_than(many, auditor_client, monkeypatch):
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    html = auditor_client.get(url, credit).content.decode()
    assert "13 placements of" in html
    monkeypatch.setattr("archive.web.takedowns.EXACT_COUNT_LIMIT", 10)
    html = auditor_client.get(url, credit).content.decode()
    assert "More than 10 placements (counted no further" in html
    assert takedowns.count_placements(many["ways"], up_to=13) == (13, True)
    assert takedowns.count_placements(many["ways"], up_to=12) == (12, False)


def test_a_page_reads_a_fixed_number_of_queries(
    many, auditor_client, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("archive.web.takedowns.PAGE_SIZE", 3)
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    with django_assert_max_num_queries(14):
        page = auditor_client.get(url, credit).context["page"]
    with django_assert_max_num_queries(14):
        auditor_client.get(url, {**credit, "after": page.next_key})


def test_a_bad_key_is_a_clear_400(many, auditor_client):
    url = reverse("archive:takedown-impact")
    for bad in ("2026-02-30.1.1", "nonsense", "1.2.3.4", "2026-01-01.99999999999999999999.1"):
        for name in ("after", "before"):
            response = auditor_client.get(url, {"credit": many["supplier"].pk, name: bad})
            assert response.status_code == 400
            html = response.content.decode()
            assert "not a" in html and "First page" in html


def test_old_page_numbers_redirect_to_the_same_rows(many, auditor_client, monkeypatch):
    monkeypatch.setattr("archive.web.takedowns.PAGE_SIZE", 3)
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    response = auditor_client.get(url, {**credit, "page": 2})
    assert response.status_code == 302
    page = auditor_client.get(response["Location"]).context["page"]
    assert [p.pk for p in page.placements] == many["expected"][3:6]
    for first in (1, 0, "x", "²", 99, 10**12):
        response = auditor_client.get(url, {**credit, "page": first})
        assert response.status_code == 302
        assert response["Location"] == f"{url}?credit={many['supplier'].pk}"


@pytest.mark.parametrize(
    "role, status", [("auditor", 200), ("archivist", 200), ("journalist", 403), (None, 302)]
)
def test_every_page_keeps_the_roles_rules(many, role_users, client, role, status):
    if role:
        client.force_login(role_users[role])
    url = reverse("archive:takedown-impact")
    credit = {"credit": many["supplier"].pk}
    key = takedowns.ImpactKey(date(2026, 2, 1), 1, 1).encode()
    for params in (
        credit,
        {**credit, "after": key},
        {**credit, "before": key},
        {**credit, "page": 2},
        {**credit, "after": "bad"},
        {**credit, "format": "csv"},
    ):
        response = client.get(url, params)
        expected = 400 if status == 200 and params.get("after") == "bad" else status
        expected = 302 if status == 200 and "page" in params else expected
        assert response.status_code == expected, params
        if status == 302:
            assert "/login" in response["Location"] or "login" in response["Location"]


# Keyset pages of a request's items (/takedowns/<id>/).


@pytest.fixture
def recorded(many, monkeypatch):
    """``many``'s takedown recorded as a request, its items shown three to a page."""
    monkeypatch.setattr("archive.web.takedowns.PAGE_SIZE", 3)
    request = TakedownRequest.objects.create(
        scope="credit", credit=many["supplier"], received_on=date(2026, 5, 1)
    )
    takedowns.record_items(request)
    return {
        **many,
        "request": request,
        "url": reverse("archive:takedown-detail", args=[request.pk]),
    }


def _follow_items(client, url, params):
    """Every page of a request's items from ``params`` on: the placements' ids per page."""
    pages = []
    while True:
        response = client.get(url, params)
        assert response.status_code == 200
        page = response.context["page"]
        pages.append([item.placement_id for item in page.items])
        if not page.has_next:
            return pages, response
        params = {**params, "after": page.next_key}


def test_a_requests_items_page_by_key_in_the_desks_order(recorded, auditor_client):
    url = recorded["url"]
    pages, last = _follow_items(auditor_client, url, {})
    assert [pk for page in pages for pk in page] == recorded["expected"]
    assert [len(page) for page in pages] == [3, 3, 3, 3, 1]
    # The CSV lists them in the same order, each asset's name on each of its lines.
    response = auditor_client.get(url, {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [int(r["placement"]) for r in rows] == recorded["expected"]
    placements = Placement.objects.select_related("asset").in_bulk(recorded["expected"])
    assert [r["asset_name"] for r in rows] == [
        str(placements[pk].asset) for pk in recorded["expected"]
    ]
    # Back through the "Previous" links: the same pages in reverse, the first one full.
    back, page = [], last.context["page"]
    while page.has_previous:
        page = auditor_client.get(url, {"before": page.previous_key}).context["page"]
        back.append([item.placement_id for item in page.items])
    assert back == pages[-2::-1]
    html = last.content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html and "page=" not in html


def test_a_requests_items_pages_keep_the_state_chosen(recorded, auditor_client):
    request, expected = recorded["request"], recorded["expected"]
    removed = expected[1::2]
    request.items.filter(placement_id__in=removed).update(state="removed")
    pages, _ = _follow_items(auditor_client, recorded["url"], {"state": "removed"})
    assert [pk for page in pages for pk in page] == removed
    first = auditor_client.get(recorded["url"], {"state": "removed"}).content.decode()
    assert "?state=removed&amp;after=" in first
    # A state that is not one shows every item.
    everything, _ = _follow_items(auditor_client, recorded["url"], {"state": "bogus"})
    assert [pk for page in everything for pk in page] == expected


def test_a_requests_old_page_numbers_redirect_to_the_same_place(recorded, auditor_client):
    url = recorded["url"]
    response = auditor_client.get(url, {"page": 2, "state": "pending"})
    assert response.status_code == 302
    page = auditor_client.get(response["Location"]).context["page"]
    assert [item.placement_id for item in page.items] == recorded["expected"][3:6]
    for first in (1, 0, "x", "²", 99, 10**12):
        response = auditor_client.get(url, {"page": first})
        assert response.status_code == 302
        assert response["Location"] == f"{url}?state="


def test_a_requests_bad_key_is_a_clear_400(recorded, auditor_client):
    for bad in ("2026-02-30.1.1", "nonsense", "1.2.3.4"):
        for name in ("after", "before"):
            response = auditor_client.get(recorded["url"], {name: bad})
            assert response.status_code == 400
            assert "not a" in response.content.decode()


def test_a_requests_page_reads_a_fixed_number_of_queries(
    recorded, auditor_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        page = auditor_client.get(recorded["url"]).context["page"]
    with django_assert_max_num_queries(12):
        auditor_client.get(recorded["url"], {"after": page.next_key})


@pytest.mark.parametrize(
    "role, status", [("auditor", 200), ("archivist", 200), ("journalist", 403), (None, 302)]
)
def test_a_requests_pages_keep_the_roles_rules(recorded, role_users, client, role, status):
    if role:
        client.force_login(role_users[role])
    key = takedowns.ImpactKey(date(2026, 2, 1), 1, 1).encode()
    for params in ({}, {"after": key}, {"before": key}, {"format": "csv"}):
        assert client.get(recorded["url"], params).status_code == status, params


def test_a_new_takedown_is_received_today_unless_the_desk_says(archivist_client):
    from django.utils import timezone

    form = archivist_client.get(reverse("admin:archive_takedownrequest_add")).content.decode()
    assert f'name="received_on" value="{timezone.localdate().isoformat()}"' in form


def test_marking_without_choosing_a_state_says_so_and_changes_nothing(family, archivist_client):
    request = TakedownRequest.objects.create(
        scope="asset", asset=family["still"], received_on=date(2026, 5, 1)
    )
    takedowns.record_items(request)
    detail = reverse("archive:takedown-detail", args=[request.pk])
    page = archivist_client.get(detail).content.decode()
    assert '<select name="state" required><option value="">Choose' in page
    ids = list(request.items.values_list("pk", flat=True))
    answer = archivist_client.post(detail, {"item": ids, "state": ""}, follow=True)
    assert "Choose what the ticked placements are marked as." in answer.content.decode()
    assert set(request.items.values_list("state", flat=True)) == {"pending"}
