"""Kecamatan Watukumpul 2024 (made up), typed by helper kantor3 from data/README.md alone as an
office saves it from Excel (id-ID): `;` files with BOM and CRLF, decimal commas, dd/mm/yyyy,
`91,35%`, `9.640.000,-`, empty rows, a program pagu typed beside its kegiatan, raw IKM answers
(sarana before pengaduan) for two semesters, metode_ikm_tahunan gabungan, a target 0, a
lower-is-better count given by quarters, an indicator without realisasi yet, a Plt. Camat with a
PK Perubahan. tersaji.csv states one wrong IKM (86,12). Every expected value by hand; the full
hand calculation, compared with the built PDF, is in /work/coord/kantor3_hitung.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip.cli import main
from lkjip.hitung import hitung
from lkjip.muat import muat

DATA = Path(__file__).resolve().parent / "fixtures" / "kecamatan"


@pytest.fixture(scope="module")
def hasil():
    return hitung(muat("watukumpul", 2024, DATA))


def _b(a) -> float:
    return float(a.bulat)


def test_check_finds_the_stated_ikm_and_the_small_sample_only():
    keluar = CliRunner().invoke(main, ["check", "--kecamatan", "watukumpul", "--tahun", "2024",
                                       "--data", str(DATA)])
    assert "1 galat, 1 peringatan, 0 info" in keluar.output, keluar.output
    # gabungan: 22 respondents, unsur sums 79, 73, 69, 88, 74, 80, 84, 70, 63 = 680;
    # 680 / 22 / 9 × 25 = 85,8585… → 85,86; Krejcie–Morgan for 1.200 → 291
    assert "IKM tahun 2024 tersaji 86,12, padahal terhitung 85,86" in keluar.output
    assert "22 kurang dari sampel minimum Krejcie–Morgan 291" in keluar.output


def test_ikm(hasil):
    # S1 (10): sums 35, 32, 30, 40, 32, 35, 37, 31, 27 = 299 → 29,9 / 9 × 25 = 83,0555… → 83,06
    # S2 (12): sums 44, 41, 39, 48, 42, 45, 47, 39, 36 = 381 → 31,75 / 9 × 25 = 88,1944… → 88,19
    # year gabungan (22): 680 / 22 = 30,9090… / 9 × 25 = 85,8585… → 85,86, mutu B (76,61–88,30)
    assert [_b(hasil.ikm_semester[p].angka) for p in ("S1", "S2")] == [83.06, 88.19]
    assert (round(hasil.ikm_tahun.nilai, 2), hasil.ikm_tahun.mutu) == (85.86, "B")


@pytest.mark.parametrize("kode, capaian, progres", [
    # naik: 85,8585… / 85 × 100 = 101,0101… → 101,01; / 88 = 97,5665… → 97,57
    ("IKU-01", 101.01, 97.57),
    # naik: 91,35 / 90 × 100 = 101,50; / 95 = 96,1578… → 96,16
    ("IKU-02", 101.5, 96.16),
    # turun, target 0 and realisasi 0: the stated rule, 100 % when met (end target 0 too)
    ("IKU-03", 100.0, 100.0),
    # turun/selisih, TW 3 + 2 + 1 + 3 = 9: (2 × 12 − 9) / 12 × 100 = 125,00; (16 − 9) / 8 = 87,50
    ("IKU-04", 125.0, 87.5),
    # naik count: 52 / 48 × 100 = 108,333… → 108,33; 52 / 60 = 86,666… → 86,67
    ("IKU-05", 108.33, 86.67),
])
def test_indicators(hasil, kode, capaian, progres):
    i = hasil.indikator[kode]
    assert (_b(i.capaian), _b(i.progres)) == (capaian, progres)


def test_indicator_without_realisasi_is_not_rated(hasil):
    assert hasil.indikator["IKU-06"].capaian.nilai is None


def test_sasaran_overall_budget(hasil):
    s1, s2 = hasil.sasaran["S1"], hasil.sasaran["S2"]
    # S1 = (101,0101… + 101,5 + 100) / 3 = 100,8367… → 100,84; S2 = (125 + 108,333…) / 2
    # = 116,666… → 116,67 (IKU-06 not measured)
    assert (_b(s1.capaian), _b(s2.capaian)) == (100.84, 116.67)
    # pagu S1 = program 1 (9.850.000 + 2.012.635.000 + 16.200.000 + 27.300.000 + 96.600.000
    # = 2.162.585.000) + program 2 (38.900.000 + 31.200.000 = 70.100.000) = 2.232.685.000;
    # realisasi 2.115.256.850 (9.640.000 typed '9.640.000,-') + 68.455.000 = 2.183.711.850
    assert (int(s1.pagu.nilai), int(s1.realisasi_anggaran.nilai)) == (2_232_685_000,
                                                                        2_183_711_850)
    # 2.183.711.850 / 2.232.685.000 = 97,8065… → 97,81; S2 70.450.000 / 71.300.000 = 98,8078…
    assert (_b(s1.penyerapan), _b(s2.penyerapan)) == (97.81, 98.81)
    # efisiensi: 100,8367… − 97,8065… = 3,0302… → 3,03; 116,666… − 98,8078… = 17,8588… → 17,86
    assert (_b(s1.efisiensi), _b(s2.efisiensi)) == (3.03, 17.86)
    # keseluruhan = mean of sasaran (100,8367… + 116,666…) / 2 = 108,7516… → 108,75;
    # penyerapan 2.254.161.850 / 2.303.985.000 = 97,8375… → 97,84; efisiensi 10,9141… → 10,91
    assert (_b(hasil.capaian_kinerja), _b(hasil.penyerapan), _b(hasil.efisiensi)) == (
        108.75, 97.84, 10.91)
    assert s2.kategori == "Sangat Tinggi"  # permendagri-86-2017: ≥ 91


def test_progres_sasaran_over_the_measured_indicators(hasil):
    # S1 = (97,5665… + 96,1578… + 100) / 3 = 97,9081… → 97,91; S2 over the two measured
    # (IKU-06 has no realisasi): (87,5 + 86,666…) / 2 = 87,0833… → 87,08
    assert (_b(hasil.sasaran["S1"].progres), _b(hasil.sasaran["S2"].progres)) == (97.91, 87.08)
