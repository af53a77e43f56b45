"""The template helpers of archive/templatetags."""

from __future__ import annotations

from archive.models import Claim
from archive.templatetags.archive_format import figure


def test_figures_are_printed_with_grouping_except_years():
    assert figure(Claim(figure=12730, unit="soldiers")) == "12,730 soldiers"
    assert (
        figure(Claim(figure=1959, unit="year the AKM was introduced"))
        == "1959 year the AKM was introduced"
    )
    assert figure(Claim(figure="7.62", unit="mm")) == "7.62 mm"
    assert figure(Claim(figure=None, unit="x")) == ""
