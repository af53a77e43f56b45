"""kill -9 during `ingest` of a folder and `import_bag` of a bag, at random moments, then run
again: the archive equals an uninterrupted run's, with no orphan, no lost record, no second
copy, nothing left in staging, and fixity clean. `make chaos` runs the long version."""

from __future__ import annotations

import sys

import pytest

from tests.preservation.crash import chaos, table

KILLS = 5  # per command; `make chaos` kills 30 times each


@pytest.mark.crash
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_commands_killed_at_random_moments_leave_the_archive_whole(tmp_path):
    tallies = chaos(KILLS, workdir=tmp_path, fixity_every_round=False)
    report = table(tallies)
    print(report)
    for tally in tallies:
        assert tally.kills >= KILLS, report
        assert (tally.orphans, tally.lost, tally.duplicates, tally.leftovers) == (0, 0, 0, 0), (
            report
        )
        assert tally.mismatches == [], tally.mismatches
        assert tally.fixity_failures == 0, report
