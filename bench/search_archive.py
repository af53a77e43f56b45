"""The search benchmark's archive generated in PostgreSQL's own bulk path: one ``INSERT ...
SELECT`` per table over ``generate_series`` (no Python object per row), so that 1M and 5M
assets take minutes where ``bench_search.generate`` (``bulk_create``) took most of an hour
at 1M.

The same archive as ``bench_search.generate`` draws (its vocabularies, templates, Zipf skews
and shares: a caption template in five, a village in 30 % of captions, "Ukraine" in 8.7 %,
the rare creator in 0.02 %, one or two placements a picture, claims on 30 %, a licence on 60
%), drawn by the database: ``random()`` after ``setseed`` for the texts (the same size gives
the same archive), fixed multiplicative hashes of the asset's number for what two tables
must agree on (its credit, its placements and claims). Not row for row the same archive as
the Python generator's, so the hit counts differ from it by a few per cent.

Only the catalogue's tables are written: the derived data (facts, search documents) is
rebuilt by the caller (``bench_search.py`` does, and times it), or by ``build``:

    .venv/bin/python bench/search_archive.py --size 5000000 --db postgres://…/search_bench_5m
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import (  # noqa: E402
    ACTIONS,
    CLAIMANTS,
    CREDITS,
    FIRST_NAMES,
    HEADLINE_PARTS,
    OBJECTS,
    PEOPLE,
    PLACES,
    SUBJECTS,
    SURNAMES,
    VILLAGES,
)
from bench.rights_archive import Series, database_url, engine, insert_series, setup_django  # noqa: E402

SLOTS = 4096  # a Zipf choice is a uniform pick among this many slots


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def zipf_slots(count: int, skew: float) -> list[int]:
    """Return ``SLOTS`` item numbers (1-based), each item in a share of the slots
    proportional to 1/rank**skew, as ``bench_search.zipf_choice`` draws."""
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** skew for rank in range(count)))
    total = cumulative[-1]
    slots, item = [], 0
    for slot in range(SLOTS):
        point = (slot + 0.5) / SLOTS * total
        while cumulative[item] < point:
            item += 1
        slots.append(item + 1)
    return slots


def uniform(count: int) -> str:
    """A number in 1..count drawn by ``random()``."""
    return f"(1 + floor(random() * {count})::int)"


def pick(items: list[str], skew: float | None = None) -> str:
    """One of ``items`` drawn by ``random()``: uniformly, or Zipfian with ``skew``."""
    values = "ARRAY[" + ", ".join(quoted(item) for item in items) + "]::text[]"
    if skew is None:
        return f"({values})[{uniform(len(items))}]"
    slots = "ARRAY[" + ", ".join(map(str, zipf_slots(len(items), skew))) + "]"
    return f"({values})[({slots})[{uniform(SLOTS)}]]"


def caption_sql() -> str:
    """A caption in the news-desk style of ``bench_search.caption``, as an SQL expression."""
    place = pick(PLACES, 1.0)
    subject, person, thing = pick(SUBJECTS, 1.0), pick(PEOPLE, 1.0), pick(OBJECTS, 1.0)
    templates = [
        f"{subject} || ' ' || {pick(ACTIONS)} || ' ' || {place}",
        f"{person} || ' speaks during a meeting in ' || {place}",
        f"{person} || ' visits ' || {subject} || ' near ' || {place}",
        f"'A view of ' || {thing} || ' in ' || {place}",
        f"{subject} || ' stand beside ' || {thing} || ' in ' || {place}",
    ]
    cases = " ".join(f"WHEN {index} THEN {text}" for index, text in enumerate(templates))
    return (
        f"((CASE floor(random() * 5)::int {cases} END)"
        f" || (CASE WHEN random() < 0.3 THEN ' near the village of ' || {pick(VILLAGES)}"
        " ELSE '' END)"
        " || (CASE WHEN random() < 0.087 THEN ', Ukraine' ELSE '' END)"
        f" || ', on ' || {uniform(28)} || ' ' || {pick(['March', 'October', 'June'])}"
        f" || ' ' || (2013 + {uniform(11)}))"
    )


def thousands(number: str) -> str:
    """``number`` (an integer expression below a million) written as Python's ``{:,}``."""
    return (
        f"(CASE WHEN {number} < 1000 THEN ({number})::text ELSE ({number}) / 1000 || ','"
        f" || lpad((({number}) % 1000)::text, 3, '0') END)"
    )


def generate_sql(size: int, *, seed: float = 0.4) -> None:
    """Fill the (empty, migrated) PostgreSQL database with ``size`` assets and everything
    around them: credits with aliases, articles, claims, placements, illustrations and
    licences (no derived data)."""
    from django.db import connection, transaction

    from archive.models import (
        Article,
        Asset,
        Claim,
        Credit,
        CreditAlias,
        Illustration,
        Licence,
        Placement,
    )
    from archive.text import credit_key

    assert connection.vendor == "postgresql", "the SQL generator writes PostgreSQL"
    s = Series(connection.vendor)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(%s)", [seed])
            # The keys are valid by construction; checking them is a deferred trigger a row
            # at commit (most of the load's time at 1M). A superuser's bulk load skips them,
            # as pg_restore --disable-triggers does: the tables have no other triggers.
            cursor.execute("SET LOCAL session_replication_role = replica")
        names = {}
        for name, kind, aliases in CREDITS:
            credit = Credit.objects.create(name=name, kind=kind, reviewed=True)
            names[credit.pk] = name
            for alias in aliases:
                if not CreditAlias.objects.filter(key=credit_key(alias)).exists():
                    CreditAlias.objects.create(credit=credit, alias=alias)
        ids = list(names)
        articles = max(20, size // 25)
        claims = max(20, size // 10)
        insert_series(
            Article,
            articles,
            {
                "id": "n",
                "headline": f"({pick(HEADLINE_PARTS)} || ': ' || {pick(PEOPLE, 1.0)} || ' and '"
                f" || {pick(PLACES, 1.0)} || ' ' || n)",
                "publication": "'Daily Express'",
                "published_on": "(DATE '2022-01-01' + floor(random() * 1000)::int)",
            },
        )
        insert_series(
            Claim,
            claims,
            {
                "id": "n",
                "article_id": uniform(articles),
                "text": f"({thousands('(100 + floor(random() * 89900)::int)')} || ' '"
                f" || {pick(SUBJECTS, 1.0)} || ' were killed or wounded near '"
                f" || {pick(PLACES, 1.0)})",
                "claimant": pick(CLAIMANTS, 1.0),
                "status": pick(["unverified", "unverified", "verified", "disputed", "false"]),
            },
        )
        # The asset's credit is a hash of its number, so its placements name the same one.
        credit_slots = zipf_slots(len(ids), 0.8)
        credit_of = (
            f"(ARRAY[{', '.join(str(ids[slot - 1]) for slot in credit_slots)}])"
            f"[1 + {s.draw(0, SLOTS, '{n}')}]"
        )
        name_of = (
            "(CASE {credit} "
            + " ".join(f"WHEN {pk} THEN {quoted(name)}" for pk, name in names.items())
            + " END)"
        )
        photographers = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        credit = credit_of.format(n="n")
        insert_series(
            Asset,
            size,
            {
                "id": "n",
                "sha256": s.hex64(),
                "kind": pick(["photo"] * 6 + ["video", "social", "graphic"]),
                "format": "'jpeg'",
                "title": f"left({caption_sql()}, 80)",
                "description": caption_sql(),
                "credit_id": credit,
                "creator": "(CASE WHEN random() < 0.0002 THEN 'Taras Ostapchuk' ELSE "
                f"{pick(photographers, 1.1)} END)",
                "copyright_notice": "('© ' || " + name_of.format(credit=credit) + ")",
                "date_taken": "(TIMESTAMPTZ '2014-01-01 00:00:00+00'"
                " + floor(random() * 5000000) * INTERVAL '1 minute')",
                "width": "4000",
                "height": "3000",
            },
        )
        # Placement n: asset (n - 1) % size + 1; every asset has one, three in ten a second.
        asset = f"((n - 1) % {size} + 1)"
        printed = "('(Image: ' || " + name_of.format(credit=credit_of.format(n=asset)) + " || ')')"
        insert_series(
            Placement,
            2 * size,
            {
                "id": "n",
                "article_id": uniform(articles),
                "asset_id": asset,
                "position": "n",
                "caption": f"({caption_sql()} || ' ' || {printed})",
                "credit_line": printed,
            },
            where=f"n <= {size} OR {s.draw(1, 10, asset)} < 3",
        )
        # Claims on three assets in ten: one, or two different ones for half of them.
        first = f"(1 + {s.draw(3, claims, asset)})"
        insert_series(
            Illustration,
            2 * size,
            {
                "asset_id": asset,
                "claim_id": f"(CASE WHEN n <= {size} THEN {first} ELSE"
                f" ({first} + {s.draw(4, claims - 1, asset)}) % {claims} + 1 END)",
            },
            where=f"{s.draw(2, 10, asset)} < 3 AND (n <= {size} OR {s.draw(5, 2, asset)} = 0)",
        )
        today = date.today().isoformat()
        insert_series(
            Licence,
            size,
            {
                "asset_id": "n",
                "licence_type": "'editorial'",
                "expires_on": f"(DATE '{today}' - 400 + floor(random() * 1200)::int)",
            },
            where="random() < 0.6",
        )
        with connection.cursor() as cursor:
            for table in ("archive_article", "archive_claim", "archive_asset", "archive_placement"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT MAX(id) FROM {table}))"
                )


CATALOGUE_TABLES = (
    "archive_article",
    "archive_claim",
    "archive_asset",
    "archive_placement",
    "archive_illustration",
    "archive_licence",
)


def drop_indexes(tables: Sequence[str]) -> list[str]:
    """Drop the indexes of ``tables`` that no constraint needs (keys and unique constraints
    stay); return their definitions, to be made again by ``make_indexes``."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " WHERE i.indrelid::regclass::text = ANY(%s) AND NOT EXISTS (SELECT 1 FROM"
            " pg_constraint c WHERE c.conindid = i.indexrelid)",
            [list(tables)],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in indexes]


def make_indexes(definitions: Sequence[str]) -> None:
    """Make the dropped indexes again, each from a sort of its whole table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for definition in definitions:
            cursor.execute(definition)


def build(size: int) -> list[tuple[str, float]]:
    """Generate the archive of ``size`` assets in the (empty, migrated) database, rebuild its
    derived data and statistics; return each step's seconds.

    As ``pg_restore`` does, the tables are loaded without their indexes (other than those
    of their keys and unique constraints) and indexed afterwards: one sort a B-tree and one
    build of the GIN index, where inserting millions of rows one by one into 26 indexes of
    the asset table and into the documents' GIN index cost most of the time. The indexes
    made again are the migrations' own, read back from the catalogue."""
    from django.db import connection

    from archive.audit.facts import rebuild_facts
    from archive.search.backends.base import DOCUMENT_TABLE
    from archive.search.documents import rebuild_search_index

    steps: list[tuple[str, float]] = []
    started = time.perf_counter()

    def step(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        steps.append((name, now - started))
        print(f"  {name}: {now - started:.0f} s", file=sys.stderr, flush=True)
        started = now

    catalogue = drop_indexes(CATALOGUE_TABLES)
    generate_sql(size)
    step("catalogue tables (SQL)")
    make_indexes(catalogue)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    step("their indexes, VACUUM ANALYZE")
    rebuild_facts()
    step("facts (rebuild_facts)")
    documents = drop_indexes([DOCUMENT_TABLE])
    rebuild_search_index()
    step("search documents (rebuild_search_index)")
    make_indexes(documents)
    step("search documents' indexes")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    step("VACUUM ANALYZE")
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--db", required=True, help="postgres://…/<a name with 'bench'>")
    options = parser.parse_args(argv)
    setup_django(database_url(options.db, options.size))
    from django.core.management import call_command

    from archive.models import Asset

    call_command("migrate", verbosity=0)
    if Asset.objects.exists():
        raise SystemExit("The database holds assets already: generate into an empty one.")
    steps = build(options.size)
    print(
        f"generated {options.size:,} assets on {engine()} in {sum(s for _, s in steps):.0f} s: "
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in steps)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
