"""Content Credentials (C2PA): read a file's manifest store, validate it, and summarise it.

``read_content_credentials`` asks ``c2pa-python`` to read and validate the store (the
signature, the hash that binds it to the file's bytes, the signer's certificate chain against
the trust anchors in ``ARCHIVE_C2PA_TRUST_ANCHORS``) and returns its state (``archive.
provenance``: none, trusted, untrusted, invalid), a summary the pages show, and the store's
JSON. Without trust anchors no signer is trusted: a sound signature reads as "valid, signer
not trusted", never as trusted.

Reading is bounded and never raises for a bad file: files over ``ARCHIVE_C2PA_MAX_BYTES`` are
left unchecked, a store whose JSON is over ``ARCHIVE_C2PA_MAX_STORE_BYTES`` keeps its summary
only, the ingredient tree is cut at ``MAX_INGREDIENTS``, and a store that cannot be read is
invalid with the reason; each of these also gives a warning. Nothing is fetched over the
network (remote manifests, OCSP).
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from archive.preservation.jpeg import split_jpeg
from archive.provenance import (
    AI_SOURCE_TYPES,
    C2PA_ACTION_LABELS,
    C2PA_FAILURE_REASONS,
    C2PA_INVALID,
    C2PA_NONE,
    C2PA_TRUSTED,
    C2PA_UNCHECKED,
    C2PA_UNTRUSTED,
    SOURCE_TYPE_BY_CODE,
    digital_source_type_code,
)

logger = logging.getLogger("archive.ingest")

UNTRUSTED_CODE = "signingCredential.untrusted"
MAX_INGREDIENTS = 200  # nodes of the ingredient tree kept in the summary
MAX_DEPTH = 8  # levels of the ingredient tree followed
MAX_TEXT = 300  # characters kept of any one text in the summary
# Signs that a file may carry a manifest store: a JUMBF box, or C2PA's own label.
MARKS = (b"jumb", b"c2pa")
APP11 = 0xEB  # the JPEG segment that carries JUMBF boxes ("JP" common identifier)


@dataclass
class ContentCredentials:
    """What a file's Content Credentials were found to be."""

    state: str = C2PA_UNCHECKED
    summary: dict = field(default_factory=dict)
    store: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def digital_source_type(self) -> str:
        """The IPTC code the (valid) credentials' actions declare, the AI one first, or ""."""
        if self.state not in (C2PA_TRUSTED, C2PA_UNTRUSTED):
            return ""
        codes = [action.get("digital_source_type", "") for action in self.actions]
        codes = [code for code in codes if code]
        return next((code for code in codes if code in AI_SOURCE_TYPES), codes[0] if codes else "")

    @property
    def actions(self) -> list[dict]:
        return self.summary.get("actions", [])


def may_carry_credentials(data: bytes, mime_type: str) -> bool:
    """Return whether ``data`` may hold a manifest store: a JPEG a JUMBF box in an APP11
    segment before its picture data (where C2PA puts it), another file a JUMBF box or C2PA's
    label anywhere.

    The reader takes about as long to find nothing as to read a store (0.1 s for a 21 MB
    JPEG here), so files without either are not given to it; a JPEG's header is walked
    rather than all of its bytes searched (tens of milliseconds at that size).
    """
    if mime_type == "image/jpeg":
        try:
            segments, _ = split_jpeg(data)
        except ValueError:
            pass  # a damaged header: search every byte
        else:
            return any(s.marker == APP11 and s.payload[:2] == b"JP" for s in segments)
    return any(mark in data for mark in MARKS)


def read_content_credentials(data: bytes, *, mime_type: str) -> ContentCredentials:
    """Read and validate the Content Credentials in ``data``; never raise for a bad file."""
    import c2pa

    limit = settings.ARCHIVE_C2PA_MAX_BYTES
    if not may_carry_credentials(data, mime_type) or (
        mime_type and mime_type not in c2pa.Reader.get_supported_mime_types()
    ):
        return ContentCredentials(C2PA_NONE)
    if len(data) > limit:
        return ContentCredentials(
            C2PA_UNCHECKED,
            warnings=[
                f"Content Credentials not checked: the file is over {limit // (1024 * 1024)} MB "
                "(ARCHIVE_C2PA_MAX_BYTES)."
            ],
        )
    warnings: list[str] = []
    context = reading_context(warnings)
    try:
        reader = c2pa.Reader.try_create(mime_type or None, io.BytesIO(data), None, context)
        if reader is None:
            return ContentCredentials(C2PA_NONE, warnings=warnings)
        with reader:
            store = json.loads(reader.json())
    except c2pa.C2paError.NotSupported:
        return ContentCredentials(C2PA_NONE, warnings=warnings)
    except Exception as error:  # noqa: BLE001  a file's credentials never stop its ingest
        if not isinstance(error, c2pa.C2paError):
            logger.exception("reading Content Credentials failed")
        message = str(error).strip() or type(error).__name__
        reason = f"The Content Credentials cannot be read ({message[:200]})."
        summary = {"failures": [{"code": "manifest.unreadable", "reason": reason}]}
        return ContentCredentials(C2PA_INVALID, summary, {}, [*warnings, reason])
    state, summary = state_of(store), summarise(store)
    if summary.pop("ingredients_cut", False):
        warnings.append(
            f"Content Credentials: only the first {MAX_INGREDIENTS} ingredients are summarised."
        )
    size = len(json.dumps(store))
    if size > settings.ARCHIVE_C2PA_MAX_STORE_BYTES:
        warnings.append(
            f"Content Credentials: the manifest store's JSON ({size:,} bytes) is over "
            "ARCHIVE_C2PA_MAX_STORE_BYTES; only its summary is kept (the file keeps it all)."
        )
        store = {}
    return ContentCredentials(state, summary, store, warnings)


def reading_context(warnings: list[str]):
    """Return the reader's context: trust anchors from the setting, no remote fetching."""
    import c2pa

    anchors, problem = trust_anchors()
    if problem:
        warnings.append(problem)
    # Made for each read (half a millisecond): a changed anchors file counts at once, and no
    # native handle is shared across forked workers.
    # No network at ingest: neither a remote manifest nor a certificate's OCSP status is fetched.
    config: dict = {
        "verify": {"verify_trust": True, "remote_manifest_fetch": False, "ocsp_fetch": False}
    }
    if anchors:
        config["trust"] = {"trust_anchors": anchors}
    return c2pa.Context.from_dict(config)


def trust_anchors() -> tuple[str, str]:
    """Return the PEM text of ``ARCHIVE_C2PA_TRUST_ANCHORS`` and a problem to report, if any."""
    path = settings.ARCHIVE_C2PA_TRUST_ANCHORS
    if not path:
        return "", ""
    try:
        text = Path(path).read_text("ascii")
    except (OSError, UnicodeDecodeError) as error:
        problem = f"The trust anchors ({path}) cannot be read ({error}): no signer is trusted."
        logger.error(problem)
        return "", problem
    if "-----BEGIN CERTIFICATE-----" not in text:
        problem = f"The trust anchors file {path} holds no PEM certificate: no signer is trusted."
        logger.error(problem)
        return "", problem
    return text, ""


def state_of(store: dict) -> str:
    """Return the state the library's verdict gives: only ``Trusted`` is trusted."""
    verdict = store.get("validation_state")
    if verdict == "Trusted":
        return C2PA_TRUSTED
    if verdict == "Valid":
        return C2PA_UNTRUSTED
    return C2PA_INVALID


def text(value, limit: int = MAX_TEXT) -> str:
    return value[:limit] if isinstance(value, str) else ""


def summarise(store: dict) -> dict:
    """Return what the pages show of a manifest store: who signed it with what, when, the
    actions (with their digital source types), the failures and the ingredient tree."""
    manifests = store.get("manifests") if isinstance(store.get("manifests"), dict) else {}
    label = store.get("active_manifest")
    active = manifests.get(label) if isinstance(label, str) else None
    active = active if isinstance(active, dict) else {}
    signature = (
        active.get("signature_info") if isinstance(active.get("signature_info"), dict) else {}
    )
    statuses = listed(store.get("validation_status"))
    if not statuses and store.get("validation_state") not in ("Valid", "Trusted"):
        results = store.get("validation_results")
        active_results = results.get("activeManifest") if isinstance(results, dict) else None
        if isinstance(active_results, dict):
            statuses = listed(active_results.get("failure"))
    failures = [
        {"code": text(status.get("code")), "reason": failure_reason(status)}
        for status in statuses
        if isinstance(status, dict) and status.get("code") != UNTRUSTED_CODE
    ]
    if not failures and state_of(store) == C2PA_INVALID:
        failures = [{"code": "", "reason": "The reader found the credentials invalid."}]
    budget = [MAX_INGREDIENTS]
    ingredients = ingredient_tree(active, manifests, depth=0, budget=budget)
    return {
        "title": text(active.get("title")),
        "claim_generator": claim_generator(active),
        "signer": text(signature.get("common_name")),
        "issuer": text(signature.get("issuer")),
        "algorithm": text(signature.get("alg"), 20),
        "signed_at": text(signature.get("time"), 40),
        "actions": actions_of(active),
        "failures": failures,
        "ingredients": ingredients,
        "ingredient_count": count_nodes(ingredients),
        "manifest_count": len(manifests),
        "ingredients_cut": budget[0] < 0,
    }


def listed(value) -> list:
    return value if isinstance(value, list) else []


def failure_reason(status: dict) -> str:
    code = status.get("code")
    return C2PA_FAILURE_REASONS.get(code) or text(status.get("explanation")) or text(code)


def claim_generator(manifest: dict) -> str:
    """Return the software that made the claim: "name version", or the v1 string."""
    for info in listed(manifest.get("claim_generator_info")):
        if isinstance(info, dict) and info.get("name"):
            return " ".join(filter(None, (text(info.get("name")), text(info.get("version"), 40))))
    return text(manifest.get("claim_generator"))


def actions_of(manifest: dict) -> list[dict]:
    """Return the manifest's actions, each with a plain label and its digital source type."""
    found = []
    for assertion in listed(manifest.get("assertions")):
        if not isinstance(assertion, dict) or not str(assertion.get("label", "")).startswith(
            "c2pa.actions"
        ):
            continue
        data = assertion.get("data") if isinstance(assertion.get("data"), dict) else {}
        for action in listed(data.get("actions"))[:100]:
            if not isinstance(action, dict):
                continue
            name = text(action.get("action"), 100)
            source = text(action.get("digitalSourceType"))
            code = digital_source_type_code(source) or ""
            agent = action.get("softwareAgent")
            agent = agent.get("name") if isinstance(agent, dict) else agent
            found.append(
                {
                    "action": name,
                    "label": C2PA_ACTION_LABELS.get(name, name.removeprefix("c2pa.")),
                    "digital_source_type": code,
                    "digital_source_label": SOURCE_TYPE_BY_CODE[code].label if code else source,
                    "software_agent": text(agent),
                    "when": text(action.get("when"), 40),
                }
            )
    return found


def ingredient_tree(manifest: dict, manifests: dict, *, depth: int, budget: list[int]) -> list:
    """Return the manifest's ingredients, each with its own ingredients when it carries a
    manifest of the store; at most ``MAX_DEPTH`` levels and ``MAX_INGREDIENTS`` nodes."""
    tree = []
    for ingredient in listed(manifest.get("ingredients")):
        if not isinstance(ingredient, dict):
            continue
        budget[0] -= 1
        if budget[0] < 0:
            break
        label = ingredient.get("active_manifest")
        parent = manifests.get(label) if isinstance(label, str) else None
        node = {
            "title": text(ingredient.get("title")),
            "relationship": text(ingredient.get("relationship"), 40),
            "format": text(ingredient.get("format"), 60),
            "has_credentials": isinstance(parent, dict),
            "ingredients": [],
        }
        if isinstance(parent, dict) and depth + 1 < MAX_DEPTH:
            node["ingredients"] = ingredient_tree(parent, manifests, depth=depth + 1, budget=budget)
        tree.append(node)
    return tree


def count_nodes(tree: list) -> int:
    return sum(1 + count_nodes(node["ingredients"]) for node in tree)


@dataclass(frozen=True)
class Recheck:
    """An asset whose credentials read differently from its record (now updated)."""

    asset_id: int
    before: str
    after: str


def pages_of(assets, size: int = 100):
    """Yield ``assets`` by id, each page read whole before the caller writes.

    Not one cursor left open across the writes: on SQLite an open read cannot turn into a
    write once another process (an upload, a worker) has committed since it began.
    """
    last_id = 0
    while page := list(assets.filter(pk__gt=last_id).order_by("pk")[:size]):
        yield from page
        last_id = page[-1].pk


def recheck_content_credentials(assets) -> tuple[int, list[Recheck]]:
    """Read the credentials of ``assets``' stored originals again, with this archive's trust
    anchors; store what changed. Return how many were read and the changed states.

    For assets archived before credentials were read, after the trust anchors change, and
    after a bag restore (a bag's word on its files' credentials is not taken).
    """
    from django.core.files.storage import default_storage

    from archive.models import Asset

    checked, changed = 0, []
    fields = ("id", "file", "mime_type", "c2pa_state", "c2pa_summary", "c2pa_manifest_store")
    for asset in pages_of(assets.only(*fields)):
        try:
            with default_storage.open(asset.file.name, "rb") as handle:
                data = handle.read()
        except OSError:  # missing: the fixity check reports it
            continue
        checked += 1
        found = read_content_credentials(data, mime_type=asset.mime_type)
        record = (asset.c2pa_state, asset.c2pa_summary, asset.c2pa_manifest_store)
        if (found.state, found.summary, found.store) != record:
            Asset.objects.filter(pk=asset.pk).update(
                c2pa_state=found.state,
                c2pa_summary=found.summary,
                c2pa_manifest_store=found.store,
            )
            if found.state != asset.c2pa_state:
                changed.append(Recheck(asset.pk, asset.c2pa_state, found.state))
    return checked, changed
