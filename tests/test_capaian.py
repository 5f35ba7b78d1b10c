"""Tests for lkjip.capaian: capaian per indikator and sasaran, Renstra progress, ratios.

Every expected value is computed by hand in the comment beside it.
"""

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from lkjip.angka import Angka, Sumber
from lkjip.capaian import (
    ATURAN_NOL_PER_NOL,
    ATURAN_TARGET_NOL,
    capaian,
    capaian_angka,
    capaian_sasaran,
    capaian_sasaran_angka,
    progres_renstra,
    rasio,
    rasio_angka,
)

D = Decimal


@pytest.mark.parametrize(
    ("realisasi", "target", "arah", "metode", "diharapkan"),
    [
        # seed, Cakupan layanan: 83,20 / 94,69 × 100 = 87,8657… (the seed prints 87,86)
        (83.20, 94.69, "naik", None, 87.87),
        # lower is better: (2 × 94,69 − 83,20) / 94,69 × 100 = 106,18 / 94,69 = 112,134…
        (83.20, 94.69, "turun", None, 112.13),
        (83.20, 94.69, "turun", "selisih", 112.13),
        # kebalikan: 94,69 / 83,20 × 100 = 113,810…
        (83.20, 94.69, "turun", "kebalikan", 113.81),
        # seed, IKM: 82,94 / 82 × 100 = 101,1463…
        (82.94, 82, "naik", None, 101.15),
        (82.94, 82, "naik", "rasio", 101.15),
        # above 100 %
        (110, 100, "naik", None, 110.0),
        # lower is better, realisasi half the target: (200 − 50) / 100 × 100 = 150
        (50, 100, "turun", None, 150.0),
        # lower is better, realisasi 2,5 × target: (200 − 250) / 100 × 100 = −50 (may go negative)
        (250, 100, "turun", None, -50.0),
        # exactly at .xx5: 0,87865 / 1 × 100 = 87,865 → 87,87 (banker's rounding would give 87,86)
        (0.87865, 1, "naik", None, 87.87),
        # 2,675 / 100 × 100 = 2,675 → 2,68 (the float 2.675 is 2,67499…)
        (2.675, 100, "naik", None, 2.68),
        # 1 / 3 × 100 = 33,333…
        (1, 3, "naik", None, 33.33),
        # target 0 rule: naik met when R ≥ 0
        (0, 0, "naik", None, 100.0),
        (5, 0, "naik", None, 100.0),
        (-1, 0, "naik", None, 0.0),
        # target 0 rule: turun met when R ≤ 0
        (0, 0, "turun", None, 100.0),
        (-2, 0, "turun", None, 100.0),
        (3, 0, "turun", None, 0.0),
        (3, 0, "turun", "kebalikan", 0.0),
    ],
)
def test_capaian(realisasi, target, arah, metode, diharapkan):
    assert capaian(realisasi, target, arah=arah, metode=metode) == diharapkan


def test_capaian_required_values_from_issue():
    assert capaian(83.20, 94.69) == 87.87
    assert capaian(83.20, 94.69, arah="turun") == 112.13
    assert capaian(82.94, 82) == 101.15


def test_capaian_mengembalikan_float():
    assert type(capaian(82.94, 82)) is float


@pytest.mark.parametrize(("realisasi", "target"), [(None, 82), (82, None), (float("nan"), 82)])
def test_capaian_tanpa_data_nan(realisasi, target):
    assert math.isnan(capaian(realisasi, target))


@pytest.mark.parametrize(
    ("arah", "metode", "pesan"),
    [
        ("atas", None, "arah"),
        ("naik", "selisih", "metode"),
        ("naik", "kebalikan", "metode"),
        ("turun", "rasio", "metode"),
        ("turun", "lainnya", "metode"),
    ],
)
def test_capaian_arah_metode_tidak_sah(arah, metode, pesan):
    with pytest.raises(ValueError, match=pesan):
        capaian(1, 1, arah=arah, metode=metode)


def test_kebalikan_realisasi_nol():
    # T / 0 has no value: refuse rather than divide by zero silently
    with pytest.raises(ValueError, match="kebalikan"):
        capaian(0, 5, arah="turun", metode="kebalikan")


def test_capaian_angka_provenance():
    r = Sumber("realisasi.csv", 5, "realisasi", "83,20")
    a = capaian_angka(r, 94.69)
    assert a.masukan == (r, D("94.69"))
    # unrounded: 83,20 / 94,69 × 100 = 832000 / 9469 = 87,86566…
    assert abs(Fraction(a.nilai) - Fraction(832000, 9469)) < Fraction(1, 10**20)
    assert a.rumus == "Realisasi / Target × 100"
    assert a.uraian() == "87,87 = 83,20 / 94,69 × 100"  # typed digits kept as typed


def test_capaian_angka_aturan_target_nol():
    a = capaian_angka(0, 0)
    assert a.nilai == 100
    assert a.aturan == ATURAN_TARGET_NOL


def test_capaian_angka_turun_uraian():
    assert capaian_angka(50, 100, "turun").uraian() == "150,00 = (2 × 100 − 50) / 100 × 100"


@pytest.mark.parametrize(
    ("daftar", "diharapkan"),
    [
        ([101.15], 101.15),
        ([87.87, 101.15], 94.51),  # 189,02 / 2 = 94,51
        ([100, 50, 0], 50.0),  # 150 / 3
        ([10.00, 10.00, 10.01], 10.0),  # 30,01 / 3 = 10,00333…
    ],
)
def test_capaian_sasaran(daftar, diharapkan):
    assert capaian_sasaran(daftar) == diharapkan


def test_capaian_sasaran_bulatkan_sekali():
    # unrounded: (10,004 + 10,004 + 10,007) / 3 = 30,015 / 3 = 10,005 → 10,01
    # (rounding each first would give 10,00 + 10,00 + 10,01 → 10,00, the case above)
    angka = [Angka(D("10.004")), Angka(D("10.004")), Angka(D("10.007"))]
    assert capaian_sasaran(angka) == 10.01
    assert capaian_sasaran_angka(angka).bulat == D("10.01")


def test_capaian_sasaran_kosong_dan_nan():
    with pytest.raises(ValueError):
        capaian_sasaran([])
    assert math.isnan(capaian_sasaran([100, None]))


@pytest.mark.parametrize(
    ("realisasi", "target_akhir", "arah", "diharapkan"),
    [
        (82.94, 99.73, "naik", 83.16),  # 82,94 / 99,73 = 0,831645… (seed narrative 83,16)
        (83.20, 96.47, "naik", 86.24),  # 83,20 / 96,47 = 0,862444… (the seed prints 83,20)
        (5, 4, "turun", 75.0),  # (2 × 4 − 5) / 4 × 100
        (0, 0, "naik", 100.0),  # target-0 rule
    ],
)
def test_progres_renstra(realisasi, target_akhir, arah, diharapkan):
    assert progres_renstra(realisasi, target_akhir, arah) == diharapkan


def test_progres_renstra_target_akhir_kosong():
    assert math.isnan(progres_renstra(82.94, None))


@pytest.mark.parametrize(
    ("pembilang", "penyebut", "diharapkan"),
    [
        (4, 10, 40.0),  # seed: data publik
        (4, 4, 100.0),  # seed: pengaduan
        (2, 9, 22.22),  # seed: layanan pelimpahan, 22,222…
        (17, 17, 100.0),  # seed: desa
        (0, 0, 100.0),  # 0/0 rule
        (5, 4, 125.0),  # above 100 is computed, checks flag it
        (1, 8, 12.5),
        (2, 3, 66.67),  # 66,666…
        (0, 7, 0.0),
    ],
)
def test_rasio(pembilang, penyebut, diharapkan):
    assert rasio(pembilang, penyebut) == diharapkan


def test_rasio_nol_per_nol_menyatakan_aturan():
    assert rasio_angka(0, 0).aturan == ATURAN_NOL_PER_NOL


@pytest.mark.parametrize(("pembilang", "penyebut"), [(1, 0), (-1, 4), (1, -4)])
def test_rasio_tidak_sah(pembilang, penyebut):
    with pytest.raises(ValueError, match="rasio|negatif"):
        rasio(pembilang, penyebut)


def test_aturan_dalam_bahasa_indonesia():
    assert "target bernilai 0" in ATURAN_TARGET_NOL
    assert "0/0" in ATURAN_NOL_PER_NOL and "100%" in ATURAN_NOL_PER_NOL
