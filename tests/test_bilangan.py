"""Tests for lkjip.bilangan: numbers as Indonesian offices type them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip.bilangan import baca_angka, baca_ya_tidak
from lkjip.format import format_angka

D = Decimal


@pytest.mark.parametrize(
    ("teks", "diharapkan"),
    [
        ("2.522.467.250", "2522467250"),
        ("82,94", "82.94"),
        ("87,86%", "87.86"),
        ("87,86 %", "87.86"),
        ("Rp 2.522.467.250", "2522467250"),
        ("Rp. 2.522.467.250,-", "2522467250"),
        ("Rp2.522.467.250", "2522467250"),
        ("(47.067.500)", "-47067500"),
        ("Rp -47.067.500", "-47067500"),
        ("-1.234,5", "-1234.5"),
        ("82.94", "82.94"),
        ("2522467250", "2522467250"),
        ("1,234,567.89", "1234567.89"),  # English thousands
        ("1.234.567,89", "1234567.89"),
        ("1.234", "1234"),  # single '.' + exactly 3 digits: thousands (Excel id-ID)
        ("1.2340", "1.2340"),  # 4 digits: decimal
        ("0.125", "0.125"),  # integer part 0 is never a thousands group
        ("1,234", "1.234"),  # single ',' is a decimal comma
        ("12.345.678", "12345678"),
        ("  96,47 ", "96.47"),
        ("0", "0"),
        ("+5", "5"),
    ],
)
def test_baca_angka(teks, diharapkan):
    assert baca_angka(teks) == D(diharapkan)


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("abc", "bukan angka"),
        ("1,2,3", "pemisah ribuan"),
        ("1.2.3", "pemisah ribuan"),
        ("12.34.567", "pemisah ribuan"),
        ("", "kosong"),
        ("   ", "kosong"),
        ("NaN", "bukan angka"),
        ("inf", "bukan angka"),
        ("5.", "bukan angka"),
        ("--5", "bukan angka"),
        ("1.234,5,6", "pemisah ribuan"),
    ],
)
def test_baca_angka_menolak(teks, pesan):
    with pytest.raises(ValueError, match=pesan):
        baca_angka(teks)


@pytest.mark.parametrize(("x", "diharapkan"), [(7, D(7)), (0.1, D("0.1")), (D("2.5"), D("2.5"))])
def test_baca_angka_bilangan(x, diharapkan):
    assert baca_angka(x) == diharapkan


@pytest.mark.parametrize("x", [float("nan"), float("inf"), True, None])
def test_baca_angka_bilangan_tidak_sah(x):
    with pytest.raises(ValueError):
        baca_angka(x)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_format_lalu_baca_kembali(d):
    assert baca_angka(format_angka(d, 2)) == d


@pytest.mark.parametrize(
    ("teks", "diharapkan"),
    [
        ("ya", True),
        ("Ya", True),
        (" YA ", True),
        ("y", True),
        ("1", True),
        ("true", True),
        ("tidak", False),
        ("Tidak", False),
        ("t", False),
        ("0", False),
        ("FALSE", False),
        (1, True),
        (0, False),
        (True, True),
    ],
)
def test_baca_ya_tidak(teks, diharapkan):
    assert baca_ya_tidak(teks) is diharapkan


@pytest.mark.parametrize("teks", ["mungkin", "", "yes", "2"])
def test_baca_ya_tidak_menolak(teks):
    with pytest.raises(ValueError, match="ya"):
        baca_ya_tidak(teks)
