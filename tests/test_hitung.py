"""The computed model on the example (the seed) and on the mini fixture.

Expected values are hand calculations from the seed's inputs, never the seed's derived
figures (which carry errors) and never the program's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip import katalog, narasi, tabel
from lkjip.hitung import KEBALIKAN_NOL, hitung
from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import BERKAS_MINI, CONTOH, UNSUR, sasaran_ganda, tulis_mini

D = Decimal


@pytest.fixture(scope="module")
def contoh():
    return hitung(muat("bantarbolang", 2023, CONTOH))


def test_cakupan_layanan_from_components(contoh):
    # CL.1 = (4/10 + 4/4 + 2/9) × 100 / 3 = (40 + 100 + 22,222…) / 3 = 54,074…
    # CL = (54,074… + (60 + 100)/2 + 4/4 + 1/1 + 17/17 × 100) / 5 = 434,074… / 5 = 86,8148…
    assert contoh.komposit["CL.1"].bulat == Decimal("54.07")
    assert contoh.komposit["CL.2"].bulat == Decimal("80.00")
    assert contoh.komposit["CL"].bulat == Decimal("86.81")
    i = contoh.indikator["IKU-02"]
    assert i.realisasi.bulat == Decimal("86.81")
    # 86,8148… / 94,69 × 100 = 91,683… → 91,68; Tinggi on the seed's scale (88,76–93,50)
    assert i.capaian.bulat == Decimal("91.68")
    assert i.kategori == "Tinggi"
    # progress to the end target: 86,8148… / 96,47 × 100 = 89,992… → 89,99
    assert i.progres.bulat == Decimal("89.99")


def test_ikm_semesters_and_year(contoh):
    # the synthetic survey is built to give the published semester values
    assert contoh.ikm_semester["S1"].nilai == 82.61
    assert contoh.ikm_semester["S2"].nilai == 82.94
    assert contoh.ikm_semester["S1"].responden + contoh.ikm_semester["S2"].responden == 277
    # the year is the mean of the semesters (the seed's stated method): ≈ (82,61 + 82,94) / 2
    assert contoh.ikm_tahun.nilai == 82.78
    assert (contoh.ikm_tahun.mutu, contoh.ikm_tahun.kinerja) == ("B", "Baik")
    i = contoh.indikator["IKU-01"]
    # 82,7777… / 82 × 100 = 100,948… → 100,95 (the seed's 101,15 used 82,94)
    assert i.capaian.bulat == Decimal("100.95")
    assert i.kategori == "Sangat Tinggi"
    assert {t: a.bulat for t, a in i.riwayat.items()} == {
        2020: Decimal("78.00"), 2021: Decimal("81.56"), 2022: Decimal("80.63")}


def test_sasaran_and_conclusions(contoh):
    s = contoh.sasaran["S1"]
    # The survey's answer sums (column totals of the CSV): S1 4.015 from 135 respondents,
    # S2 4.240 from 142. IKM S1 = 25 × 4.015 / (9 × 135) = 82,6132…; S2 = 25 × 4.240 /
    # (9 × 142) = 82,9421…; year = 82,7777…; capaian IKU-01 = 82,7777… / 82 × 100 = 100,9484…
    # capaian sasaran = (100,9484… + 91,6832…) / 2 = 96,3158… → 96,32, Sangat Tinggi
    assert s.indikator == ["IKU-01", "IKU-02"]
    assert s.capaian.bulat == Decimal("96.32")
    assert s.kategori == "Sangat Tinggi"
    # Tabel 2.2 programs sum: 2.460.636.770 + 2.047.500 + 15.955.000 + 1.630.000
    #   + 39.437.000 + 2.760.980 = 2.522.467.250; realisasi 2.469.406.335 (Tabel 3.6)
    assert s.pagu.nilai == 2_522_467_250
    assert s.realisasi_anggaran.nilai == 2_469_406_335
    # 2.469.406.335 / 2.522.467.250 × 100 = 97,896… → 97,90
    assert s.penyerapan.bulat == Decimal("97.90")
    assert contoh.kategori_anggaran == "Sangat Tinggi"


def test_budget_tree_totals(contoh):
    a = contoh.anggaran.set_index("kode")
    # Tabel 2.5 murni of program I: 6.212.970 + 1.970.146.000 + 879.000 + 750.000
    #   + 122.480.300 + 16.521.000 + 309.268.000 + 81.447.000 = 2.507.704.270
    assert a.loc["1", "pagu_murni"] == 2_507_704_270
    assert a.loc["1", "selisih"] == -47_067_500
    assert a.loc[a["tingkat"] == "program", "pagu_murni"].sum() == 2_544_412_750
    assert a.loc[a["tingkat"] == "program", "pagu_perubahan"].sum() == 2_522_467_250


def test_pk_budget_sums(contoh):
    pk = contoh.pk_anggaran.set_index("kode_pejabat")
    # Sekcam TW III: 0 + 485.545.250 + 0 + 0 + 31.598.000 + 0 + 60.614.000 + 22.263.500
    #   = 600.020.750 (the seed prints 601.020.750)
    assert pk.loc["sekcam", "tw3"] == 600_020_750
    # Camat's program table as printed (Penunjang typed 2.460.836.770): 2.522.667.250
    assert pk.loc["camat", "anggaran"] == 2_522_667_250


def test_mini_fixture_by_hand(tmp_path):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path)))
    # IKM: (8 × 3 + 4) / 9 × 25 = 77,777… → 77,78, mutu B
    assert h.ikm_tahun.nilai == 77.78
    # cakupan: (1/2 + 3/4) × 100 / 2 = 62,5; capaian 62,5 / 80 × 100 = 78,125 → 78,13
    assert h.indikator["IKU-02"].capaian.bulat == Decimal("78.13")
    # penyerapan 950.000 / 1.000.000 = 95,00
    assert h.penyerapan.bulat == Decimal("95.00")
    assert h.anggaran.set_index("kode").loc["1", "pagu_murni"] == 1_300_000


def test_list_counts_carry_their_rows(contoh):
    pembilang, penyebut = contoh.daftar["desa"]
    assert (pembilang.nilai, penyebut.nilai) == (17, 17)
    assert pembilang.masukan[0].file == "bantarbolang/2023/desa.csv"
    assert pembilang.masukan[0].baris == 2


# ---------------------------------------------------------------- IKM in the computed model
# Permenpan RB 14/2017: NRR per unsur = Σ answers / respondents; IKM = Σ NRR / 9 × 25.

def _survei(*baris: str) -> str:
    return f"no,periode,tanggal,layanan,{UNSUR}\n" + "".join(b + "\n" for b in baris)


# S1: one respondent answering 4 everywhere; S2: three answering 2, except perilaku 3
SURVEI_TIMPANG = _survei(
    "1,S1,2023-02-01,KTP,4,4,4,4,4,4,4,4,4",
    "2,S2,2023-08-01,KTP,2,2,2,2,2,2,3,2,2",
    "3,S2,2023-08-02,KK,2,2,2,2,2,2,3,2,2",
    "4,S2,2023-08-03,KK,2,2,2,2,2,2,3,2,2",
)


def _dengan_metode(metode: str) -> dict:
    profil = BERKAS_MINI["2023/profil.csv"]
    assert "rerata_semester" in profil
    return {"2023/profil.csv": profil.replace("rerata_semester", metode),
            "2023/ikm_responden.csv": SURVEI_TIMPANG}


@pytest.mark.parametrize(("metode", "ikm", "mutu", "capaian"), [
    # pooled: NRR = (4 + 2 + 2 + 2) / 4 = 2,5 for eight unsur, perilaku (4 + 3 + 3 + 3) / 4 = 3,25;
    # (8 × 2,5 + 3,25) / 9 × 25 = 23,25 / 9 × 25 = 64,583… → 64,58, D (25,00–64,99);
    # capaian IKU-01 64,583… / 80 × 100 = 80,729… → 80,73
    ("gabungan", D("64.58"), "D", D("80.73")),
    # mean of the semesters: S1 = 9 × 4 / 9 × 25 = 100; S2 = (8 × 2 + 3) / 9 × 25 = 52,777…;
    # (100 + 52,777…) / 2 = 76,388… → 76,39, C (65,00–76,60); 76,388… / 80 × 100 = 95,486… → 95,49
    ("rerata_semester", D("76.39"), "C", D("95.49")),
])
def test_ikm_tahunan_menurut_metode_profil(tmp_path, metode, ikm, mutu, capaian):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=_dengan_metode(metode))))
    assert {p: s.angka.bulat for p, s in h.ikm_semester.items()} == {
        "S1": D("100.00"), "S2": D("52.78")}
    assert (h.ikm_tahun.angka.bulat, h.ikm_tahun.mutu, h.ikm_tahun.responden) == (ikm, mutu, 4)
    assert h.indikator["IKU-01"].realisasi.bulat == ikm
    assert h.indikator["IKU-01"].capaian.bulat == capaian


def test_ikm_per_layanan(tmp_path):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=_dengan_metode("gabungan"))))
    # KK: rows 3 and 4 = S2 answers → 52,777… → 52,78; KTP: rows 1 and 2: NRR (4 + 2) / 2 = 3
    # for eight unsur, perilaku (4 + 3) / 2 = 3,5: (24 + 3,5) / 9 × 25 = 76,388… → 76,39
    assert {k: v.angka.bulat for k, v in h.ikm_layanan.items()} == {
        "KK": D("52.78"), "KTP": D("76.39")}


def _nrr(periode: str, nilai: dict[str, str], responden: int) -> str:
    return "".join(f"{periode},{u},{nilai.get(u, nilai['lain'])},{responden}\n"
                   for u in UNSUR.split(","))


NRR_SEMESTER = ("periode,unsur,nrr,responden\n" + _nrr("S1", {"lain": "3"}, 2)
                + _nrr("S2", {"lain": "3.5"}, 6))


@pytest.mark.parametrize(("metode", "baris_tahun", "ikm", "responden"), [
    # the year's row is used as typed: (8 × 3 + 3,9) / 9 × 25 = 27,9 / 9 × 25 = 77,50, whatever
    # the profile's method
    ("rerata_semester", _nrr("tahun", {"lain": "3", "perilaku": "3.9"}, 8), D("77.50"), 8),
    ("gabungan", _nrr("tahun", {"lain": "3", "perilaku": "3.9"}, 8), D("77.50"), 8),
    # without it: S1 = 3 × 25 = 75, S2 = 3,5 × 25 = 87,5; mean (75 + 87,5) / 2 = 81,25
    ("rerata_semester", "", D("81.25"), 8),
    # pooled by respondents: NRR = (3 × 2 + 3,5 × 6) / 8 = 27 / 8 = 3,375; × 25 = 84,375 → 84,38
    ("gabungan", "", D("84.38"), 8),
])
def test_ikm_dari_ikm_nrr_dengan_dan_tanpa_baris_tahun(tmp_path, metode, baris_tahun, ikm,
                                                       responden):
    profil = BERKAS_MINI["2023/profil.csv"].replace("rerata_semester", metode)
    ganti = {"2023/ikm_responden.csv": None, "2023/ikm_nrr.csv": NRR_SEMESTER + baris_tahun,
             "2023/profil.csv": profil}
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=ganti)))
    assert {p: s.angka.bulat for p, s in h.ikm_semester.items()} == {
        "S1": D("75.00"), "S2": D("87.50")}  # the year row is not a semester
    assert (h.ikm_tahun.angka.bulat, h.ikm_tahun.responden) == (ikm, responden)
    assert h.indikator["IKU-01"].realisasi.bulat == ikm


# ---------------------------------------------------------------- lower is better (arah turun)


def _turun(metode: str, realisasi: str) -> dict:
    """The three-sasaran mini with IKU-04 (lower is better) by `metode` and its realisasi."""
    ganti = sasaran_ganda(3)
    ind, real = ganti["renstra/indikator.csv"], ganti["renstra/realisasi.csv"]
    assert "turun,selisih" in ind and "IKU-04,2023,tahun,8" in real
    return ganti | {
        "renstra/indikator.csv": ind.replace("turun,selisih", f"turun,{metode}"),
        "renstra/realisasi.csv": real.replace("IKU-04,2023,tahun,8",
                                              f"IKU-04,2023,tahun,{realisasi}"),
    }


@pytest.mark.parametrize(("metode", "capaian", "progres"), [
    # (2 × 10 − 8) / 10 × 100 = 120; against the end target 5: (2 × 5 − 8) / 5 × 100 = 40
    ("selisih", "120,00", "40,00"),
    # 10 / 8 × 100 = 125; 5 / 8 × 100 = 62,5
    ("kebalikan", "125,00", "62,50"),
])
def test_arah_turun_dari_csv_sampai_teks_tabel(tmp_path, metode, capaian, progres):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=_turun(metode, "8"))))
    t = tabel.tabel_capaian(h.data, h)
    kolom = {k[1] or k[0]: v for k, v in zip(t.df.columns, t.df.loc["IKU-04"], strict=True)}
    # a count of kejadian prints as the count it is (lkjip.format.format_nilai)
    assert (kolom["Target"], kolom["Realisasi"], kolom["Capaian (%)"]) == ("10", "8", capaian)
    assert kolom["Kategori"] == "Sangat Tinggi"  # ≥ 93,51
    assert kolom["Progres s.d. 2023 (%)"] == progres
    assert f"adalah {capaian}\xa0%" in narasi.kalimat_capaian(h.data, h, "IKU-04")


def test_kebalikan_dengan_realisasi_nol_tidak_dihitung(tmp_path):
    """Target / Realisasi has no value at realisasi 0 (metode kebalikan, rule KEBALIKAN_NOL):
    IKU-04 is not measured, and S3 is the mean of IKU-05 alone."""
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=_turun("kebalikan", "0"))))
    i = h.indikator["IKU-04"]
    assert i.realisasi.nilai == 0
    assert (i.capaian.nilai, i.capaian.aturan, i.kategori) == (None, KEBALIKAN_NOL, None)
    assert i.progres.nilai is None and not i.diukur
    s3 = h.sasaran["S3"]
    assert (s3.indikator, s3.capaian.bulat) == (["IKU-05"], D("75.00"))  # 30 / 40 × 100
    # (87,6736… + 90 + 75) / 3 = (12625/144 + 165) / 3 = 36385/432 = 84,224… → 84,22 Sedang
    assert (h.capaian_kinerja.bulat, h.kategori_kinerja) == (D("84.22"), "Sedang")
    t = tabel.tabel_capaian(h.data, h)
    assert t.df.loc["IKU-04", ("Tahun 2023", "Capaian (%)")] == "–"


# ---------------------------------------------------------------- PK totals per TW


def test_total_tw_pk_tanpa_isian_tw(tmp_path):
    """The Camat's PK budget rows have no TW cells (as in the seed): its TW total is not
    available, not a crash (`lkjip jelaskan pk/camat/tw1` and a stated pk_total_tw1 used to
    raise on pandas' NA)."""
    ganti = {"2023/tersaji.csv": "besaran,kunci,nilai,sumber\npk_total_tw1,camat,5,Lampiran\n"
                                 "pk_total_tw1,sekcam,250000,Lampiran\n"}
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=ganti)))
    assert katalog.cari(h, "pk/camat/tw1").nilai is None
    assert katalog.cari(h, "pk/sekcam/tw1").nilai == 250_000  # 150.000 + 100.000
    assert katalog.cari(h, "pk/camat/anggaran").nilai == 1_000_000
    temuan = [t for t in periksa(h.data, h) if t.berkas.endswith("tersaji.csv")]
    assert [(t.tingkat, t.aturan, t.baris) for t in temuan] == [("info", "tidak-diperiksa", 2)]


def test_daun_pk_leaves_per_pejabat_by_hand():
    """`hitung.daun_pk`: per PK (kode_pejabat), a row is added only when no row of the SAME PK
    lies below its kode_anggaran; another PK's rows never hide it. Worked by hand on a DPA
    1 > {1.1, 1.2}, 2: camat types 1 (a stated total) and its parts 1.1, 1.2; sekcam only 1
    (nothing of his below it: a leaf); kasi 1.1 and 2 (both leaves). Rows interleaved and an
    index that is not 0..n-1, so the answer must follow the rows' own labels."""
    from types import SimpleNamespace

    import pandas as pd

    from lkjip.hitung import daun_pk

    anggaran = pd.DataFrame({"kode": ["1", "1.1", "1.2", "2"],
                             "kode_induk": [None, "1", "1", None]})
    pk = pd.DataFrame({"kode_pejabat": ["camat", "sekcam", "camat", "kasi", "camat", "kasi"],
                       "kode_anggaran": ["1", "1", "1.1", "1.1", "1.2", "2"]},
                      index=[10, 11, 12, 13, 14, 15])
    daun = daun_pk(SimpleNamespace(pk_anggaran=pk, anggaran=anggaran))
    assert daun.dtype == bool
    assert daun.to_dict() == {10: False, 11: True, 12: True, 13: True, 14: True, 15: True}
    kosong = daun_pk(SimpleNamespace(pk_anggaran=pk.iloc[:0], anggaran=anggaran))
    assert kosong.dtype == bool and len(kosong) == 0
