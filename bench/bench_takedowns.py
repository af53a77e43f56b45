"""Takedown impact at scale: an agency's licence covering 5 % of the archive.

The archive is ``rights_archive``'s, shared with ``bench_rights`` (generated once in SQL into
bench/out/rights-<assets>.sqlite3, or the PostgreSQL database ``--db`` names): ``--assets``
pictures (``BENCH_ASSETS`` unless given) under 20 credits, one (``Agency 0``) holding 5 % of
them; three placements per asset over articles of ten; one video in 50 with two stills cut
from it; one picture in 40 a look-alike of another. Timed, best of ``--reps`` (before and
after timed in turn, so a change of load weighs on both):

- impact: what the takedown reaches (``how_reached``), the first keyset page of its placements
  and their count up to the page's limit, as the impact page reads them;
- the next page (after the first page's last key) and a page deep in the list (after the key
  of the placement half way, found beforehand), each with the reached assets and the count;
- CSV: every placement it reaches streamed as CSV to the end (picture by picture, as the
  impact page's CSV), and its first chunk of lines;
- before, same run: the pages as they were read until 2026-12-04 (``Paginator`` over the
  placements of the reached assets' ``UNION``: every placement counted, their ids sorted,
  the page read by id; ``how_reached`` over the ``UNION``); the CSV's lines as they were
  written until 2026-12-04 (``old_csv_rows``: a line at a time, every cell tested by a
  pattern) over the same query;
- ``--csv-only``: the CSV alone as the impact page streams it (the reached assets included),
  now against ``--baseline``: ``9010bfd`` (the default, session 17's start: the named
  rows read twice, each asset's name joined on its placements, on PostgreSQL the ids as
  ``IN (SELECT unnest(…))`` and a cursor declared WITH HOLD) or ``ab48827`` (``ab48827_csv_rows`` over ``impact``: sorted in publication order,
  the names read first) or ``13878b1`` (session 19's start: on PostgreSQL each chunk fetched
  after the one before is written, not asked for ahead; the CSVs asserted equal byte for
  byte), in turn, to the first chunk and to the end, the two CSVs asserted
  to hold the same lines;
- baseline, same run: the same list built the naive way, asset by asset through the ORM
  (its placements, its stills, its look-alikes: a few queries per asset), on 2 000 of the
  credit's assets, scaled to all of them.

  The CSV's seconds of this process's CPU are printed beside: on a shared machine they move
  less with the load than the wall clock. ``--baseline`` can also name a way of writing the
  lines tried in session 18 and not kept (``ALTERNATIVES``, their CSVs asserted equal byte
  for byte): ``joined-lines`` (each line joined in Python, ``csv`` only for a line a cell
  of which holds a comma, quote or line break), ``line-check`` (the formula guard called
  only on a line one of whose text cells starts with a risky character), ``sql-lines``
  (SQLite: every cell quoted and guarded by SQL expressions, two strings a line fetched).

    .venv/bin/python bench/bench_takedowns.py [--assets 1000000] [--reps 3] [--db URL] [--csv-only [--baseline 9010bfd|ab48827|13878b1|joined-lines|line-check|sql-lines]]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rights_archive import DEFAULT_ASSETS, TAKEDOWN_SUPPLIER, engine, prepare  # noqa: E402


def timed(function, reps: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(reps):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def side_by_side(before, after, reps: int) -> tuple[float, object, float, object]:
    """Best of ``reps`` for each, run in turn (before, after, before, ...), so that a change
    of load on a shared machine weighs on both alike."""
    best = [float("inf"), float("inf")]
    results: list[object] = [None, None]
    for _ in range(reps):
        for i, function in enumerate((before, after)):
            seconds, results[i] = timed(function, 1)
            best[i] = min(best[i], seconds)
    return best[0], results[0], best[1], results[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=DEFAULT_ASSETS)
    parser.add_argument("--db", default="", help="a SQLite file or a postgres:// URL")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--csv-only", action="store_true", help="the CSV, now and a baseline")
    parser.add_argument(
        "--baseline",
        choices=("9010bfd", "ab48827", "13878b1", *ALTERNATIVES),
        default="9010bfd",
        help="for --csv-only: an earlier version, or a way of writing the lines tried and not kept",
    )
    args = parser.parse_args(argv)
    prepare(args.db, args.assets)
    if args.csv_only:
        csv_only(args)
        return

    from django.core.paginator import Paginator

    from archive import takedowns
    from archive.models import Asset, Credit, Placement
    from archive.takedowns import ImpactKey
    from archive.web.takedowns import EXACT_COUNT_LIMIT

    supplier = Credit.objects.get(name=TAKEDOWN_SUPPLIER)
    base = takedowns.base_assets(credit=supplier)

    def impact(after: str = ""):
        # As the impact page reads every page: the reached assets, the page, the count.
        ways = takedowns.how_reached(base)
        key = ImpactKey.decode(after) if after else None
        page = takedowns.impact_page(ways, after=key, per_page=100)
        takedowns.count_placements(ways, up_to=EXACT_COUNT_LIMIT)
        return ways, page

    def old_placements():
        return (
            Placement.objects.filter(asset__in=old_reached_assets(base))
            .select_related("article", "asset")
            .order_by("article__published_on", "article_id", "position", "id")
        )

    def old_impact(number=1):
        ways = old_how_reached(base)
        page = Paginator(old_placements().values_list("id", flat=True), 100).get_page(number)
        rows = Placement.objects.select_related("article", "asset").in_bulk(list(page.object_list))
        return ways, [rows[pk] for pk in page.object_list], page.paginator.count

    def stream_csv(placements, how_reached=takedowns.how_reached):
        ways = how_reached(base)
        lines = 0
        size = 0
        for chunk in takedowns.csv_rows(placements(ways), ways, {}):  # a chunk of lines each
            lines += chunk.count("\r\n")
            size += len(chunk)
        return lines - 1, size

    old_s, (_ways, old_page, count), impact_s, (ways, page) = side_by_side(
        old_impact, impact, args.reps
    )
    assert ways == _ways, "how_reached differs from the old reading"
    assert [p.pk for p in page.placements] == [p.pk for p in old_page] or _nulls_differ(old_page)
    next_s, _ = timed(lambda: impact(page.next_key), args.reps)
    middle = takedowns.impact(ways)[count // 2]
    deep_key = ImpactKey.of(middle)
    old_deep_s, _, deep_s, _ = side_by_side(
        lambda: old_impact(count // 200 + 1),
        lambda: impact(deep_key.encode()),
        args.reps,
    )

    def stream_old_csv():
        ways = takedowns.how_reached(base)
        return sum(1 for _ in old_csv_rows(takedowns.impact(ways), ways, {}))

    def first_line():
        ways = takedowns.how_reached(base)
        return next(iter(takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {})))

    old_csv_s, _, csv_s, (rows, size) = side_by_side(
        stream_old_csv, lambda: stream_csv(takedowns.impact_by_asset), args.reps
    )
    first_s, _ = timed(first_line, args.reps)

    sample = list(Asset.objects.filter(credit=supplier).order_by("id")[:2000])

    def naive():
        found = []
        for asset in sample:
            found.extend(asset.placements.all())
            for still in Asset.objects.filter(video=asset):
                found.extend(still.placements.all())
            if asset.video_id:
                for still in Asset.objects.filter(video_id=asset.video_id).exclude(pk=asset.pk):
                    found.extend(still.placements.all())
            for other in asset.look_alikes.all():
                found.extend(other.placements.all())
            if asset.near_duplicate_of_id:
                found.extend(Placement.objects.filter(asset_id=asset.near_duplicate_of_id))
        return found

    naive_s, _ = timed(naive, 1)
    supplier_assets = Asset.objects.filter(credit=supplier).count()
    naive_all = naive_s * supplier_assets / len(sample)

    print()
    print(
        f"{args.assets:,} assets, {Placement.objects.count():,} placements ({engine()}); "
        "the supplier "
        f"holds {supplier_assets:,} assets; the takedown reaches {len(ways):,} assets, "
        f"{rows:,} placements ({size / 1e6:.1f} MB of CSV)"
    )
    print(
        f"{'figure':40} {'measured':>9} {'before':>9} {'ratio':>6} "
        f"{'baseline':>9} {'ratio':>6} {'goal':>6}"
    )
    for figure, after, before, goal in (
        ("impact: reached assets + first page (s)", impact_s, old_s, "≤ 1.0"),
        ("the next page (s)", next_s, None, ""),
        ("a page half way down (s)", deep_s, old_deep_s, ""),
        ("CSV of every placement, streamed (s)", csv_s, old_csv_s, "≤ 1.0"),
        ("the CSV's header and first lines (s)", first_s, None, ""),
    ):
        was = f"{before:9.3f} {before / after:6.1f}" if before is not None else f"{'':9} {'':6}"
        print(f"{figure:40} {after:9.3f} {was} {naive_all:9.1f} {naive_all / after:6.0f} {goal:>6}")
    print(
        "before: offset pages over the UNION of the ways (every placement counted, ids sorted), "
        f"as until 2026-12-04; {count:,} placements counted; the CSV: its lines written as "
        "until 2026-12-04 (a row at a time, dates parsed, every cell's formula test)"
    )
    print(
        f"baseline: asset by asset through the ORM, {naive_s:.1f} s for {len(sample):,} of "
        f"the supplier's assets, scaled to {supplier_assets:,}"
    )


def old_csv_rows(placements, ways, states):
    """The CSV's lines as ``takedowns.csv_rows`` wrote them until 2026-12-04: a line at a
    time, the day parsed into a date and written back, every text cell through
    ``spreadsheet_safe``."""
    import csv

    from archive.audit.export import spreadsheet_safe
    from archive.models import Asset
    from archive.takedowns import CSV_COLUMNS
    from archive.text import display_name

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())
    yield writer.writerow(CSV_COLUMNS)
    rows = placements.values_list(
        "id",
        "article__published_on",
        "article__publication",
        "article__headline",
        "article__url",
        "position",
        "print_page",
        "asset_id",
        "asset__title",
        "asset__original_filename",
        "asset__kind",
        "caption",
        "credit_line",
    )
    for row in rows.iterator(chunk_size=2000):
        pk, published, publication, headline, url, position, print_page, asset_id = row[:8]
        title, name, kind, caption, credit_line = row[8:]
        label = Asset.Kind(kind).label
        yield writer.writerow(
            [
                pk,
                published.isoformat() if published else "",
                spreadsheet_safe(publication),
                spreadsheet_safe(headline),
                spreadsheet_safe(url),
                position,
                spreadsheet_safe(print_page),
                asset_id,
                spreadsheet_safe(f"#{asset_id} {display_name(title, name, label)}"),
                ways.get(asset_id, ""),
                spreadsheet_safe(caption),
                spreadsheet_safe(credit_line),
                states.get(pk, ""),
            ]
        )


def csv_only(args: argparse.Namespace) -> None:
    """The takedown CSV as the impact page streams it (the reached assets, then every line),
    now and as at a baseline (``--baseline``), in turn, best of ``--reps`` each: to the first
    chunk of lines (the header and 2 000 lines) and to the end. The two CSVs are asserted to
    hold the same lines (in their own orders).

    Baselines: ``9010bfd`` (session 17's start: ``h9010bfd_how_reached``, the named
    assets' rows read twice, and ``h9010bfd_csv_rows``, the names joined on every placement,
    the ids as ``IN (SELECT unnest(…))`` on PostgreSQL, the rows by a plain ``iterator()``:
    there a cursor declared WITH HOLD); ``ab48827`` (``impact``'s sorted publication
    order, the names read first)."""
    import os

    from archive import takedowns
    from archive.models import Credit

    load = os.getloadavg()
    base = takedowns.base_assets(credit=Credit.objects.get(name=TAKEDOWN_SUPPLIER))

    def now():
        ways = takedowns.how_reached(base)
        yield from takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {})

    def at_9010bfd():
        ways = h9010bfd_how_reached(base)
        yield from h9010bfd_csv_rows(ways)

    def at_ab48827():
        ways = takedowns.how_reached(base)
        yield from ab48827_csv_rows(takedowns.impact(ways), ways, {})

    def tried(alternative):
        def rows():
            ways = takedowns.how_reached(base)
            yield from alternative(takedowns.impact_by_asset(ways), ways, {})

        return rows

    before = {
        "9010bfd": at_9010bfd,
        "ab48827": at_ab48827,
        "13878b1": tried(h13878b1_csv_rows),
        **{name: tried(alternative) for name, alternative in ALTERNATIVES.items()},
    }[args.baseline]

    def stream(rows) -> tuple[float, float, float, str]:
        started, cpu = time.perf_counter(), time.process_time()
        first, chunks = None, []
        for chunk in rows():
            if first is None:
                first = time.perf_counter() - started
            chunks.append(chunk)
        whole, cpu = time.perf_counter() - started, time.process_time() - cpu
        return whole, first, cpu, "".join(chunks)

    best = {"now": [float("inf")] * 3, args.baseline: [float("inf")] * 3}
    texts = {}
    for _ in range(args.reps):
        for name, rows in ((args.baseline, before), ("now", now)):
            *figures, texts[name] = stream(rows)
            best[name] = [min(pair) for pair in zip(best[name], figures, strict=True)]
    header, *lines = texts["now"].split("\r\n")
    was_header, *was_lines = texts[args.baseline].split("\r\n")
    assert header == was_header and sorted(lines) == sorted(was_lines), "the CSVs differ"
    if args.baseline in ALTERNATIVES or args.baseline == "13878b1":
        assert texts["now"] == texts[args.baseline], "the CSVs differ"
    print(
        f"\ntakedown CSV of {TAKEDOWN_SUPPLIER} at {args.assets:,} assets ({engine()}): "
        f"{len(takedowns.how_reached(base)):,} assets reached, {len(lines) - 1:,} lines, "
        f"{len(texts['now']) / 1e6:.1f} MB; best of {args.reps}, now and {args.baseline} in "
        "turn, the reached assets (how_reached) included"
    )
    print(f"{'figure':40} {'now':>9} {args.baseline:>9} {'ratio':>6} {'goal':>6}")
    for label, index, goal in (
        ("the whole CSV (s)", 0, "≤ 1.0"),
        ("its header and first 2 000 lines (s)", 1, ""),
        ("the whole CSV, this process's CPU (s)", 2, ""),
    ):
        figure, was = best["now"][index], best[args.baseline][index]
        print(f"{label:40} {figure:9.3f} {was:9.3f} {was / figure:6.2f} {goal:>6}")
    after = os.getloadavg()
    print(f"(load average {load[0]:.1f} before, {after[0]:.1f} after)")


def joined_lines(placements, ways, states, *, chunk_size: int = 2000):
    """Tried in session 18, not kept: ``takedowns.csv_rows`` with each line joined in
    Python, the ``csv`` writer used only for a line one of whose cells holds a comma, a
    quote or a line break (found by counting the line's commas and searching it for the
    rest)."""
    import csv
    import re

    from archive.audit.export import spreadsheet_safe as safe
    from archive.takedowns import CSV_COLUMNS, _streamed, csv_names, csv_placement_rows

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())
    quoted = re.compile('["\r\n]').search
    names = csv_names(ways)  # the product's own reads: only the lines' writing differs
    rows = csv_placement_rows(placements)
    undealt = ("", "")
    lines = [writer.writerow(CSV_COLUMNS)]
    for pk, day, publication, headline, url, position, page, asset, caption, credit in _streamed(
        rows, chunk_size
    ):
        state, note = states.get(pk, undealt)
        cells = (
            pk,
            day or "",
            safe(publication),
            safe(headline),
            safe(url),
            position,
            safe(page),
            "" if asset is None else asset,
            names.get(asset, ""),
            ways.get(asset, ""),
            safe(caption),
            safe(credit),
            state,
            safe(note),
        )
        line = ",".join(map(str, cells))
        if line.count(",") != len(cells) - 1 or quoted(line):
            lines.append(writer.writerow(cells))
        else:
            lines.append(line + "\r\n")
        if len(lines) >= chunk_size:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


def line_check(placements, ways, states, *, chunk_size: int = 2000):
    """Tried in session 18, not kept: ``takedowns.csv_rows`` with the formula guard called
    only on a line one of whose text cells starts with a character that could start a
    formula (one set test over the line's first characters), not on every text cell."""
    import csv
    import io

    from archive.audit.export import _FORMULA_SIGNS, _INVISIBLE
    from archive.audit.export import spreadsheet_safe as safe
    from archive.takedowns import CSV_COLUMNS, _streamed, csv_names, csv_placement_rows

    risky = _FORMULA_SIGNS | _INVISIBLE | {chr(c) for c in range(0x110000) if chr(c).isspace()}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    names = csv_names(ways)  # the product's own reads: only the lines' writing differs
    rows = csv_placement_rows(placements)
    undealt = ("", "")
    lines = []
    for pk, day, publication, headline, url, position, page, asset, caption, credit in _streamed(
        rows, chunk_size
    ):
        state, note = states.get(pk, undealt)
        texts = (publication, headline, url, page, caption, credit, note)
        if not risky.isdisjoint([text[:1] for text in texts]):
            publication, headline, url, page, caption, credit, note = map(safe, texts)
        lines.append(
            (pk, day, publication, headline, url, position, page, asset)
            + (names.get(asset, ""), ways.get(asset, ""), caption, credit, state, note)
        )
        if len(lines) >= chunk_size:
            writer.writerows(lines)
            lines.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(lines)
    yield buffer.getvalue()


def sql_lines(placements, ways, states, *, chunk_size: int = 2000):
    """Tried in session 18, not kept (SQLite only; ``placements`` unused: the statement is
    ``impact_by_asset``'s, written out): each cell quoted as ``csv`` quotes it and guarded as
    ``spreadsheet_safe`` guards it by SQL expressions, the cells before the asset's and
    after them fetched as two strings; the asset's name and way (read once each) and a
    recorded request's state and note joined in Python."""
    import csv
    import io
    import json

    from django.db import connection

    from archive.audit.export import _FORMULA_SIGNS, _INVISIBLE
    from archive.audit.export import spreadsheet_safe as safe
    from archive.models import Asset
    from archive.takedowns import CSV_COLUMNS, _among
    from archive.text import display_name

    if connection.vendor != "sqlite":
        raise SystemExit("sql-lines is written for SQLite")
    space = "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) + "".join(_INVISIBLE)
    signs = sorted(_FORMULA_SIGNS)

    def cell(column: str) -> tuple[str, list]:
        # A tab or carriage return first, or a formula sign after spaces: a quote first.
        guarded = (
            f"(CASE WHEN substr({column}, 1, 1) IN (char(9), char(13)) OR "
            f"substr(ltrim({column}, %s), 1, 1) IN ({', '.join(['%s'] * len(signs))}) "
            f"THEN '''' || {column} ELSE {column} END)"
        )
        # Quoted (its quotes doubled) when it holds a comma, a quote or a line break.
        quoted = f"'\"' || replace({guarded}, '\"', '\"\"') || '\"'"
        sql = f"(CASE WHEN {column} GLOB %s THEN {quoted} ELSE {guarded} END)"
        return sql, ['*[,"\r\n]*', space, *signs, space, *signs]

    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def written(*cells) -> str:
        writer.writerow(cells)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    kinds = dict(Asset.Kind.choices)
    assets = {
        pk: written(f"#{pk} {display_name(title, filename, kinds.get(kind, kind))}", ways[pk])
        for pk, title, filename, kind in Asset.objects.filter(_among("id", list(ways)))
        .order_by()
        .values_list("id", "title", "original_filename", "kind")
    }
    before, after, params = ["p.id", "coalesce(a.published_on, '')"], [], []
    for column in ("a.publication", "a.headline", "a.url", "p.position", "p.print_page"):
        sql, more = cell(column) if column != "p.position" else (column, [])
        before.append(sql)
        params += more
    for column in ("p.caption", "p.credit_line"):
        sql, more = cell(column)
        after.append(sql)
        params += more
    joined = " || ',' || "
    statement = (
        f"SELECT p.id, p.asset_id, {joined.join(before)}, {joined.join(after)} "
        "FROM archive_placement p JOIN archive_article a ON a.id = p.article_id "
        "WHERE p.asset_id IN (SELECT value FROM json_each(%s)) ORDER BY p.asset_id, p.id"
    )
    lines = [written(*CSV_COLUMNS)]
    undealt = written("", "")
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, json.dumps(sorted(ways))])
        while chunk := cursor.fetchmany(chunk_size):
            for pk, asset, head, tail in chunk:
                state, note = states.get(pk, ("", ""))
                ending = written(state, safe(note)) if pk in states else undealt
                asset_cells = assets.get(asset, ",\r\n")[:-2]
                lines.append(
                    f"{head},{'' if asset is None else asset},{asset_cells},{tail},{ending}"
                )
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


ALTERNATIVES = {"joined-lines": joined_lines, "line-check": line_check, "sql-lines": sql_lines}


def h13878b1_csv_rows(placements, ways, states, *, chunk_size: int = 2000):
    """``takedowns.csv_rows`` as at 13878b1 (session 19's start): on PostgreSQL each chunk of
    rows fetched from the cursor after the chunk before it is written (``h13878b1_streamed``:
    Django's ``iterator()`` in a transaction), the server idle while the client writes and
    the client waiting while the server computes. ``csv_rows`` itself is run, with its
    ``_streamed`` swapped for that one while it runs (the lines' code is today's)."""
    from archive import takedowns

    today = takedowns._streamed
    takedowns._streamed = h13878b1_streamed
    try:
        yield from takedowns.csv_rows(placements, ways, states, chunk_size=chunk_size)
    finally:
        takedowns._streamed = today


def h13878b1_streamed(rows, chunk_size: int):
    """``takedowns._streamed`` as at 13878b1."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        yield from rows.iterator(chunk_size=chunk_size)
        return
    with transaction.atomic(savepoint=False):
        yield from rows.iterator(chunk_size=chunk_size)


def h9010bfd_csv_rows(ways, *, chunk_size: int = 2000):
    """``takedowns.csv_rows`` over ``impact_by_asset`` as at 9010bfd: each asset's name
    joined on its placements' rows, the reached ids as ``_ids_set`` (``IN (SELECT
    unnest(…))`` on PostgreSQL), the rows read by a plain ``iterator()`` (on PostgreSQL a
    cursor declared WITH HOLD)."""
    import csv
    import io

    from django.db.models import CharField
    from django.db.models.functions import Cast

    from archive.audit.export import spreadsheet_safe
    from archive.models import Asset, Placement
    from archive.takedowns import CSV_COLUMNS, _ids_set
    from archive.text import display_name

    placements = Placement.objects.filter(asset_id__in=_ids_set(ways)).order_by("asset_id", "id")
    states: dict = {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    kinds = dict(Asset.Kind.choices)
    # The day as the database writes it (ISO), not parsed into a date and written back; the
    # asset's name from its row, joined (read once per asset when the rows come picture by
    # picture), and written once per asset: a picture has several placements.
    rows = placements.values_list(
        "id",
        Cast("article__published_on", CharField()),
        "article__publication",
        "article__headline",
        "article__url",
        "position",
        "print_page",
        "asset_id",
        "caption",
        "credit_line",
        "asset__title",
        "asset__original_filename",
        "asset__kind",
    )
    names: dict[int, str] = {}
    safe = spreadsheet_safe
    undealt = ("", "")
    lines = []
    for row in rows.iterator(chunk_size=chunk_size):
        pk, published, publication, headline, url, position, print_page, asset_id = row[:8]
        name = names.get(asset_id)
        if name is None and asset_id is not None:  # none: a placement awaiting its file
            title, filename, kind = row[10:]
            label = display_name(title, filename, kinds.get(kind, kind))
            name = names[asset_id] = f"#{asset_id} {label}"  # "#" starts no formula
        state, note = states.get(pk, undealt)
        lines.append(
            (
                pk,
                published or "",
                safe(publication),
                safe(headline),
                safe(url),
                position,
                safe(print_page),
                asset_id,
                name or "",
                ways.get(asset_id, ""),
                safe(row[8]),
                safe(row[9]),
                state,
                safe(note),
            )
        )
        if len(lines) >= chunk_size:
            writer.writerows(lines)
            lines.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(lines)
    yield buffer.getvalue()


def h9010bfd_how_reached(base) -> dict[int, str]:
    """``takedowns.how_reached`` as at 9010bfd: the named assets' rows read twice (their
    videos, then the originals they copy)."""
    from archive.models import Asset
    from archive.takedowns import DIRECT, LOOK_ALIKE, STILL, _ids_set

    def ids(queryset, field: str = "id") -> list[int]:
        return list(queryset.order_by().values_list(field, flat=True))

    named = Asset.objects.filter(id__in=base)
    named_stills_videos = ids(named.filter(video__isnull=False), "video_id")
    ways = dict.fromkeys(ids(base), DIRECT)
    if not ways:
        return ways
    stills = ids(Asset.objects.filter(video__in=base))
    if named_stills_videos:
        stills += ids(Asset.objects.filter(video_id__in=_ids_set(named_stills_videos)))
    look_alikes = ids(Asset.objects.filter(near_duplicate_of__in=base))
    look_alikes += ids(named.filter(near_duplicate_of__isnull=False), "near_duplicate_of_id")
    for way, reached in ((STILL, stills), (LOOK_ALIKE, look_alikes)):
        for pk in reached:
            ways.setdefault(pk, way)
    return ways


def ab48827_csv_rows(placements, ways, states, *, chunk_size: int = 2000):
    """``takedowns.csv_rows`` as it was at ab48827: the reached assets' names read in one
    query before the first line, the placements' rows without their asset."""
    import csv
    import io

    from django.db.models import CharField
    from django.db.models.functions import Cast

    from archive.audit.export import spreadsheet_safe
    from archive.models import Asset
    from archive.takedowns import CSV_COLUMNS, _ids_set
    from archive.text import display_name

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    kinds = dict(Asset.Kind.choices)
    names = {
        pk: f"#{pk} {display_name(title, name, kinds.get(kind, kind))}"
        for pk, title, name, kind in Asset.objects.filter(id__in=_ids_set(ways))
        .order_by()
        .values_list("id", "title", "original_filename", "kind")
        .iterator(chunk_size=5000)
    }
    rows = placements.values_list(
        "id",
        Cast("article__published_on", CharField()),
        "article__publication",
        "article__headline",
        "article__url",
        "position",
        "print_page",
        "asset_id",
        "caption",
        "credit_line",
    )
    safe = spreadsheet_safe
    undealt = ("", "")
    lines = []
    for row in rows.iterator(chunk_size=chunk_size):
        pk, published, publication, headline, url, position, print_page, asset_id = row[:8]
        state, note = states.get(pk, undealt)
        lines.append(
            (
                pk,
                published or "",
                safe(publication),
                safe(headline),
                safe(url),
                position,
                safe(print_page),
                asset_id,
                names.get(asset_id, f"#{asset_id}"),
                ways.get(asset_id, ""),
                safe(row[8]),
                safe(row[9]),
                state,
                safe(note),
            )
        )
        if len(lines) >= chunk_size:
            writer.writerows(lines)
            lines.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(lines)
    yield buffer.getvalue()


def old_reached_assets(base):
    """The reached assets as read until 2026-12-04: one query a way, joined by UNION."""
    from archive.models import Asset

    named_stills = Asset.objects.filter(id__in=base, video__isnull=False)
    named_look_alikes = Asset.objects.filter(id__in=base, near_duplicate_of__isnull=False)
    return base.order_by().union(
        Asset.objects.filter(video__in=base).order_by().values("id"),
        Asset.objects.filter(video__in=named_stills.order_by().values("video"))
        .order_by()
        .values("id"),
        Asset.objects.filter(near_duplicate_of__in=base).order_by().values("id"),
        named_look_alikes.order_by().values("near_duplicate_of"),
    )


def old_how_reached(base) -> dict[int, str]:
    """``how_reached`` as it was until 2026-12-04 (over ``old_reached_assets``)."""
    from archive.models import Asset
    from archive.takedowns import DIRECT, LOOK_ALIKE, STILL

    named = set(base.order_by().values_list("id", flat=True))
    videos = set(
        Asset.objects.filter(id__in=base, video__isnull=False)
        .order_by()
        .values_list("video_id", flat=True)
    )
    reached = (
        Asset.objects.filter(id__in=old_reached_assets(base))
        .order_by()
        .values_list("id", "video_id")
    )
    ways = {}
    for pk, video_id in reached.iterator(chunk_size=5000):
        if pk in named:
            ways[pk] = DIRECT
        elif video_id is not None and (video_id in named or video_id in videos):
            ways[pk] = STILL
        else:
            ways[pk] = LOOK_ALIKE
    return ways


def _nulls_differ(page) -> bool:
    """The old order put undated articles first on SQLite; the archive dates every one."""
    return any(p.article.published_on is None for p in page)


if __name__ == "__main__":
    main()
