"""How a picture was made and what its rights holder allows: the IPTC and PLUS vocabularies.

Pure data and lookups, no Django. The models take their choices from here, the metadata
reader its codes, the search language its ``source_type:`` and ``data_mining:`` values and
the licence audit its AI rules, so each list is written once:

* IPTC Digital Source Type (``Iptc4xmpExt:DigitalSourceType``), the NewsCodes vocabulary at
  http://cv.iptc.org/newscodes/digitalsourcetype/ : each code with a plain label and its
  group (photo, edited, composite, AI-generated, AI-edited, other);
* PLUS Data Mining (``plus:DataMining``), the values at http://ns.useplus.org/ldf/vocab/ ,
  and which of them forbid training AI on the picture;
* the words that tell a reader a picture was made with AI (``discloses_ai``);
* Content Credentials (C2PA): the states a file's credentials are in, and plain words for
  the C2PA actions and validation codes (read by ``archive.ingest.credentials``).
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.text import fold_words

DIGITAL_SOURCE_TYPE_BASE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
DATA_MINING_BASE = "http://ns.useplus.org/ldf/vocab/"

PHOTO, EDITED, COMPOSITE = "photo", "edited", "composite"
AI_GENERATED, AI_EDITED, OTHER = "ai-generated", "ai-edited", "other"
SOURCE_GROUPS: dict[str, str] = {
    PHOTO: "Photo",
    EDITED: "Edited",
    COMPOSITE: "Composite",
    AI_GENERATED: "AI-generated",
    AI_EDITED: "AI-edited",
    OTHER: "Other",
}


@dataclass(frozen=True)
class SourceType:
    code: str  # the NewsCode, as the vocabulary spells it
    label: str  # what a journalist reads
    group: str  # a key of SOURCE_GROUPS


DIGITAL_SOURCE_TYPES: tuple[SourceType, ...] = (
    SourceType("digitalCapture", "Photo (digital capture)", PHOTO),
    SourceType("computationalCapture", "Photo (computational capture)", PHOTO),
    SourceType("negativeFilm", "Photo (scanned negative film)", PHOTO),
    SourceType("positiveFilm", "Photo (scanned slide film)", PHOTO),
    SourceType("print", "Photo (scanned print)", PHOTO),
    SourceType("humanEdits", "Edited by a person", EDITED),
    SourceType("minorHumanEdits", "Photo with minor edits", EDITED),
    SourceType("algorithmicallyEnhanced", "Enhanced by software", EDITED),
    SourceType("compositeCapture", "Composite (of photos)", COMPOSITE),
    SourceType("compositeSynthetic", "Composite (with synthetic elements)", COMPOSITE),
    # Counted with AI-made media (the licence audit's disclosure rule, ``source_type:ai``):
    # it is not a photograph, and readers must be told so the same way.
    SourceType(
        "algorithmicMedia", "Computer-generated (algorithm, no training data)", AI_GENERATED
    ),
    SourceType("trainedAlgorithmicMedia", "AI-generated", AI_GENERATED),
    SourceType("compositeWithTrainedAlgorithmicMedia", "AI-edited (composite with AI)", AI_EDITED),
    SourceType("dataDrivenMedia", "Data-driven (visualisation)", OTHER),
    SourceType("digitalCreation", "Digital creation (made by a person)", OTHER),
    SourceType("digitalArt", "Digital art (made by a person)", OTHER),
    SourceType("virtualRecording", "Virtual recording", OTHER),
    SourceType("screenCapture", "Screen capture", OTHER),
    SourceType("softwareImage", "Created by software (retired code)", OTHER),
)
SOURCE_TYPE_BY_CODE = {source.code: source for source in DIGITAL_SOURCE_TYPES}
DIGITAL_SOURCE_TYPE_CHOICES = [(source.code, source.label) for source in DIGITAL_SOURCE_TYPES]
# The codes the licence audit's disclosure rule covers: made or edited by a model.
AI_SOURCE_TYPES: frozenset[str] = frozenset(
    source.code for source in DIGITAL_SOURCE_TYPES if source.group in (AI_GENERATED, AI_EDITED)
)


@dataclass(frozen=True)
class DataMining:
    code: str
    label: str
    forbids_ai_training: bool


DATA_MINING_VALUES: tuple[DataMining, ...] = (
    DataMining("DMI-UNSPECIFIED", "Unspecified (no prohibition stated)", False),
    DataMining("DMI-ALLOWED", "Allowed", False),
    DataMining("DMI-ALLOWED-noaitraining", "Allowed, except for AI/ML training", True),
    DataMining(
        "DMI-ALLOWED-noaigentraining", "Allowed, except for generative AI/ML training", True
    ),
    DataMining("DMI-PROHIBITED-AIMLTRAINING", "Prohibited for AI/ML training", True),
    DataMining("DMI-PROHIBITED-GENAIMLTRAINING", "Prohibited for generative AI/ML training", True),
    DataMining(
        "DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING",
        "Prohibited, except for search engine indexing",
        True,
    ),
    DataMining("DMI-PROHIBITED", "Prohibited", True),
    DataMining("DMI-PROHIBITED-SEECONSTRAINT", "Prohibited (see Other Constraints)", True),
    DataMining(
        "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR",
        "Prohibited (see the embedded rights expression)",
        True,
    ),
    DataMining(
        "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR", "Prohibited (see the linked rights expression)", True
    ),
)
DATA_MINING_BY_CODE = {value.code: value for value in DATA_MINING_VALUES}
DATA_MINING_CHOICES = [(value.code, value.label) for value in DATA_MINING_VALUES]
# Values that forbid putting the picture in a set for training AI (generative or not: a
# training set's use is not known when it leaves the archive).
NO_AI_TRAINING: frozenset[str] = frozenset(
    value.code for value in DATA_MINING_VALUES if value.forbids_ai_training
)


# Content Credentials (C2PA): what reading and validating a file's manifest store found.
C2PA_UNCHECKED, C2PA_NONE = "", "none"
C2PA_TRUSTED, C2PA_UNTRUSTED, C2PA_INVALID = "trusted", "untrusted", "invalid"
C2PA_STATE_CHOICES = [
    (C2PA_NONE, "None in the file"),
    (C2PA_TRUSTED, "Valid, signer trusted"),
    (C2PA_UNTRUSTED, "Valid, signer not trusted"),
    (C2PA_INVALID, "Invalid"),
]
C2PA_STATE_LABELS = {C2PA_UNCHECKED: "Not checked", **dict(C2PA_STATE_CHOICES)}
# The ``c2pa:`` search values: ``valid`` is any unbroken signature, trusted or not.
C2PA_SEARCH_VALUES: dict[str, tuple[str, ...]] = {
    "valid": (C2PA_TRUSTED, C2PA_UNTRUSTED),
    "trusted": (C2PA_TRUSTED,),
    "untrusted": (C2PA_UNTRUSTED,),
    "invalid": (C2PA_INVALID,),
    "none": (C2PA_NONE,),
    "unchecked": (C2PA_UNCHECKED,),
}
C2PA_VALID_STATES = (C2PA_TRUSTED, C2PA_UNTRUSTED)


def declared_source_types(iptc_code: str, c2pa_state: str, c2pa_summary: object) -> tuple[str, ...]:
    """Return the digital source types a picture declares: its IPTC field, then, when its
    Content Credentials are valid (trusted or not), their actions' types, each once."""
    codes = [iptc_code] if iptc_code else []
    if c2pa_state in C2PA_VALID_STATES and isinstance(c2pa_summary, dict):
        actions = c2pa_summary.get("actions")
        for action in actions if isinstance(actions, list) else ():
            if isinstance(action, dict) and action.get("digital_source_type"):
                codes.append(str(action["digital_source_type"]))
    return tuple(dict.fromkeys(codes))


def ai_source_type(iptc_code: str, c2pa_state: str, c2pa_summary: object) -> str:
    """Return the first declared source type that says a model made or edited the picture
    (its IPTC field or valid credentials' actions; either is enough), or ""."""
    declared = declared_source_types(iptc_code, c2pa_state, c2pa_summary)
    return next((code for code in declared if code in AI_SOURCE_TYPES), "")


C2PA_ACTION_LABELS = {
    "c2pa.created": "created",
    "c2pa.opened": "opened",
    "c2pa.placed": "placed",
    "c2pa.edited": "edited",
    "c2pa.edited.metadata": "metadata edited",
    "c2pa.color_adjustments": "colours adjusted",
    "c2pa.cropped": "cropped",
    "c2pa.resized": "resized",
    "c2pa.filtered": "filtered",
    "c2pa.drawing": "drawn on",
    "c2pa.orientation": "rotated or flipped",
    "c2pa.converted": "converted",
    "c2pa.transcoded": "transcoded",
    "c2pa.repackaged": "repackaged",
    "c2pa.removed": "removed",
    "c2pa.published": "published",
    "c2pa.redacted": "redacted",
    "c2pa.watermarked": "watermarked",
}
# What a validation failure means, for a person; others are shown as the library says them.
C2PA_FAILURE_REASONS = {
    "assertion.dataHash.mismatch": "The file was changed after it was signed.",
    "assertion.bmffHash.mismatch": "The file was changed after it was signed.",
    "assertion.boxesHash.mismatch": "The file was changed after it was signed.",
    "assertion.hashedURI.mismatch": "A statement in the credentials was changed after signing.",
    "claimSignature.mismatch": "The signature does not match what was signed.",
    "claimSignature.missing": "The credentials are not signed.",
    "claimSignature.outsideValidity": "It was signed outside the certificate's validity.",
    "signingCredential.expired": "The signing certificate had expired.",
    "signingCredential.revoked": "The signing certificate was revoked.",
    "signingCredential.invalid": "The signing certificate is not valid for signing.",
    "claim.missing": "The credentials hold no claim.",
    "manifest.unreadable": "The credentials cannot be read.",
}


def _vocabulary_code(value: str, base: str, known: dict) -> str | None:
    """The code of a vocabulary URI (or a bare code), spelled as the vocabulary does."""
    text = (value or "").strip().rstrip("/")
    if not text:
        return None
    lowered = text.lower()
    for prefix in (base, base.replace("http://", "https://", 1)):
        if lowered.startswith(prefix.lower()):
            text = text[len(prefix) :]
            break
    else:
        if "/" in text or ":" in text:
            return None  # another vocabulary's URI
    by_lower = {code.lower(): code for code in known}
    return by_lower.get(text.lower())


def digital_source_type_code(value: str) -> str | None:
    """Return the IPTC code a Digital Source Type URI (or bare code) names, else None."""
    return _vocabulary_code(value, DIGITAL_SOURCE_TYPE_BASE, SOURCE_TYPE_BY_CODE)


def data_mining_code(value: str) -> str | None:
    """Return the PLUS Data Mining code a URI (or bare code) names, else None."""
    return _vocabulary_code(value, DATA_MINING_BASE, DATA_MINING_BY_CODE)


def source_types_matching(value: str) -> list[str]:
    """Return the codes a ``source_type:`` search value names: ``ai`` (generated or edited by
    AI), a group (``photo``, ``composite``, ``ai-generated`` ...), a code or a label."""
    wanted = squashed(value)
    if not wanted:
        return []
    if wanted == "ai":
        return sorted(AI_SOURCE_TYPES)
    groups = [
        key for key, label in SOURCE_GROUPS.items() if wanted in (squashed(key), squashed(label))
    ]
    if groups:
        return [s.code for s in DIGITAL_SOURCE_TYPES if s.group in groups]
    return [s.code for s in DIGITAL_SOURCE_TYPES if wanted in (squashed(s.code), squashed(s.label))]


def data_mining_matching(value: str) -> list[str]:
    """Return the codes a ``data_mining:`` search value names: ``prohibited`` (forbids AI
    training), ``allowed``, ``unspecified``, or a code (``DMI-PROHIBITED-AIMLTRAINING``)."""
    wanted = squashed(value)
    if wanted in ("prohibited", "noaitraining"):
        return sorted(NO_AI_TRAINING)
    if wanted == "allowed":
        return ["DMI-ALLOWED"]
    if wanted == "unspecified":
        return ["DMI-UNSPECIFIED"]
    return [v.code for v in DATA_MINING_VALUES if wanted == squashed(v.code)]


def squashed(text: str) -> str:
    """Fold a code, label or typed value for comparing: no case, accents, spaces or
    punctuation (``trainedAlgorithmicMedia`` = ``trained algorithmic media``)."""
    return "".join(fold_words(text or ""))


# --------------------------------------------------------------------------------------------
# Disclosure: words in a caption or credit line that tell readers the picture was made with AI.
# Compared as folded words (no case, no accents, punctuation ignored), so "AI-generated",
# "ai generated" and "Généré par l'IA" each match. Naming the generator counts as saying so.
AI_DISCLOSURE_PHRASES: tuple[str, ...] = (
    # English
    "AI-generated", "generated by AI", "generated with AI", "generated using AI",
    "AI-created", "created by AI", "created with AI", "created using AI",
    "made by AI", "made with AI", "made using AI", "AI-edited", "edited with AI",
    "AI-assisted", "AI-enhanced", "AI image", "AI illustration", "generative AI",
    "artificial intelligence", "synthetic", "computer-generated", "illustration made with",
    "image made with", "picture made with", "Midjourney", "DALL-E", "Stable Diffusion",
    # French
    "généré par IA", "générée par IA", "généré par l'IA", "générée par l'IA",
    "créé par IA", "créée par IA", "créé avec l'IA", "créée avec l'IA",
    "réalisé avec l'IA", "réalisée avec l'IA", "IA générative", "intelligence artificielle",
    "image de synthèse", "synthétique",
    # German
    "KI-generiert", "KI-erstellt", "mit KI erstellt", "mit KI generiert", "von KI erstellt",
    "KI-Bild", "künstliche Intelligenz", "künstlicher Intelligenz", "synthetisch",
    # Spanish, Italian, Portuguese
    "generada por IA", "generado por IA", "generada con IA", "creada con IA",
    "creado con IA", "inteligencia artificial", "sintética", "sintético",
    "generata con IA", "generata dall'IA", "intelligenza artificiale", "sintetica",
    "gerada por IA", "gerado por IA", "inteligência artificial",
    # Dutch
    "AI-gegenereerd", "gegenereerd door AI", "kunstmatige intelligentie",
)  # fmt: skip
_DISCLOSURE_WORDS: tuple[tuple[str, ...], ...] = tuple(
    dict.fromkeys(fold_words(phrase) for phrase in AI_DISCLOSURE_PHRASES)
)


def discloses_ai(*texts: str) -> bool:
    """Return whether any of ``texts`` (a caption, a credit line) says the picture was made
    with AI: one of ``AI_DISCLOSURE_PHRASES``, word for word."""
    for text in texts:
        words = fold_words(text or "")
        if not words:
            continue
        for phrase in _DISCLOSURE_WORDS:
            size = len(phrase)
            if any(words[i : i + size] == phrase for i in range(len(words) - size + 1)):
                return True
    return False
