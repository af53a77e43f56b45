"""Look-alikes are found through the pHash bands: every hash within the distance, none missed."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.ingest.pipeline import find_look_alike, look_alikes
from archive.models import Asset
from archive.phash import PHASH_BANDS, band_probes, phash_distance
from tests.helpers import make_asset


def flip(phash: str, positions) -> str:
    value = int(phash, 16)
    for position in positions:
        value ^= 1 << position
    return f"{value:016x}"


def shares_a_probe(query: str, other: str, distance: int) -> bool:
    for (start, digits), values in zip(PHASH_BANDS, band_probes(query, distance), strict=True):
        if other[start - 1 : start - 1 + digits] in values:
            return True
    return False


def test_the_bands_cover_every_bit_once():
    covered = [digit for start, digits in PHASH_BANDS for digit in range(start, start + digits)]
    assert covered == list(range(1, 17))


def test_probe_counts_for_the_default_distance():
    # d = 8: each band within 2 bits: 1 + 20 + 190 values for 20 bits, 1 + 24 + 276 for 24.
    assert [len(values) for values in band_probes("0" * 16, 8)] == [211, 211, 301]
    assert [len(set(values)) for values in band_probes("f" * 16, 8)] == [211, 211, 301]


@given(
    st.integers(min_value=0, max_value=2**64 - 1),
    st.lists(st.integers(min_value=0, max_value=63), max_size=8, unique=True),
)
def test_every_hash_within_eight_bits_shares_a_probe(value, positions):
    query = f"{value:016x}"
    other = flip(query, positions)
    assert phash_distance(query, other) == len(positions)
    assert shares_a_probe(query, other, 8)


def test_hashes_spread_over_all_four_old_bands_are_found():
    # Two bits flipped in each 16-bit quarter: 8 bits apart, no quarter shared (the old index
    # of four 16-bit bands missed this pair).
    query = "0123456789abcdef"
    other = flip(query, [0, 1, 16, 17, 32, 33, 48, 49])
    assert phash_distance(query, other) == 8
    assert shares_a_probe(query, other, 8)


@pytest.mark.django_db
def test_look_alikes_are_every_asset_within_the_distance_closest_first():
    rng = random.Random(7)
    query = "0123456789abcdef"
    near = {}
    for index, bits in enumerate([8, 0, 3, 8, 5], start=1):
        phash = flip(query, rng.sample(range(64), bits))
        near[make_asset(index, phash=phash).pk] = bits
    far = [make_asset(10 + i, phash=flip(query, rng.sample(range(64), 9 + i))) for i in range(30)]
    found = look_alikes(query, max_distance=8)
    assert [asset.pk for _d, asset in found] == sorted(near, key=lambda pk: (near[pk], pk))
    assert [d for d, _asset in found] == sorted(near.values())
    assert find_look_alike(query, max_distance=8).pk == found[0][1].pk
    assert not {a.pk for a in far} & {a.pk for _d, a in found}


@pytest.mark.django_db
def test_bands_are_derived_by_the_database_in_lower_case():
    asset = make_asset(1, phash="0123456789ABCDEF")
    asset = Asset.objects.get(pk=asset.pk)
    assert (asset.phash_band0, asset.phash_band1, asset.phash_band2) == ("01234", "56789", "abcdef")
    assert [a.pk for _d, a in look_alikes("0123456789abcdef", max_distance=0)] == [asset.pk]
    assert look_alikes("not a hash", max_distance=8) == []
