"""Which assets a write touches, and the one call that brings their derived data up to date.

Each cache has one owner that writes it: ``archive.audit.facts`` (``AssetFacts``),
``archive.search.documents`` (``AssetSearchDocument``) and ``archive.rights.usage`` (the
quota's uses, ``SupplierDayUsage``). Every ORM save or delete of a model they are built from
arrives here (the signals are connected here and nowhere else) and calls ``refresh_assets``
once, and ``usage.recount`` with the use keys before and after the write; a new upload's
search document is the exception, written by its background task (archive/background.py).
Bulk writes that send no signals (``bulk_create``, ``update()``, a credit merge, a bag
restore) call ``refresh_assets``, ``usage.recount_credits`` or ``rebuild_all`` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from archive.audit.facts import rebuild_facts, refresh_facts
from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Licence,
    Placement,
    UsageRights,
)
from archive.rights import usage
from archive.search.documents import rebuild_search_index, refresh_search_documents


def refresh_assets(
    asset_ids: Iterable[int | None], *, facts: bool = True, search: bool = True
) -> None:
    """Recompute the derived data of these assets."""
    ids = sorted({pk for pk in asset_ids if pk})
    if not ids:
        return
    if facts:
        refresh_facts(ids)
    if search:
        refresh_search_documents(ids)


def rebuild_all() -> tuple[int, int]:
    """Recompute every asset's derived data and the quota's uses, in bulk (after a bulk load or
    a restore); return how many facts rows and search documents were written."""
    usage.rebuild_usage()
    return rebuild_facts(), rebuild_search_index()


# Which caches read each model: (facts, search).
READERS: dict[type, tuple[bool, bool]] = {
    Asset: (True, True),
    Licence: (True, True),  # the search documents copy the facts' licence window
    Placement: (True, True),
    Illustration: (False, True),
    Credit: (False, True),
    CreditAlias: (False, True),
    Claim: (False, True),
    Article: (False, True),
    UsageRights: (True, False),
}
# Models that point at one asset, which a save may change (a placement filled, a licence moved).
POINTING = (Licence, Placement, Illustration, UsageRights)


def touched_assets(instance) -> list[int]:
    """Return the ids of the assets whose derived data reads ``instance``."""
    if isinstance(instance, Asset):
        return [instance.pk]
    if isinstance(instance, POINTING):
        return [instance.asset_id, getattr(instance, "_derived_old_asset_id", None)]
    if isinstance(instance, Credit):
        return list(Asset.objects.filter(credit_id=instance.pk).values_list("pk", flat=True))
    if isinstance(instance, CreditAlias):
        return list(Asset.objects.filter(credit_id=instance.credit_id).values_list("pk", flat=True))
    if isinstance(instance, Claim):
        return list(
            Illustration.objects.filter(claim_id=instance.pk).values_list("asset_id", flat=True)
        )
    if isinstance(instance, Article):
        return list(
            Placement.objects.filter(article_id=instance.pk).values_list("asset_id", flat=True)
        )
    return []


def remember_old_asset(sender, instance, raw: bool = False, **kwargs) -> None:
    """Note the asset a licence, placement or illustration pointed at before this save."""
    if instance.pk and not raw:
        instance._derived_old_asset_id = (
            sender.objects.filter(pk=instance.pk).values_list("asset_id", flat=True).first()
        )


def after_save(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: the restore rebuilds everything once at the end
        return
    facts, search = READERS[sender]
    if created and sender is Asset and instance.processing_state == Asset.Processing.PENDING:
        # A new upload: its background task writes the search document once the asset is
        # processed (archive.background.process), out of the upload request. Its facts row is
        # one cheap row the licence report counts from the start, so it is written now.
        search = False
    refresh_assets(touched_assets(instance), facts=facts, search=search)


def deletes_assets(origin) -> bool:
    """Return whether a deletion started from assets (an asset or a queryset of them)."""
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return model is Asset


def after_delete(sender, instance, origin=None, **kwargs) -> None:
    # Deleting assets cascades to their licences and illustrations (only that does: placements
    # protect their asset): those assets' derived rows go with them, so nothing to refresh.
    if deletes_assets(origin):
        return
    facts, search = READERS[sender]
    refresh_assets(touched_assets(instance), facts=facts, search=search)


def counted_uses(instance) -> Q | None:
    """Return the placements whose use key (credit, usage category, day) ``instance`` decides,
    or None when it decides none."""
    if isinstance(instance, Placement):
        return Q(pk=instance.pk)
    if isinstance(instance, Article):
        return Q(article_id=instance.pk)
    if isinstance(instance, Asset):
        return Q(asset_id=instance.pk)
    if isinstance(instance, UsageRights):
        return Q(asset_id=instance.asset_id)
    return None


# The models whose writes can move a use key, and the fields of each that decide it.
USE_KEYS: dict[type, tuple[str, ...]] = {
    Placement: ("asset_id", "article_id"),
    Article: ("published_on",),
    Asset: ("credit_id",),
    UsageRights: ("asset_id", "category_id"),
}


def remember_use_keys(sender, instance, raw: bool = False, **kwargs) -> None:
    """Note the use keys the placements ``instance`` decides count under before this write
    (nothing to do when the write leaves the deciding fields as they were)."""
    if raw:
        return
    fields = USE_KEYS[sender]
    before: set[usage.UseKey] = set()
    moves = True
    old = None
    if instance.pk and kwargs.get("signal") is pre_save:
        old = sender.objects.filter(pk=instance.pk).values_list(*fields).first()
        moves = old != tuple(getattr(instance, field) for field in fields)
    if moves and (instance.pk or isinstance(instance, UsageRights)):
        # (A new usage right recategorises its asset's placements.)
        before = usage.keys_of(counted_uses(instance))
        if isinstance(instance, UsageRights) and old is not None:  # moved: the old asset's too
            before |= usage.keys_of(Q(asset_id=old[0]))
    instance._usage_moves = moves
    instance._usage_keys_before = before


def recount_use_keys(sender, instance, raw: bool = False, created: bool = False, **kwargs):
    """Recount the use keys before and after this write."""
    if raw or not getattr(instance, "_usage_moves", True):
        return
    before = getattr(instance, "_usage_keys_before", set())
    instance._usage_keys_before = set()
    if created and isinstance(instance, (Asset, Article)):
        after = set()  # nothing is placed with it yet
    else:
        after = usage.keys_of(counted_uses(instance))
    usage.recount(before | after)


def connect() -> None:
    """Connect the write signals of every model a cache reads (from ``AppConfig.ready``)."""
    for model in READERS:
        post_save.connect(after_save, sender=model, dispatch_uid=f"derived-save-{model.__name__}")
        post_delete.connect(
            after_delete, sender=model, dispatch_uid=f"derived-delete-{model.__name__}"
        )
    for model in USE_KEYS:
        name = model.__name__
        pre_save.connect(remember_use_keys, sender=model, dispatch_uid=f"usage-pre-save-{name}")
        post_save.connect(recount_use_keys, sender=model, dispatch_uid=f"usage-save-{name}")
        pre_delete.connect(remember_use_keys, sender=model, dispatch_uid=f"usage-pre-delete-{name}")
        post_delete.connect(recount_use_keys, sender=model, dispatch_uid=f"usage-delete-{name}")
    for model in POINTING:
        pre_save.connect(
            remember_old_asset, sender=model, dispatch_uid=f"derived-pre-{model.__name__}"
        )
