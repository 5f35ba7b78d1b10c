"""`lkjip jelaskan --triwulan N`: quarterly figures explained down to the typed cells, through the
catalogue's mechanism (`lkjip.katalog_tw.KATALOG_TW` given to `katalog.cari`).

Every expected value is computed by hand from the rows of tests/mini_tw.py (row numbers as a
spreadsheet shows them: header = row 1).
"""

from __future__ import annotations

import itertools

import pytest
from click.testing import CliRunner

from lkjip import jejak
from lkjip.cli import main
from lkjip.katalog import JalurTidakDikenal, _kunci, cari, isi_jalur
from lkjip.katalog_tw import KATALOG_TW
from lkjip.laporan_triwulan import muat_triwulan
from tests.mini_tw import tulis_mini_tw


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tulis_mini_tw(tmp_path_factory.mktemp("tw"))


@pytest.fixture(scope="module")
def tw3(data_dir):
    return muat_triwulan("contoh", 2023, 3, data_dir)


def _jelaskan(data_dir, jalur: str, n: str = "3"):
    return CliRunner().invoke(main, ["jelaskan", "--kecamatan", "contoh", "--tahun", "2023",
                                     "--triwulan", n, "--data", str(data_dir), jalur])


def test_cli_explains_a_projection_down_to_the_cells(data_dir):
    # sekcam 2 (rapat, jumlah naik): target 20; TW targets 5,5,5,5; realisasi 5,4,5
    # s.d. TW III: realisasi 5 + 4 + 5 = 14, target 5 + 5 + 5 = 15
    # proyeksi = 20 × 14 / 15 = 18,666… → 18,67; rapat are counted ("kali"): the inputs print
    # as the counts they are, the projection with two decimals because it needs rounding
    r = _jelaskan(data_dir, "kinerja/sekcam.2/proyeksi")
    assert r.exit_code == 0, r.output
    baris = [b.strip() for b in r.output.splitlines()]
    assert baris[:3] == ["kinerja/sekcam.2/proyeksi", "", "proyeksi PK sekcam no 2 = 18,67"]
    assert "hitungan: 18,67 = 20 × 14 / 15" in baris
    # a sum s.d. TW III names the quarters it adds (not "TW I + … + TW IV")
    assert "rumus: TW I + TW II + TW III" in baris
    assert "hitungan: 14 = 5 + 4 + 5" in baris
    # realisasi_pk_tw.csv: camat 1, camat 2, sekcam 1, sekcam 2 → row 5; pk_indikator.csv the same
    assert "- contoh/2023/realisasi_pk_tw.csv baris 5, kolom tw2: 4" in baris
    assert "- contoh/2023/pk_indikator.csv baris 5, kolom target: 20" in baris


@pytest.mark.parametrize("jalur, kepala, hitungan", [
    # 18,666… / 20 × 100 = 93,33 (the unrounded projection is used)
    ("kinerja/sekcam.2/capaian_proyeksi", "capaian proyeksi PK sekcam no 2 = 93,33", None),
    # sekcam 3 (rerata, turun): s.d. TW II realisasi (6 + 5) / 2 = 5,5, target 5;
    # capaian (2 × 5 − 5,5) / 5 × 100 = 90; days are a count: 5 and 5,5 as they are
    ("kinerja/sekcam.3/tw2/capaian", "capaian PK sekcam no 3 s.d. TW II = 90,00",
     "hitungan: 90,00 = (2 × 5 − 5,5) / 5 × 100"),
    # sekcam 1 budget: plan 100.000 + 200.000 + 150.000 = 450.000, realisasi s.d. TW III 420.000
    # → 420.000 / 450.000 × 100 = 93,33; Rupiah without decimals
    ("anggaran/sekcam.1/tw3/penyerapan_kas",
     "penyerapan PK sekcam no 1 terhadap anggaran kas s.d. TW III = 93,33",
     "hitungan: 93,33 = 420.000 / 450.000 × 100"),
    ("anggaran/sekcam.1/tw3/kas", "anggaran kas PK sekcam no 1 s.d. TW III = 450.000",
     "hitungan: 450.000 = 100.000 + 200.000 + 150.000"),
    # the kecamatan: realisasi 420.000 + 150.000 = 570.000; plan 450.000 + (0 + 0 + 200.000)
    # = 650.000 → 570.000 / 650.000 × 100 = 87,69
    ("ringkasan/kecamatan/penyerapan_kas",
     "penyerapan Kecamatan Contoh terhadap anggaran kas s.d. TW III = 87,69",
     "hitungan: 87,69 = 570.000 / 650.000 × 100"),
    # the Camat's rated indicators: IKU-01 81 / 80 × 100 = 101,25; IKU-02 45 / 60 × 100 = 75
    # → (101,25 + 75) / 2 = 88,125 → 88,13 (half up)
    ("ringkasan/camat/capaian", None, "hitungan: 88,13 = (101,25 + 75,00) / 2"),
])
def test_quarterly_figures_by_path(tw3, jalur, kepala, hitungan):
    teks = jejak.jelaskan(tw3, jalur, KATALOG_TW)
    baris = [b.strip() for b in teks.splitlines()]
    assert baris[0] == jalur
    if kepala:
        assert baris[2] == kepala
    if hitungan:
        assert hitungan in baris


def test_a_figure_not_rated_says_why(tw3):
    # sekcam 6: target 10/1 (people per activity) is shown as written, not rated
    a = cari(tw3, "kinerja/sekcam.6/proyeksi", KATALOG_TW)
    assert a.nilai is None and "a/b" in a.rumus


def test_unknown_path_lists_the_quarterly_paths_and_exits_1(data_dir):
    r = _jelaskan(data_dir, "kinerja/sekcam.9/proyeksi")
    assert r.exit_code == 1
    assert "Angka 'kinerja/sekcam.9/proyeksi' tidak dikenal" in r.output
    assert "kinerja/<baris>/proyeksi" in r.output and "ringkasan/<unit>/capaian" in r.output
    assert "sekcam.6" in r.output and "tw: tw1, tw2, tw3)" in r.output


def test_a_quarter_after_the_report_is_not_a_path(tw3):
    with pytest.raises(JalurTidakDikenal):
        cari(tw3, "kinerja/sekcam.1/tw4/realisasi", KATALOG_TW)


def test_every_path_resolves_to_a_figure(tw3):
    # each entry with every combination of its keys reads a figure (or says why there is none)
    jumlah = 0
    for jenis in KATALOG_TW:
        pilihan = [jenis.pilihan_kunci(tw3, n) for n in _kunci(jenis.jalur)]
        for kunci in itertools.product(*pilihan):
            jalur = isi_jalur(jenis.jalur, kunci)
            a = cari(tw3, jalur, KATALOG_TW)
            assert a.nilai is not None or a.rumus, jalur
            jumlah += 1
    # 8 indicators × (4 + 3 × 3 per quarter) + 3 budget rows × (5 + 3 × 3) + 3 units × 6
    assert jumlah == 8 * 13 + 3 * 14 + 3 * 6


def test_the_yearly_paths_are_unchanged_without_triwulan(data_dir):
    r = CliRunner().invoke(main, ["jelaskan", "--kecamatan", "contoh", "--tahun", "2023",
                                  "--data", str(data_dir), "kinerja/sekcam.2/proyeksi"])
    assert r.exit_code == 1 and "capaian/<indikator>" in r.output
