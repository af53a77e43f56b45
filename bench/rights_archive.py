"""The archive the rights benchmarks share (bench_rights, bench_prepublication,
bench_takedowns), generated in the database's own bulk path: one ``INSERT ... SELECT`` per
table over a series of numbers (SQLite's recursive CTE, PostgreSQL's ``generate_series``),
no Python object per row, so that the goals' 1M assets and 3M placements take minutes.

At ``count`` assets: 20 agencies, one of them (``TAKEDOWN_SUPPLIER``) holding 5 % of the
pictures and five (``SUPPLIERS``) with agreements (one with a monthly quota of one use per
hundred assets, one limited to the agency category, three requiring a credit line), one
picture in ten uncredited; one video in 50 with two stills cut from it; one picture in 40
recorded as a look-alike of the one five before; a usage category on a third, a licence on
four in five, a lease on three in a hundred; a pHash on each; a description word from
``WORDS`` (each in about one picture in a hundred). Three placements a picture over articles
of ten, published over five years, each printed with a caption and credit line. Then the
derived data every reader needs is rebuilt once (``derived.rebuild_all``).

The values are drawn from the row number by fixed multiplicative hashes, so the same size
gives the same archive on both engines.

    BENCH_ASSETS=1000000 make bench        (the size; bench/run.py passes it to each script)
    .venv/bin/python bench/bench_rights.py --assets 1000000 [--db postgres://…/rights_bench]
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DAY = date(2026, 6, 15)  # the day the verdicts are asked for
SUPPLIERS = ("Reuters", "GETTY", "AP", "AFP", "PA Media")
TAKEDOWN_SUPPLIER = "Agency 0"
CREDITS = 20
WORDS = tuple(
    "harbour convoy summit flood wildfire stadium parliament border refinery orchard "
    "cathedral glacier vineyard tramway lighthouse marathon embassy quarry shipyard festival "
    "monastery pipeline reservoir airfield brewery canyon ferry observatory prison railway "
    "senate tunnel volcano warehouse bazaar carnival dockyard estuary foundry gallery "
    "hangar island jetty kiln lagoon meadow nursery oasis pavilion quay rampart sawmill "
    "terrace upland viaduct windmill yard zoo abbey barracks citadel delta embankment "
    "fairground granary harbourside inlet junction keep lido market narrows outpost pier "
    "quarter ridge steppe tannery underpass valley wharf acropolis boulevard causeway "
    "dunes esplanade forge grotto heath isthmus knoll levee marsh".split()
)
DEFAULT_ASSETS = int(os.environ.get("BENCH_ASSETS") or 100_000)

# One multiplier per drawn value (salt), so that two draws of one row are not in step.
PRIMES = (
    2654435761,
    2246822519,
    3266489917,
    668265263,
    374761393,
    1181783497,
    2039347613,
    3141592661,
    2718281831,
    1618033991,
    1414213573,
    1732050821,
    2236067983,
    2449489747,
    2645751323,
    2828427127,
)
MODULUS = 1_000_003


def database_url(db: str, count: int, name: str = "rights") -> str:
    """Return the database URL: a PostgreSQL URL as given (its name must say ``bench``: it is
    emptied), else a SQLite file per size (``bench/out/<name>-<count>.sqlite3``)."""
    if db.startswith("postgres"):
        if "bench" not in db.rsplit("/", 1)[-1]:
            raise SystemExit("--db must name a PostgreSQL database whose name contains 'bench'.")
        return db
    if db:
        return f"sqlite:///{db}"
    OUT.mkdir(exist_ok=True)
    return f"sqlite:///{OUT / f'{name}-{count}.sqlite3'}"


def setup_django(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def engine() -> str:
    """Return a one-line description of the database measured."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


class Series:
    """SQL expressions of the row number ``n`` in the connected database's dialect."""

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor

    def draw(self, salt: int, k: int, n: str = "n") -> str:
        """A number in 0..k-1 drawn from the row number (uniform enough, fixed)."""
        return f"(((({n}) * {PRIMES[salt]} + {salt * 7919}) % {MODULUS}) % {k})"

    def choice(self, salt: int, values: list, n: str = "n") -> str:
        """One of ``values`` (ints, None, dates or plain strings), drawn from the row number."""
        cases = " ".join(
            f"WHEN {index} THEN {self.literal(value)}" for index, value in enumerate(values)
        )
        return f"(CASE {self.draw(salt, len(values), n)} {cases} END)"

    def literal(self, value) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, date):
            return f"DATE '{value.isoformat()}'" if self.vendor != "sqlite" else f"'{value}'"
        assert "'" not in value
        return f"'{value}'"

    def day(self, first: date, offset: str) -> str:
        """The day ``offset`` (an integer expression) days after ``first``."""
        if self.vendor == "sqlite":
            return f"date('{first.isoformat()}', ({offset}) || ' days')"
        return f"(DATE '{first.isoformat()}' + ({offset})::int)"

    def text(self, prefix: str, expression: str = "n", suffix: str = "") -> str:
        return f"('{prefix}' || CAST({expression} AS TEXT) || '{suffix}')"

    def hex64(self) -> str:
        if self.vendor == "sqlite":
            return "printf('%064x', n)"
        return "lpad(to_hex(n), 64, '0')"

    def random_hex16(self) -> str:
        if self.vendor == "sqlite":
            return "printf('%016x', random())"
        return "lpad(to_hex((random() * 9223372036854775807)::bigint), 16, '0')"

    def rows(self, count: int) -> tuple[str, str]:
        """Return the statement's prefix and its FROM clause for rows ``n`` = 1..count."""
        if self.vendor == "sqlite":
            return (
                f"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < "
                f"{int(count)}) ",
                "s",
            )
        return "", f"generate_series(CAST(1 AS BIGINT), {int(count)}) AS s(n)"


def insert_series(
    model, count: int, computed: dict[str, str], *, where: str = "", **constants
) -> int:
    """Insert one row per ``n`` in 1..count (those ``where`` holds for): ``computed`` columns
    from SQL expressions of ``n``, every other column its field's default (or a constant
    given by field name). Return the rows inserted."""
    from django.db import connection

    series = Series(connection.vendor)
    template = model(**constants)
    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in computed:
            values.append(computed[field.column].replace("%", "%%"))  # not a placeholder
        elif field.primary_key:
            columns.pop()
        else:
            values.append("%s")
            value = field.pre_save(template, add=True)
            params.append(field.get_db_prep_save(value, connection))
    prefix, source = series.rows(count)
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) {prefix}"
        f"SELECT {', '.join(values)} FROM {source}"
        + (f" WHERE {where.replace('%', '%%')}" if where else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def build(count: int) -> None:
    """Generate the archive of ``count`` assets (the database must be empty of them)."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from archive.derived import rebuild_all
    from archive.models import (
        Article,
        Asset,
        Credit,
        Licence,
        MediaLease,
        Placement,
        SupplierAgreement,
        UsageCategory,
        UsageRights,
    )

    s = Series(connection.vendor)
    articles = max(1, count * 3 // 10)
    steps: list[tuple[str, float]] = []

    def step(name: str, started: float) -> float:
        now = time.perf_counter()
        steps.append((name, now - started))
        return now

    started = time.perf_counter()
    with transaction.atomic():
        names = [*SUPPLIERS, TAKEDOWN_SUPPLIER] + [f"Agency {i}" for i in range(1, CREDITS - 5)]
        credits = [Credit.objects.create(name=name, kind=Credit.Kind.AGENCY) for name in names]
        agency = UsageCategory.objects.get(code="agency")
        for index, credit in enumerate(credits[: len(SUPPLIERS)]):
            agreement = SupplierAgreement.objects.create(
                supplier=credit,
                monthly_quota=max(1, count // 100) if index == 0 else None,
                required_credit_line=f"{credit.name}/" if index < 3 else "",
                starts_on=date(2021, 1, 1),
                social=index % 2 == 0,
            )
            if index == 1:
                agreement.categories.set([agency])
        ids = [credit.pk for credit in credits]
        # 5 % the takedown's agency, 10 % no credit, the rest over the others.
        bucket = s.draw(0, 100)
        credit = (
            f"(CASE WHEN {bucket} < 5 THEN {ids[len(SUPPLIERS)]} WHEN {bucket} < 15 THEN NULL "
            f"ELSE {s.choice(1, [pk for pk in ids if pk != ids[len(SUPPLIERS)]])} END)"
        )
        still = "(n > 50 AND n % 50 IN (1, 2))"
        insert_series(
            Asset,
            count,
            {
                "id": "n",
                "kind": f"(CASE WHEN n % 50 = 0 THEN 'video' WHEN {still} THEN 'still' "
                "ELSE 'photo' END)",
                "sha256": s.hex64(),
                "phash": s.random_hex16(),
                "format": "'jpeg'",
                "title": s.text("Rights bench "),
                "description": f"('A picture of the ' || {s.choice(2, list(WORDS))} || ' at dawn')",
                "credit_id": credit,
                "data_mining": s.choice(3, ["", "", "DMI-PROHIBITED-AIMLTRAINING"]),
                "video_id": f"(CASE WHEN {still} THEN n - n % 50 END)",
                "timecode": f"(CASE WHEN {still} THEN n % 50 END)",
                "near_duplicate_of_id": f"(CASE WHEN n % 40 = 7 AND n > 10 AND NOT {still} "
                "THEN n - 5 END)",
            },
        )
        started = step("assets", started)
        insert_series(
            Article,
            articles,
            {
                "id": "n",
                "headline": s.text("Rights bench story "),
                "publication": "'The Bench'",
                "url": s.text("https://bench.example/"),
                "published_on": s.day(date(2021, 7, 1), s.draw(4, 5 * 365)),
            },
        )
        started = step("articles", started)
        # Placement p: asset (p - 1) % count + 1, in an article drawn from p; its position
        # is p itself (unique in any article).
        insert_series(
            Placement,
            3 * count,
            {
                "id": "n",
                "article_id": f"({s.draw(5, articles)} + 1)",
                "asset_id": f"((n - 1) % {count} + 1)",
                "position": "n",
                "caption": s.text("Bench caption ", "n", " as printed"),
                "credit_line": "'(Image: Agency)'",
            },
        )
        started = step("placements", started)
        categories = list(UsageCategory.objects.values_list("pk", flat=True))
        insert_series(
            UsageRights,
            count,
            {"asset_id": "n", "category_id": s.choice(6, categories)},
            where=f"{s.draw(7, 3)} = 0",
        )
        insert_series(
            Licence,
            count,
            {
                "asset_id": "n",
                "licence_type": s.choice(8, ["rights_managed", "editorial", "social_embed"]),
                "starts_on": s.literal(date(2020, 1, 1)),
                "expires_on": s.choice(9, [None, date(2025, 1, 1), date(2027, 1, 1)]),
            },
            where=f"{s.draw(10, 5)} < 4",
        )
        back = s.draw(12, 60)
        insert_series(
            MediaLease,
            count,
            {
                "asset_id": "n",
                "access": s.choice(11, ["deny", "allow"]),
                "starts_on": s.day(DAY, f"-{back}"),
                "ends_on": s.day(DAY, f"{s.draw(13, 120)} - {back}"),
            },
            where=f"{s.draw(14, 100)} < 3",
        )
        started = step("usage rights, licences, leases", started)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(), [Asset, Article, Placement, UsageRights, Licence, MediaLease]
            ):
                cursor.execute(sql)
    rebuild_all()  # bulk inserts send no signal
    started = step("derived data (rebuild_all)", started)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    step("ANALYZE", started)
    print(
        f"generated {count:,} assets, {3 * count:,} placements on {engine()}: "
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in steps),
        flush=True,
    )


def prepare(db: str, count: int, name: str = "rights") -> None:
    """Set Django up on the benchmark's database and generate the archive unless it holds
    one of this size already (another size: emptied first)."""
    url = database_url(db, count, name)
    setup_django(url)
    from django.core.management import call_command

    from archive.models import Asset

    call_command("migrate", verbosity=0)
    have = Asset.objects.count()
    if have == count:
        return
    if have:  # another size: start again from an empty schema
        from django.db import connection

        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA foreign_keys = OFF")
                cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                for (table,) in cursor.fetchall():
                    if not table.startswith("sqlite_"):
                        cursor.execute(f'DROP TABLE "{table}"')
                cursor.execute("PRAGMA foreign_keys = ON")
            else:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        call_command("migrate", verbosity=0)
    build(count)
