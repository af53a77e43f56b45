"""Workflows with side effects that several entry points share (the admin, commands, the API).

Rules about one record stay on the models (``clean()``, constraints) so the admin obeys them;
what lives here changes many records at once and must keep their derived data true.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from simple_history.models import HistoricalChanges
from simple_history.utils import bulk_update_with_history

from archive.agencies import AGENCIES, Agency, agency_named
from archive.derived import refresh_assets
from archive.models import Asset, Credit, CreditAlias, Placement
from archive.rights.usage import recount_credits
from archive.text import credit_key


@transaction.atomic
def merge_credits(sources: list[Credit], target: Credit, *, user=None) -> int:
    """Merge ``sources`` into ``target``: move what points at them, keep their names as aliases.

    Every row that refers to a merged credit (assets, placements, whatever else names a
    credit) is moved with its history recorded; the merged credits' names and aliases become
    the target's aliases; the merged credits are deleted. All or nothing. Return how many
    credits were merged.
    """
    sources = [credit for credit in sources if credit.pk != target.pk]
    if not sources:
        return 0
    # Bulk updates send no signals: refresh what is stored from credits afterwards.
    reprinted = set(Placement.objects.filter(credit__in=sources).values_list("asset_id", flat=True))
    moved = set(Asset.objects.filter(credit__in=sources).values_list("pk", flat=True))
    for relation in Credit._meta.related_objects:
        if relation.related_model is CreditAlias or not relation.one_to_many:
            continue
        if issubclass(relation.related_model, HistoricalChanges):
            continue  # history rows keep the credit they named then
        field = relation.field.name
        rows = list(relation.related_model._default_manager.filter(**{f"{field}__in": sources}))
        for row in rows:
            setattr(row, field, target)
        if hasattr(relation.related_model, "history"):
            bulk_update_with_history(
                rows,
                relation.related_model,
                [field],
                default_user=user,
                default_change_reason=f"credit merged into {target.name}",
            )
        else:
            relation.related_model._default_manager.bulk_update(rows, [field])
    CreditAlias.objects.filter(credit__in=sources).update(credit=target)
    # The moved assets' placements are the target's uses now.
    recount_credits([target.pk, *(credit.pk for credit in sources)])
    Credit.objects.filter(pk__in=[credit.pk for credit in sources]).delete()
    # The reprinted assets' facts name other credit records now, the moved assets' facts
    # another credit; the target's documents carry the merged names as aliases.
    refresh_assets(reprinted | moved, search=False)
    refresh_assets(Asset.objects.filter(credit=target).values_list("pk", flat=True), facts=False)
    return len(sources)


def _credit_by_key(*keys: str) -> Credit | None:
    alias = CreditAlias.objects.select_related("credit").filter(key__in=keys).first()
    return alias.credit if alias else None


def _add_spellings(credit: Credit, spellings) -> int:
    """Record ``spellings`` as aliases of ``credit`` where no credit holds them yet."""
    added = 0
    for spelling in spellings:
        key = credit_key(spelling)
        if key:
            _, made = CreditAlias.objects.get_or_create(
                key=key, defaults={"credit": credit, "alias": spelling}
            )
            added += made
    return added


def _agency_spellings(agency: Agency) -> list[str]:
    return [agency.name, *agency.aliases]


def resolve_credit(name: str, *, create: bool = True) -> Credit | None:
    """Find the credit that ``name`` names; create it unreviewed if new (unless ``create`` is off).

    A name matches a credit through its aliases (case, accents and punctuation ignored). A
    known agency's spelling (``PA Wire``, ``Press Association``) also finds the credit recorded
    under any other spelling of that agency (``PA``), and records the new spelling as an alias;
    a known agency not yet in the archive is created under the name given (the desk's own
    spelling, as for any credit) with the agency's known spellings, so later ones find it.
    """
    name = (name or "").strip()
    key = credit_key(name)
    if not key:
        return None
    credit = _credit_by_key(key)
    if credit is not None:
        return credit
    agency = agency_named(name)
    if agency is not None:
        credit = _credit_by_key(*(credit_key(s) for s in _agency_spellings(agency)))
        if credit is not None:
            if create:
                _add_spellings(credit, [name])
            return credit
    if not create:
        return None
    try:
        with transaction.atomic():
            if agency is None:
                return Credit.objects.create(name=name[:200], reviewed=False)
            credit = Credit.objects.create(name=name[:200], kind=agency.kind, reviewed=False)
            _add_spellings(credit, _agency_spellings(agency))
            return credit
    except IntegrityError:
        # Another upload created the same credit at the same moment: use theirs.
        credit = _credit_by_key(key)
        if credit is None and agency is not None:
            credit = _credit_by_key(*(credit_key(s) for s in _agency_spellings(agency)))
        return credit or Credit.objects.get(name=name[:200])


@transaction.atomic
def seed_agencies() -> tuple[int, int]:
    """Record the major agencies and platforms with their known spellings (`archive.agencies`).

    An agency the archive already holds under any spelling keeps its record and name (the
    desk's own, such as ``GETTY``) and gains the spellings it lacks; the others are created,
    reviewed. Spellings another credit already holds are left with it. Safe to run again.
    Returns (credits created, aliases added).
    """
    created = added = 0
    for agency in AGENCIES:
        spellings = _agency_spellings(agency)
        credit = _credit_by_key(*(credit_key(s) for s in spellings))
        if credit is None:
            credit = Credit.objects.create(
                name=agency.name,
                kind=agency.kind,
                reviewed=True,
                notes="A major agency or platform, recorded with its known spellings.",
            )
            created += 1
        added += _add_spellings(credit, spellings)
    return created, added
