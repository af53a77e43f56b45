"""Fuzzing the metadata reader and the validator with mutated real images.

No input may raise anything but the documented refusal (IngestRefused). A short run is part
of every `make test`; `make fuzz` runs the long one (HYPOTHESIS_PROFILE=fuzz). Inputs that
ever crashed are kept in tests/fixtures/fuzz/ and replayed here.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.ingest.metadata import read_metadata
from archive.ingest.renditions import render
from archive.ingest.validation import IngestRefused, probe

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = sorted((FIXTURES / "metadata").glob("*")) + sorted((FIXTURES / "malformed").glob("*"))
SEED_BYTES = [path.read_bytes() for path in SEEDS]
CRASHERS = sorted(p for p in (FIXTURES / "fuzz").glob("*") if p.name != ".gitkeep")

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@st.composite
def mutated_images(draw) -> bytes:
    """A real image with bytes flipped, cut, duplicated or spliced in."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["flip", "truncate", "insert", "duplicate", "zero"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if operation == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif operation == "truncate":
            del data[at:]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "duplicate":
            length = draw(st.integers(1, 512))
            data[at:at] = data[at : at + length]
        else:
            length = draw(st.integers(1, 64))
            data[at : at + length] = bytes(min(length, len(data) - at))
    return bytes(data)


def validate_and_read(data: bytes) -> None:
    """Run what an upload runs on untrusted bytes; only a refusal may escape."""
    try:
        probed = probe(data)
        if probed.media == "image":
            read_metadata(data, probed.image)
            render(probed.image)
    except IngestRefused as refusal:
        assert refusal.reason
    read_metadata(data)


def test_seed_corpus_is_present():
    assert len(SEED_BYTES) >= 12


@given(mutated_images())
@settings(database=None)
def test_mutated_images_never_crash(data):
    validate_and_read(data)


@given(st.binary(max_size=4096))
@settings(database=None)
def test_random_bytes_never_crash(data):
    validate_and_read(data)


def test_inputs_that_once_crashed():
    for path in CRASHERS:  # an empty folder means nothing has crashed yet
        validate_and_read(path.read_bytes())
