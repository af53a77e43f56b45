"""Workflows with side effects that several entry points share (the admin, commands, the API).

Rules about one record stay on the models (``clean()``, constraints) so the admin obeys them;
what lives here changes many records at once and must keep their derived data true.
"""

from __future__ import annotations

from django.db import transaction
from simple_history.models import HistoricalChanges
from simple_history.utils import bulk_update_with_history

from archive.derived import refresh_assets
from archive.models import Asset, Credit, CreditAlias, Placement


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
    Credit.objects.filter(pk__in=[credit.pk for credit in sources]).delete()
    # The reprinted assets' facts name other credit records now; the target's documents carry
    # the merged names as aliases.
    refresh_assets(reprinted, search=False)
    refresh_assets(Asset.objects.filter(credit=target).values_list("pk", flat=True), facts=False)
    return len(sources)
