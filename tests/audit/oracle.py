"""The audit facts' rules in plain Python, the oracle the SQL writer (``archive.audit.facts``)
is checked against: what one asset's licence and placement rows make of its facts row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from archive.audit.rules import SOCIAL_EMBED
from archive.provenance import AI_SOURCE_TYPES, discloses_ai


def licence_facts(licences: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return the licence window and facts of one asset's licences (rows as dicts).

    A missing start or expiry on any licence makes the window open on that side; the window
    is "single" when one licence starts first and ends last, so its status is the asset's.
    """
    if not licences:
        return {
            "licence_count": 0,
            "licence_starts_on": None,
            "licence_expires_on": None,
            "licence_window_single": True,
            "licence_verified": False,
            "licence_kinds": 0,
            "licence_licensors": 0,
            "licence_licensor_key": "",
        }
    starts: list[date | None] = [row["starts_on"] for row in licences]
    expires: list[date | None] = [row["expires_on"] for row in licences]
    window_start = None if None in starts else min(starts)
    window_end = None if None in expires else max(expires)
    spanning = any(
        (row["starts_on"] is None or row["starts_on"] == window_start)
        and (row["expires_on"] is None or row["expires_on"] == window_end)
        for row in licences
    )
    embed = any(row["licence_type"] == SOCIAL_EMBED for row in licences)
    other = any(row["licence_type"] != SOCIAL_EMBED for row in licences)
    licensors = sorted({row["licensor_key"] for row in licences if row["licensor_key"]})
    return {
        "licence_count": len(licences),
        "licence_starts_on": window_start,
        "licence_expires_on": window_end,
        "licence_window_single": len(licences) <= 1 or spanning,
        "licence_verified": any(row["verified_at"] is not None for row in licences),
        "licence_kinds": int(embed) + 2 * int(other),
        "licence_licensors": len(licensors),
        "licence_licensor_key": licensors[0] if licensors else "",
    }


def placement_facts(placements: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return how often an asset is printed, under which credit records, and whether a
    placement prints a credit line that matched no credit record."""
    credits = sorted({row["credit_id"] for row in placements if row["credit_id"] is not None})
    return {
        "placement_count": len(placements),
        "printed_credits": len(credits),
        "printed_credit_id": credits[0] if credits else None,
        "printed_line_only": any(
            row["credit_id"] is None and row["credit_line"] for row in placements
        ),
    }


def ai_disclosure_facts(
    digital_source_type: str, placements: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Return how many placements print an AI-made picture without saying it was made with AI
    (no phrase of ``AI_DISCLOSURE_PHRASES`` in the caption or the credit line)."""
    if digital_source_type not in AI_SOURCE_TYPES:
        return {"ai_undisclosed_placements": 0}
    silent = [row for row in placements if not discloses_ai(row["caption"], row["credit_line"])]
    return {"ai_undisclosed_placements": len(silent)}
