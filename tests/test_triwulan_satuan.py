"""The quarterly report prints an indicator's values by the yearly edition's rule
(`lkjip.format.format_nilai`): a percentage, index or score with two decimals, a count as exact
as it is (at most two decimals); its worked lines print counts as counts; a pejabat without a
PK budget line has no budget figures ('–' and a note), not zeros.

Every expected value is computed by hand from the rows of tests/mini_tw.py, plus one count row
added here:

- sekcam 7 "Jumlah pengaduan tertangani", kasus, jumlah naik: target 3; TW targets 1, 1, 0, 1;
  realisasi TW I–III 1,5; 1,5; 0,5.
  TW II: target s.d. 1 + 1 = 2, realisasi s.d. 1,5 + 1,5 = 3, capaian 3 / 2 × 100 = 150,00;
  proyeksi 3 × 3 / 2 = 4,5 (a count: "4,5", never "5" nor "4,50"), gap 4,5 − 3 = 1,5.
  TW III: target s.d. 1 + 1 + 0 = 2, realisasi s.d. 1,5 + 1,5 + 0,5 = 3,5,
  capaian 3,5 / 2 × 100 = 175,00, proyeksi 3 × 3,5 / 2 = 5,25.

and, for the '–' row, the Watukumpul fixture (tests/fixtures/kecamatan/watukumpul, kantor3's
hand calculation in /work/coord/kantor3_hitung.md): the Kasubbag Perencanaan dan Keuangan has an
indicator but no row in pk_anggaran.csv.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lkjip import tabel_triwulan as tt
from lkjip.laporan_triwulan import muat_triwulan
from lkjip.muat import muat
from tests.mini_tw import (
    PK_INDIKATOR,
    REALISASI_PK_TW,
    baris_tabel,
    pk_tw,
    tulis_mini_tw,
    tw_fixture,
)

WATUKUMPUL = Path(__file__).parent / "fixtures" / "kecamatan"

_GANTI = {
    "2023/pk_indikator.csv": PK_INDIKATOR
    + "sekcam,7,Pengaduan,Jumlah pengaduan tertangani,,kasus,3,1,1,0,1\n",
    "2023/realisasi_pk_tw.csv": REALISASI_PK_TW + 'sekcam,7,jumlah,naik,,"1,5","1,5","0,5",\n',
}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return muat("contoh", 2023, tulis_mini_tw(tmp_path_factory.mktemp("tw"), ganti=_GANTI))


tw2, tw3 = tw_fixture(2), tw_fixture(3)




def _catatan(html) -> str:
    return " ".join(BeautifulSoup(html.isi, "html.parser").get_text(" ").split())


# ---------------------------------------------------------------- values in the tables


def test_a_percentage_keeps_two_decimals(tw3):
    # IKU-02 (%): target 80, s.d. TW III 45, proyeksi 80 × 45 / 60 = 60 → 75 %, 20 points short
    baris = baris_tabel(tt.tabel_peringatan_kinerja(tw3, "1.1"))
    assert ["1.", "Camat", "Cakupan layanan", "80,00", "45,00", "60,00", "75,00",
            "Diperkirakan tidak tercapai",
            "Diperkirakan kurang 20,00 poin persen dari target."] in baris
    camat = baris_tabel(tt.tabel_indikator_pejabat(tw3, "camat", "3.1"))
    # IKU-01 (indeks): 80; s.d. TW III target 80 (TW II's holds), realisasi 81 → 101,25
    assert camat[0][3:8] == ["80,00", "80,00", "81,00", "101,25", "81,00"]
    # IKU-02: target s.d. TW III 60, realisasi 45 → 75,00
    assert camat[1][3:8] == ["80,00", "60,00", "45,00", "75,00", "60,00"]


def test_a_count_prints_as_exact_as_it_is(tw2, tw3):
    sekcam = {b[0]: b for b in baris_tabel(tt.tabel_indikator_pejabat(tw3, "sekcam", "3.2"))}
    # sekcam 2 (kali): 20; s.d. TW III 15 planned, 14 done; 20 × 14 / 15 = 18,67 → 93,33
    assert sekcam["2."][3:9] == ["20", "15", "14", "93,33", "18,67", "93,33"]
    # sekcam 7 (kasus): 3; s.d. TW III 2 planned, 3,5 done (not "3,50") → 175,00; 5,25
    assert sekcam["7."][3:9] == ["3", "2", "3,5", "175,00", "5,25", "175,00"]
    awal = {b[0]: b for b in baris_tabel(tt.tabel_indikator_pejabat(tw2, "sekcam", "3.2"))}
    # TW II: s.d. 2 planned, 3 done → 150,00; proyeksi 3 × 3 / 2 = 4,5 (not "5", not "4,50")
    assert awal["7."][3:9] == ["3", "2", "3", "150,00", "4,5", "150,00"]
    # sekcam 3 (hari, rerata turun): TW II mean (6 + 5) / 2 = 5,5; (2 × 5 − 5,5) / 5 = 90,00;
    # proyeksi 5 × 5,5 / 5 = 5,5
    assert awal["3."][3:9] == ["5", "5", "5,5", "90,00", "5,5", "90,00"]


def test_the_gap_in_words_by_the_unit(tw2, tw3):
    assert tt.keterangan_selisih(pk_tw(tw2, "sekcam", 7)) == \
        "Diperkirakan melampaui target 1,5 kasus."          # 4,5 − 3
    assert tt.keterangan_selisih(pk_tw(tw3, "sekcam", 2)) == \
        "Diperkirakan kurang 1,33 kali dari target."        # 18,666… − 20
    assert tt.keterangan_selisih(pk_tw(tw3, "camat", 2)) == \
        "Diperkirakan kurang 20,00 poin persen dari target."  # 60 − 80


# ---------------------------------------------------------------- worked lines


def test_worked_lines_of_a_count(tw2, tw3):
    i = pk_tw(tw3, "sekcam", 7)
    assert i.akhir.target.uraian() == "2 = 1 + 1 + 0"
    assert i.akhir.realisasi.uraian() == "3,5 = 1,5 + 1,5 + 0,5"
    assert i.akhir.capaian.uraian() == "175,00 = 3,5 / 2 × 100"
    assert i.proyeksi.nilai.uraian() == "5,25 = 3 × 3,5 / 2"
    # the projection's places come from its own value, not from the target's (3)
    p = pk_tw(tw2, "sekcam", 7).proyeksi
    assert (p.nilai.uraian(), p.selisih.uraian()) == ("4,5 = 3 × 3 / 2", "1,5 = 4,5 − 3")
    # sekcam 5 (kejadian, jumlah turun): s.d. TW III 1 + 2 + 3 = 6 against 2 + 2 + 2 = 6;
    # proyeksi 8 × 6 / 6 = 8, (2 × 8 − 8) / 8 × 100 = 100
    g = pk_tw(tw3, "sekcam", 5)
    assert g.akhir.realisasi.uraian() == "6 = 1 + 2 + 3"
    assert g.akhir.capaian.uraian() == "100,00 = (2 × 6 − 6) / 6 × 100"
    assert g.proyeksi.nilai.uraian() == "8 = 8 × 6 / 6"
    assert g.proyeksi.persen.uraian() == "100,00 = (2 × 8 − 8) / 8 × 100"
    # TW II: s.d. 1 + 2 = 3 against 4 → (2 × 4 − 3) / 4 × 100 = 125
    assert pk_tw(tw2, "sekcam", 5).akhir.capaian.uraian() == "125,00 = (2 × 4 − 3) / 4 × 100"


def test_worked_lines_of_a_percentage_keep_two_decimals(tw3):
    i = pk_tw(tw3, "camat", 2)   # IKU-02 (%), 45 / 60 × 100 = 75
    assert i.akhir.capaian.uraian() == "75,00 = 45,00 / 60,00 × 100"
    assert i.proyeksi.nilai.uraian() == "60,00 = 80,00 × 45,00 / 60,00"
    assert i.proyeksi.selisih.uraian() == "-20,00 = 60,00 − 80,00"


def test_the_hover_of_a_quarterly_cell_is_the_worked_line(tw3):
    isi = tt.tabel_indikator_pejabat(tw3, "sekcam", "3.2").isi
    assert "100,00 = (2 × 6 − 6) / 6 × 100" in isi      # sekcam 5's capaian s.d. TW III
    assert "5,25 = 3 × 3,5 / 2" in isi                 # sekcam 7's projection


# ---------------------------------------------------------------- a PK without a budget line


@pytest.fixture(scope="module")
def watukumpul_tw2():
    return muat_triwulan("watukumpul", 2024, 2, WATUKUMPUL)


def test_a_pejabat_without_a_budget_line_has_no_budget_figures(watukumpul_tw2):
    t = tt.tabel_ringkasan_anggaran(watukumpul_tw2, "2.2")
    baris = {b[0]: b[1:] for b in baris_tabel(t)}
    assert baris["Kepala Sub Bagian Perencanaan dan Keuangan"] == ["–"] * 5
    # a pejabat with lines still prints them: kasi_trantib 3.1 + 3.2: anggaran
    # 61.800.000 + 9.500.000, plan s.d. TW II (12.000.000 + 18.000.000) + (0 + 3.000.000),
    # realisasi 29.150.000 + 3.000.000 → 32.150.000 / 33.000.000 = 97,42; / 71.300.000 = 45,09
    assert baris["Plt. Kepala Seksi Ketenteraman dan Ketertiban Umum"] == [
        "71.300.000", "33.000.000", "32.150.000", "97,42", "45,09"]
    assert ("PK Kepala Sub Bagian Perencanaan dan Keuangan tidak memuat baris anggaran "
            "(pk_anggaran.csv) sehingga anggaran, anggaran kas, realisasi dan penyerapannya "
            "ditulis “–”, bukan 0.") in _catatan(t)


def test_an_unreported_realisasi_is_a_dash_and_a_typed_target_prints_by_its_unit(
        watukumpul_tw2, tw3):
    tabel = tt.tabel_indikator_pejabat(watukumpul_tw2, "camat", "3.1")
    camat = {b[0]: b for b in baris_tabel(tabel)}
    # IKU-01 (indeks 85, TW II target 85, realisasi TW II empty) and IKU-06 (%, 75 due in TW
    # IV only): no realisasi s.d. TW II, one dash, not "–; –" as if a/b quarters
    assert camat["1."][3:6] == ["85,00", "85,00", "–"]
    assert camat["6."][3:6] == ["75,00", "–", "–"]
    # sekcam 1 (dokumen, 6) and 2 (%, 95) have no row in realisasi_pk_tw.csv: not rated, the
    # typed target by its unit
    tabel = tt.tabel_indikator_pejabat(watukumpul_tw2, "sekcam", "3.2")
    sekcam = {b[0]: b for b in baris_tabel(tabel)}
    assert sekcam["1."][3:6] == ["6", "–", "–"]
    assert sekcam["2."][3:6] == ["95,00", "–", "–"]
    # the mini's a/b row (sekcam 6: 10/1; quarters 0, 10/1, 0) stays as written
    ab = {b[0]: b for b in baris_tabel(tt.tabel_indikator_pejabat(tw3, "sekcam", "3.2"))}
    assert ab["6."][3:6] == ["10/1", "–", "0; 10/1; 0"]


def test_no_note_when_every_pejabat_has_a_budget_line(tw3):
    assert "tidak memuat baris anggaran" not in _catatan(tt.tabel_ringkasan_anggaran(tw3, "2.2"))


# ---------------------------------------------------------------- the yearly edition's quarters


def test_the_editions_quarters_explain_a_count_as_a_count(tmp_path):
    """Tabel Capaian per Triwulan of the yearly edition (the same quarterly figures): its
    capaian cells explain themselves on hover with the counts as counts. tests/test_satuan.py's
    IKU-03 (kasus, turun, selisih, jumlah): targets 1, 1, 0, 1; realisasi 1, 0, 2, 1;
    s.d. TW IV 3 and 4, (2 × 3 − 4) / 3 × 100 = 66,67."""
    from lkjip import analisis as an
    from lkjip import tabel_analisis
    from tests.test_satuan import _muat

    data, hasil = _muat(tmp_path)
    akhir = an.triwulan(data, hasil, "IKU-03")[-1]
    assert akhir.target.uraian() == "3 = 1 + 1 + 0 + 1"
    assert akhir.realisasi.uraian() == "4 = 1 + 0 + 2 + 1"
    assert akhir.capaian.uraian() == "66,67 = (2 × 3 − 4) / 3 × 100"
    # TW II: s.d. 2 against 1 → (2 × 2 − 1) / 2 × 100 = 150
    assert an.triwulan(data, hasil, "IKU-03")[1].capaian.uraian() == \
        "150,00 = (2 × 2 − 1) / 2 × 100"
    html = str(tabel_analisis.tabel_triwulan(data, hasil, "IKU-03", "3.10").html())
    assert "66,67 = (2 × 3 − 4) / 3 × 100" in html and "3,00 − 4,00" not in html
