"""Tests for lkjip.angka: half-up rounding, Decimal conversion, Angka provenance."""

from dataclasses import FrozenInstanceError
from decimal import Decimal

import pandas as pd
import pytest

from lkjip.angka import Angka, Sumber, bulatkan, ke_decimal, nilai_dari, rerata

D = Decimal


@pytest.mark.parametrize(
    ("x", "desimal", "diharapkan"),
    [
        (87.8657, 2, "87.87"),  # the seed's 83,20 / 94,69 × 100 = 87,8657 (Tabel 3.2 prints 87,86)
        (82.775, 2, "82.78"),  # (82,61 + 82,94) / 2, exactly at .xx5
        (0.125, 2, "0.13"),  # float 0.125 is exact; half-up, not banker's (0.12)
        (2.675, 2, "2.68"),  # float 2.675 is 2.67499…; str() keeps 2.675
        (87.865, 2, "87.87"),
        (1.005, 2, "1.01"),  # float 1.005 is 1.00499…
        (-0.125, 2, "-0.13"),  # half away from zero
        (100, 2, "100.00"),
        ("82,94", 2, "82.94"),  # typed text goes through baca_angka
        (D("0.005"), 2, "0.01"),
        (2.5, 0, "3"),
        (47_067_499.5, 0, "47067500"),
    ],
)
def test_bulatkan_half_up(x, desimal, diharapkan):
    assert bulatkan(x, desimal) == D(diharapkan)
    assert str(bulatkan(x, desimal)) == diharapkan


def test_bulatkan_none_tetap_none():
    assert bulatkan(None) is None
    assert bulatkan(float("nan")) is None


@pytest.mark.parametrize(
    ("x", "diharapkan"),
    [
        (0.1, D("0.1")),  # not 0.1000000000000000055…
        (7, D(7)),
        ("2.522.467.250", D(2522467250)),
        (D("1.50"), D("1.50")),
        (None, None),
        (float("nan"), None),
        (pd.NA, None),
    ],
)
def test_ke_decimal(x, diharapkan):
    assert ke_decimal(x) == diharapkan


@pytest.mark.parametrize("x", [True, float("inf"), "abc", object()])
def test_ke_decimal_menolak(x):
    with pytest.raises(ValueError):
        ke_decimal(x)


def test_angka_bulat_dan_float():
    a = Angka(D("86.81481481"), label="Cakupan layanan")
    assert a.bulat == D("86.81")
    assert float(a) == pytest.approx(86.81481481)  # float() is unrounded


def test_angka_tanpa_nilai():
    a = Angka(None, "Realisasi / Target × 100")
    assert a.bulat is None
    assert float(a) != float(a)  # NaN
    assert a.uraian() == "– = Realisasi / Target × 100"


def test_angka_beku():
    a = Angka(D(1))
    with pytest.raises(FrozenInstanceError):
        a.nilai = D(2)


def test_uraian_dengan_pola_dan_sumber():
    p = Sumber("komposit.csv", 4, "pembilang", "4")
    q = Sumber("komposit.csv", 4, "penyebut", "10")
    a = Angka(D(40), "Pembilang / Penyebut × 100", (p, q), pola="{0} / {1} × 100")
    assert a.uraian() == "40,00 = 4 / 10 × 100"


def test_uraian_tanpa_pola_menyebut_aturan():
    a = Angka(D(100), "Pembilang / Penyebut × 100", (D(0), D(0)), aturan="0/0 = 100")
    assert a.uraian() == "100,00 = Pembilang / Penyebut × 100 (0/0 = 100)"


def test_sumber():
    s = Sumber("anggaran.csv", 3, "pagu_murni", "2.522.467.250")
    assert s.angka == D(2522467250)
    assert s.uraian() == "anggaran.csv baris 3 kolom pagu_murni: 2.522.467.250"
    assert nilai_dari(s) == D(2522467250)


def test_rerata_seed_cakupan_layanan():
    # (54,0740… + 80 + 100 + 100 + 100) / 5 = 434,0740… / 5 = 86,8148… → 86,81
    cl1 = Angka((D(40) + D(100) + D(200) / D(9)) / 3)  # (40 + 100 + 22,22…) / 3 = 54,0740…
    anak = [cl1, Angka(D(80)), Angka(D(100)), Angka(D(100)), Angka(D(100))]
    hasil = rerata(anak, label="Cakupan layanan kecamatan")
    assert hasil.bulat == D("86.81")
    assert hasil.uraian() == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    assert hasil.masukan[0] is cl1


def test_rerata_dengan_nilai_kosong_dan_daftar_kosong():
    assert rerata([Angka(D(1)), Angka(None)]).nilai is None
    with pytest.raises(ValueError, match="kosong"):
        rerata([])
