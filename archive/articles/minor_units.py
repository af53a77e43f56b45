"""Coins and units of account printed after a figure in place of the currency: a fraction or a
multiple of it. For `figures`: pure.

- The fils (Arabic "فلس", "فلساً", "فلوس") is a thousandth of the Kuwaiti dinar (and the
  Bahraini and Jordanian), the tetri (Georgian "თეთრი", "თეთრიდან") a hundredth of the lari,
  the paisa (Hindi and Nepali "पैसे", "पैसा") a hundredth of the rupee: how many of them make
  the currency is the CLDR's count of its decimal digits (through Babel).
- The toman (Persian "تومان") is ten Iranian rials, as prices are printed in Iran.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from babel.numbers import get_currency_precision

from archive.articles.writing_systems import MARKS

# (pattern, currency, language) of coins: a hundredth or a thousandth of the currency.
_COINS = (
    (r"فلس|فلسا|فلوس", "KWD", "Arabic"),
    (r"თეთრ", "GEL", "Georgian"),
    (r"पैसे|पैसा", "INR", "Hindi"),
)
# (pattern, currency, how many of the currency one makes, language)
_MULTIPLES = ((r"تومان", "IRR", 10, "Persian"),)


@cache
def _units() -> tuple[tuple[re.Pattern, str, Decimal], ...]:
    units = [
        (pattern, code, Decimal(1) / 10 ** get_currency_precision(code))
        for pattern, code, _language in _COINS
    ]
    units += [(pattern, code, Decimal(factor)) for pattern, code, factor, _lang in _MULTIPLES]
    return tuple(
        (re.compile(rf"\s?(?:{pattern})[\w{MARKS}]*(?![\w’'-])"), code, factor)
        for pattern, code, factor in units
    )


def minor_unit(after: str) -> tuple[str, Decimal, int]:
    """(currency, what one of the unit is worth in it, characters used) for a coin or unit of
    account printed at the start of `after` ("٤٠٠ فلس" -> "KWD", 0.001), else ("", 1, 0)."""
    for pattern, code, factor in _units():
        m = pattern.match(after)
        if m:
            return code, factor, m.end()
    return "", Decimal(1), 0
