"""Perceptual hashes: distances, and the index bands that find every look-alike. Pure.

A pHash is 64 bits written as 16 hex digits. Look-alikes are pictures whose hashes differ in
at most ``ARCHIVE_NEAR_DUPLICATE_DISTANCE`` bits (8 by default). The archive indexes each hash
cut into three bands of 5, 5 and 6 hex digits (multi-index hashing): if two hashes differ in at
most d bits, one of the three bands differs in at most d // 3 of them (else the three would
differ in more than d). So a lookup asks each band's index for every value within d // 3 bits
of the query's band (211, 211 and 301 values for d = 8), and measures the few candidates it
gets back: no picture within the distance can be missed, and no full scan is needed.
"""

from __future__ import annotations

from itertools import combinations

PHASH_HEX_DIGITS = 16

# (first hex digit, counted from 1 as SQL's SUBSTR does; number of hex digits) of each band.
PHASH_BANDS: tuple[tuple[int, int], ...] = ((1, 5), (6, 5), (11, 6))


def is_phash(value: str) -> bool:
    if len(value or "") != PHASH_HEX_DIGITS:
        return False
    try:
        int(value, 16)
    except ValueError:
        return False
    return True


def phash_distance(first: str, second: str) -> int:
    """The number of differing bits between two 64-bit hex hashes."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


def _within(value: int, bits: int, radius: int) -> list[int]:
    """Every ``bits``-bit value that differs from ``value`` in at most ``radius`` bits."""
    found = []
    for flipped in range(min(radius, bits) + 1):
        for positions in combinations(range(bits), flipped):
            mask = 0
            for position in positions:
                mask |= 1 << position
            found.append(value ^ mask)
    return found


def band_probes(phash: str, max_distance: int) -> list[list[str]]:
    """For each band, the band values (hex, as stored) a hash within ``max_distance`` may have.

    A hash within ``max_distance`` bits of ``phash`` holds, in at least one band, one of that
    band's values listed here.
    """
    phash = phash.lower()
    radius = max(max_distance, 0) // len(PHASH_BANDS)
    probes = []
    for start, digits in PHASH_BANDS:
        band = int(phash[start - 1 : start - 1 + digits], 16)
        probes.append([f"{value:0{digits}x}" for value in _within(band, digits * 4, radius)])
    return probes
