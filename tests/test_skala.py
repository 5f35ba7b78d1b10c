"""Tests for lkjip.skala: every preset at and around every bound."""

import pytest

from lkjip.skala import daftar_skala, kategori, kode_kategori, muat_skala

BANTARBOLANG = "bantarbolang-2023"
PERMENDAGRI = "permendagri-86-2017"
PERMENPAN = "permenpan-88-2021"


@pytest.mark.parametrize(
    ("persen", "diharapkan"),
    [
        (150, "Sangat Tinggi"),
        (93.51, "Sangat Tinggi"),
        (93.505, "Sangat Tinggi"),  # rounds to 93,51 first
        (93.504, "Tinggi"),  # rounds to 93,50
        (93.50, "Tinggi"),
        (88.76, "Tinggi"),
        (88.75, "Sedang"),
        (87.87, "Sedang"),  # the seed's cakupan capaian; the seed's Bab IV says Sangat Tinggi
        (81.26, "Sedang"),
        (81.25, "Rendah"),
        (75.51, "Rendah"),
        (75.50, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (-10, "Sangat Rendah"),
    ],
)
def test_bantarbolang_2023(persen, diharapkan):
    assert kategori(persen, BANTARBOLANG) == diharapkan


@pytest.mark.parametrize(
    ("persen", "diharapkan"),
    [
        (100, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.995, "Sangat Tinggi"),  # rounds to 91,00
        (90.99, "Tinggi"),
        (90.5, "Tinggi"),  # gap in the published bands: lower bound 76 applies
        (76, "Tinggi"),
        (75.99, "Sedang"),
        (66, "Sedang"),
        (65.99, "Rendah"),
        (51, "Rendah"),
        (50.99, "Sangat Rendah"),
        (50, "Sangat Rendah"),
    ],
)
def test_permendagri_86_2017(persen, diharapkan):
    assert kategori(persen, PERMENDAGRI) == diharapkan
    assert kategori(persen) == diharapkan  # the default scale


@pytest.mark.parametrize(
    ("nilai", "diharapkan"),
    [
        (100, "AA"),
        (90.01, "AA"),
        (90.005, "AA"),  # rounds to 90,01
        (90.004, "A"),  # rounds to 90,00
        (90, "A"),
        (80.01, "A"),
        (80, "BB"),
        (70.01, "BB"),
        (70, "B"),
        (60.01, "B"),
        (60, "CC"),
        (50.01, "CC"),
        (50, "C"),
        (30.01, "C"),
        (30, "D"),
        (0, "D"),
    ],
)
def test_permenpan_88_2021(nilai, diharapkan):
    assert kategori(nilai, PERMENPAN) == diharapkan


@pytest.mark.parametrize(
    ("persen", "skala", "kode"),
    [(93.51, BANTARBOLANG, "ST"), (81.26, BANTARBOLANG, "S"), (50, PERMENDAGRI, "SR")],
)
def test_kode_kategori(persen, skala, kode):
    assert kode_kategori(persen, skala) == kode


def test_nilai_kosong():
    assert kategori(None) is None
    assert kategori(float("nan"), BANTARBOLANG) is None


def test_skala_tidak_dikenal():
    with pytest.raises(ValueError, match="tidak dikenal.*bantarbolang-2023.*permenpan-88-2021"):
        kategori(90, "pemalang-2024")
    with pytest.raises(ValueError, match="tidak dikenal"):
        muat_skala("pemalang-2024")


def test_daftar_skala():
    assert daftar_skala() == [BANTARBOLANG, PERMENDAGRI, PERMENPAN]


@pytest.mark.parametrize(
    ("skala", "interval"),
    [
        # as the seed's Tabel 3.1 prints it
        (BANTARBOLANG, ["≥ 93,51", "88,76 – 93,50", "81,26 – 88,75", "75,51 – 81,25", "≤ 75,50"]),
        # the bands as applied (lower-bound thresholds on 2-dp values)
        (PERMENDAGRI, ["≥ 91,00", "76,00 – 90,99", "66,00 – 75,99", "51,00 – 65,99", "≤ 50,99"]),
        (
            PERMENPAN,
            [
                "> 90,00",
                "> 80,00 – 90,00",
                "> 70,00 – 80,00",
                "> 60,00 – 70,00",
                "> 50,00 – 60,00",
                "> 30,00 – 50,00",
                "≤ 30,00",
            ],
        ),
    ],
)
def test_muat_skala_interval(skala, interval):
    assert muat_skala(skala)["interval"].tolist() == interval


def test_muat_skala_kolom_dan_salinan():
    df = muat_skala(BANTARBOLANG)
    assert df.columns.tolist() == ["batas_bawah", "inklusif", "interval", "kategori", "kode"]
    assert df["kode"].tolist() == ["ST", "T", "S", "R", "SR"]
    df.loc[0, "kategori"] = "diubah"
    assert kategori(99, BANTARBOLANG) == "Sangat Tinggi"  # callers get a copy
