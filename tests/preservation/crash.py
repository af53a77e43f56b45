"""The crash harness: run `ingest` and `import_bag` in a subprocess, kill -9 them at random
moments, run them again, and compare the archive with an uninterrupted run.

Each command runs in its own archive (a copy of a migrated SQLite file and an empty media
folder, passed through DATABASE_URL and ARCHIVE_MEDIA_ROOT). A round starts from an empty
archive and runs the command again and again, each run killed after a random delay, until a
run finishes by itself; then the archive must equal the uninterrupted run's (every table's
row count, every asset's hash and file names, every stored file's bytes), hold no staged
file and no journal row, and pass `fixity --orphans`. After every kill, what the archive holds
is checked too: no file outside staging that no row names, and every row's files either in
place or staged and journalled (so the next run can finish them).

Used by tests/preservation/test_crash.py (5 kills a command) and by `make chaos`:
``python -m tests.preservation.crash --kills 30`` prints the table. It imports no Django code:
everything goes through `manage.py`, the SQLite file and the media folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

PROJECT = Path(__file__).resolve().parents[2]
RESERVED = ("staging", "quarantine")
PICTURES = 16


def make_pictures(folder: Path, count: int = PICTURES, seed: int = 7) -> None:
    """Write ``count`` different JPEGs (1200×900, a few hundred KB each) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for index in range(count):
        image = Image.new("RGB", (1200, 900), tuple(rng.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y, r = rng.randrange(1200), rng.randrange(900), rng.randrange(10, 300)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        for _ in range(3000):  # fine detail, so the files are not tiny
            x, y = rng.randrange(1200), rng.randrange(900)
            draw.point((x, y), fill=tuple(rng.randrange(256) for _ in range(3)))
        image.save(folder / f"picture-{index:02d}.jpg", "JPEG", quality=95)


class Archive:
    """One archive for the harness: a SQLite file and a media folder."""

    def __init__(self, folder: Path, template: Path | None) -> None:
        self.folder = folder
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        self.db = folder / "db.sqlite3"
        self.media = folder / "media"
        self.media.mkdir()
        if template is not None:
            shutil.copyfile(template, self.db)

    @property
    def env(self) -> dict:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=f"sqlite:///{self.db}",
            ARCHIVE_MEDIA_ROOT=str(self.media),
            ARCHIVE_STORAGE="filesystem",
            DJANGO_SETTINGS_MODULE="config.settings",
            PYTHONUNBUFFERED="1",
        )
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, str(PROJECT / "manage.py"), *args]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            self.command(*args), env=self.env, cwd=PROJECT, capture_output=True, text=True
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            self.command(*args),
            env=self.env,
            cwd=PROJECT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def state(self) -> State:
        """Read the archive as it is now (the database as committed, every stored file)."""
        connection = sqlite3.connect(self.db)
        try:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'"
                )
            ]
            counts = {
                table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                for table in tables
            }
            assets = sorted(
                connection.execute(
                    "SELECT sha256, file, thumbnail, preview, width, height, bytes "
                    "FROM archive_asset"
                )
            )
            journal = set(connection.execute("SELECT operation, name FROM archive_stagedfile"))
        finally:
            connection.close()
        files, staged = {}, set()
        for path in self.media.rglob("*"):
            if not path.is_file():
                continue
            name = path.relative_to(self.media).as_posix()
            if name.startswith(f"{RESERVED[0]}/"):
                staged.add(name)
            elif not name.startswith(f"{RESERVED[1]}/"):
                files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        return State(counts=counts, assets=assets, journal=journal, files=files, staged=staged)


@dataclass
class State:
    counts: dict[str, int]
    assets: list[tuple]
    journal: set[tuple[str, str]]
    files: dict[str, str]  # stored name (outside staging) -> SHA-256
    staged: set[str]

    def named(self) -> set[str]:
        return {name for row in self.assets for name in row[1:4] if name}

    def orphans(self) -> list[str]:
        """Files outside staging that no row names."""
        return sorted(set(self.files) - self.named())

    def unrecoverable(self) -> int:
        """Rows with a file neither in place nor staged and journalled: lost records."""
        journalled = {name: f"{operation}/{name}" for operation, name in self.journal}
        lost = 0
        for row in self.assets:
            for name in row[1:4]:
                if name and name not in self.files and journalled.get(name) not in self.staged:
                    lost += 1
                    break
        return lost

    def duplicate_copies(self) -> int:
        """Stored files holding bytes that another stored file holds already."""
        return sum(count - 1 for count in Counter(self.files.values()).values())


@dataclass
class Tally:
    command: str
    kills: int = 0
    mid_write: int = 0  # kills that left staged files or journal rows to sweep or finish
    runs: int = 0
    rounds: int = 0
    orphans: int = 0
    lost: int = 0
    duplicates: int = 0
    leftovers: int = 0  # staged files or journal rows left after the command finished
    mismatches: list[str] = field(default_factory=list)
    fixity_failures: int = 0
    seconds: float = 0.0
    seed: int = 0

    @property
    def clean(self) -> bool:
        return not (
            self.orphans
            or self.lost
            or self.duplicates
            or self.leftovers
            or self.mismatches
            or self.fixity_failures
        )


def compare(final: State, baseline: State, tally: Tally) -> None:
    """Count what differs from the uninterrupted run."""
    for table, count in baseline.counts.items():
        found = final.counts.get(table, 0)
        if found < count:
            tally.lost += count - found
            tally.mismatches.append(f"{table}: {found} rows, {count} expected")
        elif found > count:
            tally.mismatches.append(f"{table}: {found} rows, {count} expected")
    if final.assets != baseline.assets:
        tally.mismatches.append("assets differ from the uninterrupted run")
    if final.files != baseline.files:
        missing = set(baseline.files) - set(final.files)
        tally.mismatches.append(
            f"stored files differ: {len(missing)} missing, "
            f"{len(set(final.files) - set(baseline.files))} extra"
        )
    tally.orphans += len(final.orphans())
    tally.duplicates += final.duplicate_copies()
    tally.leftovers += len(final.staged) + len(final.journal)


def fixity_clean(archive: Archive) -> bool:
    done = archive.run("fixity", "--orphans", "--json", check=False)
    if done.returncode != 0:
        return False
    report = json.loads(done.stdout)
    return not (report["orphans"] or report["missing"] or report["altered"])


def cpu_seconds(pid: int) -> float | None:
    """Return the processor time a running process has used (from /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_until(process: subprocess.Popen, *, cpu: float | None = None, aim=None) -> bool:
    """Wait for the process, killing it (SIGKILL) at the moment chosen; return whether it was
    killed. ``cpu``: once it has used that many seconds of processor time (not wall time, so
    moments fall alike on a busy machine). ``aim``: (staging folder, seconds): that long after
    a write is first seen in flight (something in staging), to hit the narrow windows."""
    if cpu is None and aim is None:
        process.wait()
        return False
    seen_at = None
    while process.poll() is None:
        if cpu is not None:
            used = cpu_seconds(process.pid)
            due = used is not None and used >= cpu
        else:
            folder, delay = aim
            if seen_at is None and folder.is_dir() and any(folder.iterdir()):
                seen_at = time.monotonic()
            due = seen_at is not None and time.monotonic() - seen_at >= delay
        if due:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.001)
    return False


def timed(archive: Archive, *args: str) -> float:
    """Run a command to its end; return the processor time it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    archive.run(*args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def kill_rounds(
    command: tuple[str, ...],
    *,
    kills: int,
    baseline: State,
    template: Path,
    workdir: Path,
    window: tuple[float, float],
    aim: float,
    rng: random.Random,
    name: str,
    fixity_every_round: bool,
) -> Tally:
    """Kill ``command`` ``kills`` times, each at a random moment (``window``: processor
    seconds since its start; or up to ``aim`` seconds after a write is seen), rerunning it after each kill, round after round from an empty
    archive; after each round compare the archive with ``baseline``."""
    tally = Tally(name)
    started = time.monotonic()
    while tally.kills < kills:
        tally.rounds += 1
        archive = Archive(workdir / f"{name}-round", template)
        while True:
            process = archive.start(*command)
            tally.runs += 1
            moment = {}
            if tally.kills < kills:
                # Half the kills at any moment of the run, half while a write is in flight.
                if rng.random() < 0.5:
                    moment["cpu"] = rng.uniform(*window)
                else:
                    moment["aim"] = (archive.media / "staging", rng.uniform(0, aim))
            if not run_until(process, **moment):
                if process.returncode != 0:
                    tally.mismatches.append(f"a run ended with exit code {process.returncode}")
                break
            tally.kills += 1
            state = archive.state()
            tally.mid_write += bool(state.staged or state.journal)
            tally.orphans += len(state.orphans())
            tally.lost += state.unrecoverable()
            tally.duplicates += state.duplicate_copies()
        compare(archive.state(), baseline, tally)
        if fixity_every_round or tally.kills >= kills:
            tally.fixity_failures += not fixity_clean(archive)
    tally.seconds = time.monotonic() - started
    return tally


def chaos(
    kills: int,
    *,
    seed: int | None = None,
    workdir: Path | None = None,
    fixity_every_round: bool = True,
) -> list[Tally]:
    """Run both commands' kill rounds; return their tallies."""
    seed = random.randrange(2**32) if seed is None else seed
    rng = random.Random(seed)
    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="archive-chaos-")) if own else workdir
    try:
        template_archive = Archive(workdir / "template", None)
        template_archive.run("migrate", "--noinput")
        template = workdir / "template.sqlite3"
        shutil.copyfile(template_archive.db, template)
        pictures = workdir / "pictures"
        make_pictures(pictures)

        # The uninterrupted runs; exporting the bag tells how long Django takes to start.
        source = Archive(workdir / "ingest-baseline", template)
        ingest_cpu = timed(source, "ingest", str(pictures))
        ingest_baseline = source.state()
        bag = workdir / "bag"
        startup = timed(source, "export_bag", str(bag))
        restored = Archive(workdir / "import-baseline", template)
        import_cpu = timed(restored, "import_bag", str(bag))
        import_baseline = restored.state()

        tallies = []
        # Aimed kills: within a file's write for ingest, within the whole restore for a bag.
        for name, command, baseline, cpu, aim in (
            ("ingest", ("ingest", str(pictures)), ingest_baseline, ingest_cpu, 0.08),
            ("import_bag", ("import_bag", str(bag)), import_baseline, import_cpu, 1.0),
        ):
            # From late in Django's start (a kill there is harmless but possible) to the end.
            window = (0.7 * startup, max(cpu, startup))
            tallies.append(
                kill_rounds(
                    command,
                    kills=kills,
                    baseline=baseline,
                    template=template,
                    workdir=workdir,
                    window=window,
                    aim=aim,
                    rng=rng,
                    name=name,
                    fixity_every_round=fixity_every_round,
                )
            )
        for tally in tallies:
            tally.seed = seed
        return tallies
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


def table(tallies: list[Tally]) -> str:
    """Return the chaos table: one line per command and a total."""
    head = (
        "| command | kills | kills mid-write | runs | rounds | orphans | lost records "
        "| duplicate copies | left in staging | fixity | seconds |"
    )
    lines = [head, "|" + " --- |" * 11]

    def line(label: str, items: list[Tally]) -> str:
        fixity = "clean" if not any(t.fixity_failures for t in items) else "FAILED"
        return (
            f"| {label} | {sum(t.kills for t in items)} | {sum(t.mid_write for t in items)} "
            f"| {sum(t.runs for t in items)} | {sum(t.rounds for t in items)} "
            f"| {sum(t.orphans for t in items)} | {sum(t.lost for t in items)} "
            f"| {sum(t.duplicates for t in items)} | {sum(t.leftovers for t in items)} "
            f"| {fixity} | {sum(t.seconds for t in items):.0f} |"
        )

    lines.extend(line(t.command, [t]) for t in tallies)
    lines.append(line("total", tallies))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=30, help="kills per command")
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    tallies = chaos(options.kills, seed=options.seed)
    print(f"seed {tallies[0].seed}, {PICTURES} pictures; the bag holds their archive")
    print(table(tallies))
    for tally in tallies:
        for mismatch in tally.mismatches:
            print(f"{tally.command}: {mismatch}")
    return 0 if all(t.clean for t in tallies) else 1


if __name__ == "__main__":
    sys.exit(main())
