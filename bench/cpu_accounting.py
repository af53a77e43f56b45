"""Where a benchmark's cores go: the CPU seconds of each part of a deployment (servers and
workers started in sessions of their own, PostgreSQL's server with its backends), read from
Linux's /proc."""

from __future__ import annotations

import os
from pathlib import Path


def process_cpu() -> dict[int, tuple[int, int, float]]:
    """Every process's parent, session and CPU seconds so far (its own and its reaped
    children's), read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        # After the name: state, ppid, pgrp, session, ..., utime, stime, cutime, cstime
        cpu = sum(int(value) for value in fields[11:15]) / tick
        table[int(entry.name)] = (int(fields[1]), int(fields[3]), cpu)
    return table


def cpu_by_part(table: dict, parts: dict[str, list[int]], postmaster: int | None) -> dict:
    """CPU seconds so far of each part: the processes in the sessions listed (the servers
    and workers were started in sessions of their own) and PostgreSQL's server with its
    backends, when it runs on this machine."""
    figures = {
        name: sum(cpu for _, session, cpu in table.values() if session in sessions)
        for name, sessions in parts.items()
    }
    if postmaster in table:
        figures["PostgreSQL"] = table[postmaster][2] + sum(
            cpu for parent, _, cpu in table.values() if parent == postmaster
        )
    return figures


def postgres_postmaster() -> int | None:
    """The PostgreSQL server's process when it runs here (a backend's parent), else None."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        stat = Path(f"/proc/{backend}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2 :].split()[1])
