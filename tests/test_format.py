"""Tests for lkjip.format: the one Indonesian formatter."""

from decimal import Decimal

import pytest

from lkjip.angka import Angka
from lkjip.format import format_angka, format_persen, format_rupiah, formatter_sumbu


@pytest.mark.parametrize(
    ("x", "desimal", "diharapkan"),
    [
        (87.8657, 2, "87,87"),
        (2_522_467_250, 0, "2.522.467.250"),
        (1234.5, 2, "1.234,50"),
        (-47_067_500, 0, "-47.067.500"),
        (None, 2, "–"),
        (float("nan"), 2, "–"),
        (0.125, 2, "0,13"),  # half-up
        (999.995, 2, "1.000,00"),  # carries into the thousands
        (-0.004, 2, "0,00"),  # no '-0,00'
        (Decimal("1234567.891"), 1, "1.234.567,9"),
        (0, 0, "0"),
        (Angka(Decimal("86.8148")), 2, "86,81"),
        (Angka(None), 2, "–"),
        (4, None, "4"),  # as given
        (Decimal("22.5"), None, "22,5"),
        ("82,94", 2, "82,94"),
    ],
)
def test_format_angka(x, desimal, diharapkan):
    assert format_angka(x, desimal) == diharapkan


@pytest.mark.parametrize(
    ("x", "desimal", "diharapkan"),
    [(87.8657, 2, "87,87\xa0%"), (101.146, 2, "101,15\xa0%"), (100, 0, "100\xa0%"), (None, 2, "–")],
)
def test_format_persen(x, desimal, diharapkan):
    assert format_persen(x, desimal) == diharapkan


@pytest.mark.parametrize(
    ("x", "kurung", "diharapkan"),
    [
        (2_522_467_250, False, "Rp 2.522.467.250"),
        (-47_067_500, False, "Rp -47.067.500"),
        (-47_067_500, True, "(47.067.500)"),  # as Tabel 2.5 prints it
        (2_522_467_250, True, "2.522.467.250"),
        (0, False, "Rp 0"),
        (0, True, "0"),
        (1234.5, False, "Rp 1.235"),  # whole rupiah, half-up
        (None, False, "–"),
    ],
)
def test_format_rupiah(x, kurung, diharapkan):
    assert format_rupiah(x, kurung=kurung) == diharapkan


def test_formatter_sumbu():
    assert formatter_sumbu()(1_234_567.4, 0) == "1.234.567"
    assert formatter_sumbu(1)(0.25, 0) == "0,3"
