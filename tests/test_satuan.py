"""An indicator's values print by their unit (`lkjip.format.format_nilai`): a count as the count
it is, a percentage or index with two decimals as before.

A second office (Randudongkal 2024) printed "Realisasinya mencapai 4,00 kasus" beside a target
"3": a count of cases read as a measured 4,00. Expectations here are written by hand:

- counts (kasus, dokumen, orang …): 4 → "4", 3,5 → "3,5" (never "4"), 0,25 → "0,25", a value
  that needs rounding keeps two decimals (2/3 → "0,67", 3,999 → "4,00": never "4", which would
  read as exact);
- %, indeks, skor, nilai and no unit: two decimals as the report always printed them
  (97,456 → "97,46", 82 → "82,00").

The mini kecamatan (tests/mini.py) gets a count indicator IKU-03 "Jumlah pengaduan tidak
tertangani" in kasus, lower is better (selisih), quarters summed: target 2023 = 3, TW I–IV =
1, 0, 2, 1 → realisasi 4, capaian (2 × 3 − 4) / 3 × 100 = 66,67; earlier years 2021 = 7,
2022 = 5; Renstra end target (2026) 2: progres (2 × 2 − 4) / 2 × 100 = 0,00, still 2 kasus to
go in 3 years → 2 / 3 = 0,67 a year.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lkjip import narasi, narasi_analisis, tabel, tabel_analisis
from lkjip.format import format_nilai, satuan_skala
from lkjip.hitung import hitung
from lkjip.muat import muat
from tests.mini import BERKAS_MINI, tulis_mini

D = Decimal


@pytest.mark.parametrize(("nilai", "satuan", "tercetak"), [
    (4, "kasus", "4"),
    (D("4.00"), "kasus", "4"),
    ("3,5", "kasus", "3,5"),
    (3.5, "kasus", "3,5"),           # never rounded to 4
    (D("0.25"), "orang", "0,25"),
    (D(2) / 3, "kasus", "0,67"),     # needs rounding: two decimals
    (D("3.999"), "dokumen", "4,00"),  # rounded: must not read as an exact 4
    (D("0.125"), "kegiatan", "0,13"),  # half-up at .5
    (0, "kasus", "0"),
    (-3, "kasus", "-3"),
    (1234, "orang", "1.234"),
    (2522467250, "Rp", "2.522.467.250"),
    (None, "kasus", "–"),
    (D("97.456"), "%", "97,46"),     # percentages as today
    (100, "%", "100,00"),
    (82, "indeks", "82,00"),
    (D("66.37"), "nilai", "66,37"),
    (45, "skor", "45,00"),
    (4, "", "4,00"),                 # no unit: as today
    (4, "persen (%)", "4,00"),
])
def test_format_nilai(nilai, satuan, tercetak):
    assert format_nilai(nilai, satuan) == tercetak


@pytest.mark.parametrize(("satuan", "skala"), [
    ("%", True), ("persen", True), ("Indeks", True), ("skor", True), ("nilai", True),
    ("poin", True), ("", True), (None, True), (" % ", True),
    ("kasus", False), ("dokumen", False), ("Orang", False), ("desa", False), ("laporan", False),
    ("unit", False), ("kejadian", False), ("hari", False),
])
def test_satuan_skala(satuan, skala):
    assert satuan_skala(satuan) is skala


# ---------------------------------------------------------------- a count indicator end to end

_INDIKATOR = BERKAS_MINI["renstra/indikator.csv"] + (
    "IKU-03,S1,Jumlah pengaduan tidak tertangani,kasus,turun,selisih,jumlah,langsung,2\n")
_TARGET = BERKAS_MINI["renstra/target.csv"] + "IKU-03,2023,3\nIKU-03,2024,2\n"
_REALISASI = BERKAS_MINI["renstra/realisasi.csv"] + (
    "IKU-03,2021,tahun,7\nIKU-03,2022,tahun,5\n"
    "IKU-03,2023,TW1,1\nIKU-03,2023,TW2,0\nIKU-03,2023,TW3,2\nIKU-03,2023,TW4,1\n")
_PK = BERKAS_MINI["2023/pk_indikator.csv"] + (
    "camat,3,Meningkatnya pelayanan,Jumlah pengaduan tidak tertangani,IKU-03,kasus,3,1,1,0,1\n")


def _muat(root, realisasi=_REALISASI, **ganti):
    tulis_mini(root, ganti={"renstra/indikator.csv": _INDIKATOR, "renstra/target.csv": _TARGET,
                            "renstra/realisasi.csv": realisasi,
                            "renstra/indikator_renstra.csv": None,
                            "2023/pk_indikator.csv": _PK} | ganti)
    data = muat("contoh", 2023, root)
    return data, hitung(data)


@pytest.fixture(scope="module")
def kasus(tmp_path_factory):
    return _muat(tmp_path_factory.mktemp("kasus"))


def _polos(teks) -> str:
    return re.sub(r"\s+", " ", str(teks).replace("\xa0", " "))


def test_sentences_print_the_count_as_typed(kasus):
    data, hasil = kasus
    k = _polos(narasi.kalimat_capaian(data, hasil, "IKU-03"))
    assert "menargetkan 3 kasus" in k
    assert "Realisasinya mencapai 4 kasus sehingga capaian indikator tersebut adalah 66,67 %" in k
    assert "lebih tinggi 1 kasus dari target" in _polos(
        narasi_analisis.kalimat_target(data, hasil, "IKU-03"))
    tren = _polos(narasi_analisis.kalimat_tren(data, hasil, "IKU-03"))
    assert "Dibandingkan tahun 2022 (5 kasus), realisasi tahun 2023 turun (membaik) 1 kasus" in tren
    assert "(7 kasus), turun (membaik) 3 kasus" in tren
    progres = _polos(narasi_analisis.kalimat_progres(data, hasil, "IKU-03"))
    assert "sebesar 2 kasus, kinerja hingga tahun 2023 mencapai 0,00 %" in progres
    assert "masih diperlukan 2 kasus dalam tiga tahun tersisa" in progres
    assert "rata-rata 0,67 kasus per tahun" in progres   # 2 / 3 needs rounding
    assert ",00 kasus" not in k + tren + progres


def test_tables_print_the_count_as_typed(kasus):
    data, hasil = kasus
    t = tabel.tabel_capaian(data, hasil).df.loc["IKU-03"].tolist()
    assert t[3:6] == ["3", "4", "66,67"]
    s = tabel.tabel_sasaran(data, hasil, "S1").df.loc["IKU-03"].tolist()
    assert s[1:6] == ["7", "5", "3", "4", "66,67"]    # 2021, 2022, target, realisasi, capaian
    b = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-03", "3.9").df
    assert b.loc["target"].tolist()[1:4] == ["3", "4", "+1"]
    assert b.loc["tahun:2022"].tolist()[1:4] == ["5", "4", "-1"]
    assert b.loc["tahun:2021"].tolist()[1:4] == ["7", "4", "-3"]
    assert b.loc["renstra"].tolist()[1:4] == ["2", "4", "+2"]
    assert "rata-rata 0,67 per tahun" in b.loc["renstra", "Keterangan"]
    tw = tabel_analisis.tabel_triwulan(data, hasil, "IKU-03", "3.10").df
    # s.d. TW: targets 1, 2, 2, 3 (1+1+0+1); realisasi 1, 1, 3, 4
    assert tw["Target s.d. TW"].tolist() == ["1", "2", "2", "3"]
    assert tw["Realisasi s.d. TW"].tolist() == ["1", "1", "3", "4"]
    assert tw["Capaian (%)"].tolist() == ["100,00", "150,00", "50,00", "66,67"]


def test_the_percentages_beside_it_keep_two_decimals(kasus):
    data, hasil = kasus
    t = tabel.tabel_capaian(data, hasil).df
    # mini.py's hand values; the % target 80 by its unit as the realisasi beside it
    assert t.loc["IKU-02"].tolist()[3:6] == ["80,00", "62,50", "78,13"]
    k = _polos(narasi.kalimat_capaian(data, hasil, "IKU-01"))
    assert "Realisasinya mencapai 77,78 sehingga" in k


def test_worked_lines_of_the_working_paper_print_the_count(kasus):
    _, hasil = kasus
    i = hasil.indikator["IKU-03"]
    assert i.realisasi.uraian() == "4 = 1 + 0 + 2 + 1"
    assert i.capaian.uraian().startswith("66,67 = (2 × 3 − 4) / 3 × 100")
    assert i.progres.uraian().startswith("0,00 = (2 × 2 − 4) / 2 × 100")
    assert hasil.indikator["IKU-02"].capaian.uraian().startswith("78,13 = 62,50 / 80,00 × 100")


def test_a_half_case_stays_a_half(tmp_path):
    realisasi = _REALISASI.replace("IKU-03,2023,TW4,1", "IKU-03,2023,TW4,\"0,5\"")
    data, hasil = _muat(tmp_path, realisasi)   # 1 + 0 + 2 + 0,5 = 3,5 → (6 − 3,5) / 3 = 83,33
    k = _polos(narasi.kalimat_capaian(data, hasil, "IKU-03"))
    assert "Realisasinya mencapai 3,5 kasus sehingga capaian indikator tersebut adalah 83,33 %" in k
    assert tabel.tabel_capaian(data, hasil).df.loc["IKU-03"].tolist()[4] == "3,5"
    assert "lebih tinggi 0,5 kasus" in _polos(narasi_analisis.kalimat_target(data, hasil, "IKU-03"))
    assert hasil.indikator["IKU-03"].realisasi.uraian() == "3,5 = 1 + 0 + 2 + 0,5"


def test_findings_print_the_computed_count_as_the_report_does(tmp_path):
    from lkjip.periksa import periksa

    data, hasil = _muat(tmp_path, **{
        "2023/tersaji.csv": BERKAS_MINI["2023/tersaji.csv"] + "realisasi,IKU-03,5,Tabel 3.2\n",
        "2023/narasi/indikator/IKU-03.md":
            "Jumlah pengaduan tidak tertangani mencapai 4,5 pada tahun ini.\n"})
    temuan = [t for t in periksa(data, hasil) if "IKU-03" in t.pesan]
    tersaji = [t for t in temuan if t.berkas.endswith("tersaji.csv")]
    narasi_ = [t for t in temuan if t.aturan.startswith("narasi")]
    assert [(t.tersaji, t.terhitung) for t in tersaji] == [("5", "4")]
    assert "tersaji 5, padahal terhitung 4" in tersaji[0].pesan
    assert [t.terhitung for t in narasi_] == ["4"]
    assert "tertulis 4,5, padahal terhitung 4 (realisasi/IKU-03)" in narasi_[0].pesan


def test_explanations_of_differences_and_the_pk_print_counts(kasus):
    from lkjip import analisis as an
    from lkjip import analisis_dukungan as dk

    data, hasil = kasus
    t = an.tren(data, hasil, "IKU-03")
    assert t.selisih_target.uraian() == "1 = 4 − 3"
    assert t.lalu.selisih.uraian() == "-1 = 4 − 5"
    assert an.tren(data, hasil, "IKU-01").selisih_target.uraian() == "-2,22 = 77,78 − 80,00"
    pk = [p for p in dk.capaian_pk(data, hasil) if p.kode_pejabat == "sekcam"]
    assert pk[0].capaian.uraian().startswith("75,00 = 3 / 4 × 100")   # mini: 3 of 4 dokumen
