"""A second kecamatan entered from data/README.md alone (issue 13): Kecamatan Ulujami 2023, made
up, small but complete (tests/fixtures/kecamatan/ulujami). It loads, `lkjip check` finds no
galat or peringatan, and every figure is the one computed by hand below."""

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
    return hitung(muat("ulujami", 2023, DATA))


def _b(a) -> float:
    return float(a.bulat)


def test_check_finds_nothing_wrong():
    keluar = CliRunner().invoke(main, ["check", "--kecamatan", "ulujami", "--tahun", "2023",
                                       "--data", str(DATA)])
    assert keluar.exit_code == 0, keluar.output
    assert "0 galat, 0 peringatan" in keluar.output
    assert "Masih perlu diisi" not in keluar.output


def test_ikm(hasil):
    # S1: 4 respondents, every answer 3 but perilaku 4: Σ NRR = 8 × 3 + 4 = 28;
    #     28 / 9 × 25 = 77,777… → 77,78
    # S2: 4 respondents, every answer 4 but pengaduan 3: Σ NRR = 8 × 4 + 3 = 35;
    #     35 / 9 × 25 = 97,222… → 97,22
    # year (rerata_semester): (77,777… + 97,222…) / 2 = 87,50 → mutu B (76,61–88,30)
    assert [_b(hasil.ikm_semester[p].angka) for p in ("S1", "S2")] == [77.78, 97.22]
    assert (hasil.ikm_tahun.nilai, hasil.ikm_tahun.mutu) == (87.5, "B")


def test_cakupan_composite(hasil):
    # CL.1 data_publik 6 of 8 = 75; CL.2 desa 5 of 6 = 83,333…; CL.3 pengaduan 3 of 4 = 75;
    # CL.4 typed 9/10 = 90; CL = (75 + 83,333… + 75 + 90) / 4 = 323,333… / 4 = 80,833… → 80,83
    assert [_b(hasil.komposit[k]) for k in ("CL.1", "CL.2", "CL.3", "CL.4", "CL")] == [
        75.0, 83.33, 75.0, 90.0, 80.83]


@pytest.mark.parametrize("kode, realisasi, capaian, progres", [
    # IKU-01 naik/rasio: 87,5 / 85 × 100 = 102,941… → 102,94; to the end target 88:
    #   87,5 / 88 × 100 = 99,431… → 99,43
    ("IKU-01", 87.5, 102.94, 99.43),
    # IKU-02 naik/rasio: 80,833… / 80 × 100 = 101,041… → 101,04; / 85 × 100 = 95,098… → 95,10
    ("IKU-02", 80.83, 101.04, 95.10),
    # IKU-03 turun/selisih, realisasi.csv 2023 = 8: (2 × 10 − 8) / 10 × 100 = 120,00;
    #   to the end target 6: (2 × 6 − 8) / 6 × 100 = 66,666… → 66,67
    ("IKU-03", 8.0, 120.0, 66.67),
])
def test_indicators(hasil, kode, realisasi, capaian, progres):
    i = hasil.indikator[kode]
    assert (_b(i.realisasi), _b(i.capaian), _b(i.progres)) == (realisasi, capaian, progres)


def test_sasaran_and_budget(hasil):
    s1, s2 = hasil.sasaran["S1"], hasil.sasaran["S2"]
    # S1 = (102,941176… + 101,041666…) / 2 = 101,991421… → 101,99; S2 = IKU-03 = 120,00
    assert (_b(s1.capaian), _b(s2.capaian)) == (101.99, 120.0)
    # pagu S1 = program 1 = 310.000.000 + 140.000.000; realisasi 301.350.000 + 133.000.000
    # = 434.350.000 → 96,522… → 96,52; S2: 24.000.000 / 25.000.000 = 96,00
    assert (int(s1.pagu.nilai), int(s1.realisasi_anggaran.nilai)) == (450_000_000, 434_350_000)
    assert (_b(s1.penyerapan), _b(s2.penyerapan)) == (96.52, 96.0)
    # efisiensi = capaian − penyerapan: 101,991421… − 96,522222… = 5,469… → 5,47; 24,00
    assert (_b(s1.efisiensi), _b(s2.efisiensi)) == (5.47, 24.0)


def test_overall(hasil):
    # capaian kinerja = (101,991421… + 120) / 2 = 110,995710… → 111,00
    # penyerapan = 458.350.000 / 475.000.000 × 100 = 96,494736… → 96,49
    # efisiensi = 110,995710… − 96,494736… = 14,500974… → 14,50
    assert (_b(hasil.capaian_kinerja), _b(hasil.penyerapan), _b(hasil.efisiensi)) == (
        111.0, 96.49, 14.5)
    # the Permendagri 86/2017 scale: ≥ 91 Sangat Tinggi
    assert hasil.sasaran["S1"].kategori == "Sangat Tinggi"
