"""The desk's starting list of usage categories.

Migration 0011 seeds the same list (a migration imports no app code, so it keeps its own copy);
the seed loader calls ``ensure_default_categories`` so a database emptied since (a test that
flushes it) gets the list back.
"""

from __future__ import annotations

CATEGORIES = [
    ("agency", "Agency", "pay", True, ""),
    ("staff", "Staff", "free", False, ""),
    ("commissioned", "Commissioned", "free", False, "As the commission's terms say."),
    ("handout", "Handout", "free", False, "Editorial use in connection with its subject only."),
    ("pr", "PR", "conditional", False, "Only in coverage of the product, event or person shown."),
    ("pool", "Pool", "free", False, "Pool members only."),
    (
        "social-embed",
        "Social embed",
        "conditional",
        True,
        "Embed the original post; do not host the file.",
    ),
    (
        "screengrab",
        "Screengrab",
        "conditional",
        False,
        "Credit the broadcaster; news reporting only.",
    ),
    (
        "obituary",
        "Obituary",
        "conditional",
        False,
        "Only to illustrate the obituary of the person shown.",
    ),
]


def ensure_default_categories() -> int:
    """Create the starting categories that are missing (by code); return how many."""
    from archive.models import UsageCategory

    made = 0
    for position, (code, name, cost, needs_licence, restrictions) in enumerate(CATEGORIES):
        _, created = UsageCategory.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "cost": cost,
                "needs_licence": needs_licence,
                "restrictions": restrictions,
                "position": position,
            },
        )
        made += created
    return made
