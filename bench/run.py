"""Run benchmarks: every ``bench/bench_*.py`` named on the command line, or all of them.

    .venv/bin/python bench/run.py [bench_audit.py ...]

Each script has a ``main()`` that prints its own table (figure, baseline measured in the same
run, ratio). They run one after another, never in parallel: the machine's cores are shared.
``BENCH_ASSETS`` sets the archive size of the rights benchmarks (bench_rights,
bench_prepublication, bench_takedowns: 100 000 unless set; their goals are at 1 000 000):
``make bench BENCH_ASSETS=1000000``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Benchmarks time the work, asked for as fast as one user can: not the per-user request rates
# (ARCHIVE_*_THROTTLE_RATE), which would answer 429 within a second. Nor one log line each.
os.environ.setdefault("ARCHIVE_API_THROTTLE_RATE", "off")
os.environ.setdefault("ARCHIVE_SEARCH_THROTTLE_RATE", "off")
os.environ.setdefault("ARCHIVE_LOG_LEVEL", "WARNING")


def scripts(names: list[str]) -> list[Path]:
    """Return the benchmark scripts to run, in a stable order."""
    if not names:
        return sorted(HERE.glob("bench_*.py"))
    return [HERE / Path(name).name for name in names]


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    for path in scripts(names):
        if not path.exists():
            print(f"no such benchmark: {path.name}", file=sys.stderr)
            return 2
        print(f"=== {path.name} ===", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        sys.argv = [str(path)]  # each script parses its own (default) options
        module.main()
        print(f"({path.name} took {time.perf_counter() - started:.0f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
