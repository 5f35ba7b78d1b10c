"""Quarterly figures and the early warning on the mini kecamatan (tests/mini_tw.py).

Every expected value is computed by hand below from the rows of tests/mini_tw.py; the
formulas are the regulation's capaian (naik: R / T × 100; turun, selisih: (2T − R) / T × 100)
and the stated projection (target × realisasi s.d. TW n / target s.d. TW n).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip.angka import Angka
from lkjip.muat import muat
from lkjip.triwulan import hitung_triwulan
from tests.mini_tw import pk_tw, tulis_mini_tw, tw_fixture

D = Decimal


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return muat("contoh", 2023, tulis_mini_tw(tmp_path_factory.mktemp("tw")))


tw2, tw3 = tw_fixture(2), tw_fixture(3)


def _ang(hasil, pejabat, no):
    return next(a for a in hasil.anggaran if a.kunci == (pejabat, no))


def _titik(x):
    return [(t.target.bulat, t.realisasi.bulat, t.capaian.bulat) for t in x.titik]


# ---------------------------------------------------------------- capaian per quarter


def test_capaian_per_quarter_jumlah(tw3):
    # sekcam 1: targets 3,3,3,3 (per quarter), realisasi 3,3,4
    # TW I: 3 / 3 = 100; TW II: (3+3) / (3+3) = 100; TW III: (3+3+4)=10 / 9 × 100 = 111,11
    assert _titik(pk_tw(tw3, "sekcam", 1)) == [
        (D("3.00"), D("3.00"), D("100.00")), (D("6.00"), D("6.00"), D("100.00")),
        (D("9.00"), D("10.00"), D("111.11"))]


def test_capaian_per_quarter_terakhir(tw3):
    # camat 2 (IKU-02, cumulative %): targets 20,40,60,80, realisasi 15,30,45
    # each quarter its own position: 15/20, 30/40, 45/60 = 75 %
    assert _titik(pk_tw(tw3, "camat", 2)) == [
        (D("20.00"), D("15.00"), D("75.00")), (D("40.00"), D("30.00"), D("75.00")),
        (D("60.00"), D("45.00"), D("75.00"))]


def test_terakhir_quarter_without_target_needs_no_realisasi(tw3):
    # camat 1 (IKU-01, IKM per semester): targets –,80,–,80; realisasi –,78,81
    # TW I: nothing planned, nothing reported: no figure; TW II: 78/80 = 97,50;
    # TW III: no TW III target, the latest (TW II) 80 holds: 81/80 = 101,25
    assert _titik(pk_tw(tw3, "camat", 1)) == [
        (None, None, None), (D("80.00"), D("78.00"), D("97.50")),
        (D("80.00"), D("81.00"), D("101.25"))]


def test_capaian_per_quarter_maks(tw3):
    # sekcam 4: targets 10,20,40,40, realisasi 12,18,30
    # TW I: 12/10 = 120; TW II: max(12,18)=18 / max(10,20)=20 = 90; TW III: 30/40 = 75
    assert _titik(pk_tw(tw3, "sekcam", 4)) == [
        (D("10.00"), D("12.00"), D("120.00")), (D("20.00"), D("18.00"), D("90.00")),
        (D("40.00"), D("30.00"), D("75.00"))]


def test_capaian_per_quarter_rerata_lower_is_better(tw3):
    # sekcam 3 (days, turun, selisih): targets 5,5,5,5, realisasi 6,5,4
    # TW I: (2×5 − 6)/5 = 80; TW II: mean 5,5 → (10 − 5,5)/5 = 90; TW III: mean 5 → 100
    assert _titik(pk_tw(tw3, "sekcam", 3)) == [
        (D("5.00"), D("6.00"), D("80.00")), (D("5.00"), D("5.50"), D("90.00")),
        (D("5.00"), D("5.00"), D("100.00"))]


def test_capaian_per_quarter_jumlah_lower_is_better(tw3):
    # sekcam 5 (incidents, turun): ceilings 2,2,2,2, realisasi 1,2,3
    # TW I: (4 − 1)/2 = 150; TW II: (8 − 3)/4 = 125; TW III: (12 − 6)/6 = 100
    assert [t.capaian.bulat for t in pk_tw(tw3, "sekcam", 5).titik] == [
        D("150.00"), D("125.00"), D("100.00")]


def test_provenance_names_file_row_and_column(tw3):
    r = pk_tw(tw3, "sekcam", 1).akhir.realisasi
    sumber = [m.masukan[0] for m in r.masukan]
    assert [(s.file, s.baris, s.kolom, s.nilai) for s in sumber] == [
        ("contoh/2023/realisasi_pk_tw.csv", 4, f"tw{q}", v) for q, v in ((1, "3"), (2, "3"),
                                                                          (3, "4"))]
    t = pk_tw(tw3, "sekcam", 1).akhir.target.masukan[2].masukan[0]
    assert (t.file, t.baris, t.kolom) == ("contoh/2023/pk_indikator.csv", 4, "tw3")


# ---------------------------------------------------------------- projection and status


@pytest.mark.parametrize("pejabat, no, n, proyeksi, persen, selisih, status", [
    # on course, sekcam 1: TW II 12 × 6/6 = 12 → 100 % → sesuai jalur, gap 0
    ("sekcam", 1, 2, "12.00", "100.00", "0.00", "sesuai jalur"),
    # TW III 12 × 10/9 = 13,333 → 111,11 %, gap +1,33
    ("sekcam", 1, 3, "13.33", "111.11", "1.33", "sesuai jalur"),
    # at risk, sekcam 2 (20; 5 a quarter; 5,4,5): TW II 20 × 9/10 = 18 → 90 % (≥ 90) → perlu
    # perhatian, gap −2; TW III 20 × 14/15 = 18,667 → 93,33 %, gap −1,33
    ("sekcam", 2, 2, "18.00", "90.00", "-2.00", "perlu perhatian"),
    ("sekcam", 2, 3, "18.67", "93.33", "-1.33", "perlu perhatian"),
    # off course, IKU-02: 80 × 30/40 = 60 → 75 % (< 90), gap −20; TW III 80 × 45/60 = 60
    ("camat", 2, 2, "60.00", "75.00", "-20.00", "diperkirakan tidak tercapai"),
    ("camat", 2, 3, "60.00", "75.00", "-20.00", "diperkirakan tidak tercapai"),
    # lower is better (rerata days, 5): TW II 5 × 5,5/5 = 5,5 → (10 − 5,5)/5 = 90 %, gap +0,5
    # days (worse); TW III 5 × 5/5 = 5 → 100 %, gap 0
    ("sekcam", 3, 2, "5.50", "90.00", "0.50", "perlu perhatian"),
    ("sekcam", 3, 3, "5.00", "100.00", "0.00", "sesuai jalur"),
    # lower is better (jumlah incidents, ceiling 8): TW II 8 × 3/4 = 6 → (16 − 6)/8 = 125 %,
    # gap −2 (two fewer than allowed); TW III 8 × 6/6 = 8 → 100 %
    ("sekcam", 5, 2, "6.00", "125.00", "-2.00", "sesuai jalur"),
    ("sekcam", 5, 3, "8.00", "100.00", "0.00", "sesuai jalur"),
    # maks: TW III 40 × 30/40 = 30 → 75 %, gap −10
    ("sekcam", 4, 3, "30.00", "75.00", "-10.00", "diperkirakan tidak tercapai"),
    # IKM level (flat path): TW II 80 × 78/80 = 78 → 97,5 %; TW III 80 × 81/80 = 81 → 101,25 %
    ("camat", 1, 2, "78.00", "97.50", "-2.00", "perlu perhatian"),
    ("camat", 1, 3, "81.00", "101.25", "1.00", "sesuai jalur"),
])
def test_projection_and_status(tw2, tw3, pejabat, no, n, proyeksi, persen, selisih, status):
    p = pk_tw(tw2 if n == 2 else tw3, pejabat, no).proyeksi
    assert (p.nilai.bulat, p.persen.bulat, p.selisih.bulat, p.status) == (
        D(proyeksi), D(persen), D(selisih), status)


def test_projection_worked_line(tw3):
    # rapat ("kali") are counted: 20 × 14 / 15 = 18,666… needs rounding, the inputs do not
    assert pk_tw(tw3, "sekcam", 2).proyeksi.nilai.uraian() == "18,67 = 20 × 14 / 15"
    # IKU-02 in %: two decimals everywhere, as the yearly edition's worked lines
    assert pk_tw(tw3, "camat", 2).proyeksi.nilai.uraian() == "60,00 = 80,00 × 45,00 / 60,00"


def test_a_over_b_is_not_rated(tw3):
    i = pk_tw(tw3, "sekcam", 6)
    assert i.proyeksi.status is None and "a/b" in i.proyeksi.alasan
    assert i.realisasi_tw == ("0", "10/1", "0", None)


def test_unreported_quarter_has_no_status(data):
    # sekcam 1 has no TW IV: at TW IV its realisasi s.d. is unknown (not 10 + 0)
    i = pk_tw(hitung_triwulan(data, 4), "sekcam", 1)
    assert i.akhir.realisasi.nilai is None and i.proyeksi.status is None
    assert i.proyeksi.alasan == "realisasi TW IV belum dilaporkan"


def test_nothing_due_yet_jumlah_adds_the_year_target(tmp_path):
    # a jumlah indicator planned 0,0,0,4 with 1 done in TW I: 1 + 4 = 5 → 125 %
    isi = ("kode_pejabat,no,sasaran,indikator,kode_indikator,satuan,target,tw1,tw2,tw3,tw4\n"
           "camat,1,S,IKM,IKU-01,indeks,80,80,80,80,80\ncamat,2,S,Cakupan,IKU-02,%,80,,,,\n"
           "sekcam,1,S,Dokumen,,dokumen,4,0,0,0,4\n")
    real = "kode_pejabat,no,akumulasi_tw,arah,metode,tw1,tw2,tw3,tw4\nsekcam,1,jumlah,naik,,1,,,\n"
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti={
        "2023/pk_indikator.csv": isi, "2023/realisasi_pk_tw.csv": real,
        "2023/penjelasan_tw.csv": None}))
    h = hitung_triwulan(data, 1)
    p = pk_tw(h, "sekcam", 1).proyeksi
    assert (p.nilai.bulat, p.persen.bulat, p.status) == (D("5.00"), D("125.00"), "sesuai jalur")
    # IKU-02 has no TW targets: terakhir keeps the year's 80 each quarter (plain path)
    i = pk_tw(h, "camat", 2)
    assert i.jalur_bawaan and i.akhir.target.bulat == D("80.00")


def test_thresholds_overridden_per_kecamatan(tmp_path):
    # with 'perlu perhatian' from 70, IKU-02's 75 % is perlu perhatian, not tidak tercapai
    ambang = ("jenis,status,batas_bawah\nkinerja,sesuai jalur,95\nkinerja,perlu perhatian,70\n"
              "kinerja,diperkirakan tidak tercapai,\n")
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti={"2023/ambang_tw.csv": ambang}))
    h = hitung_triwulan(data, 3)
    assert pk_tw(h, "camat", 2).proyeksi.status == "perlu perhatian"
    # sekcam 2 at 93,33 %: 70 ≤ 93,33 < 95 → perlu perhatian
    assert pk_tw(h, "sekcam", 2).proyeksi.status == "perlu perhatian"
    assert pk_tw(h, "camat", 1).proyeksi.status == "sesuai jalur"  # 101,25 ≥ 95
    # the budget thresholds stay the package's: sekcam 2 anggaran 75 % < 85 → tidak tercapai
    assert _ang(h, "sekcam", 2).proyeksi.status == "diperkirakan tidak tercapai"


# ---------------------------------------------------------------- budget


def test_penyerapan_against_anggaran_kas(tw3):
    # sekcam 1: plan 100.000, 200.000, 150.000 → s.d. 100.000, 300.000, 450.000;
    # cumulative realisasi 90.000, 250.000, 420.000 → 90,00; 83,33; 93,33 %
    assert _titik(_ang(tw3, "sekcam", 1)) == [
        (D("100000.00"), D("90000.00"), D("90.00")), (D("300000.00"), D("250000.00"), D("83.33")),
        (D("450000.00"), D("420000.00"), D("93.33"))]
    # against the year's anggaran: 420.000 / 600.000 = 70,00 %
    assert _ang(tw3, "sekcam", 1).penyerapan_pagu.bulat == D("70.00")


def test_penyerapan_with_nothing_planned_yet(tw2):
    # sekcam 2: plan 0, 0, …: no penyerapan against a plan of 0; 50.000 spent early in TW II:
    # projection 50.000 + 400.000 = 450.000 → 112,50 % → sesuai jalur
    a = _ang(tw2, "sekcam", 2)
    assert [t.capaian.nilai for t in a.titik] == [None, None]
    assert (a.proyeksi.nilai.nilai, a.proyeksi.persen.bulat, a.proyeksi.status) == (
        D(450_000), D("112.50"), "sesuai jalur")


def test_higher_row_is_the_sum_of_its_rincian(tw3):
    # camat 1 (program 1) = sekcam 1 + sekcam 2: anggaran 1.000.000;
    # plan s.d. TW III 450.000 + 200.000 = 650.000; realisasi 420.000 + 150.000 = 570.000
    # → 570.000 / 650.000 = 87,69 %; projection 1.000.000 × 570.000 / 650.000 = 876.923,08
    # → 87,69 % (85 ≤ x < 95) perlu perhatian; gap −123.076,92; of the anggaran 57,00 %
    a = _ang(tw3, "camat", 1)
    assert not a.rincian and a.anggaran.nilai == 1_000_000
    assert _titik(a)[-1] == (D("650000.00"), D("570000.00"), D("87.69"))
    assert (a.proyeksi.nilai.bulat, a.proyeksi.selisih.bulat, a.proyeksi.status) == (
        D("876923.08"), D("-123076.92"), "perlu perhatian")
    assert a.penyerapan_pagu.bulat == D("57.00")


@pytest.mark.parametrize("pejabat, no, persen, status", [
    # sekcam 1 TW III: 600.000 × 420.000/450.000 = 560.000 → 93,33 % → perlu perhatian
    ("sekcam", 1, "93.33", "perlu perhatian"),
    # sekcam 2 TW III: 400.000 × 150.000/200.000 = 300.000 → 75 % → diperkirakan tidak tercapai
    ("sekcam", 2, "75.00", "diperkirakan tidak tercapai"),
])
def test_budget_projection_status(tw3, pejabat, no, persen, status):
    p = _ang(tw3, pejabat, no).proyeksi
    assert (p.persen.bulat, p.status) == (D(persen), status)


# ---------------------------------------------------------------- per pejabat and kecamatan


def test_summary_per_pejabat_and_kecamatan(tw3):
    camat, sekcam, kec = tw3.pejabat["camat"], tw3.pejabat["sekcam"], tw3.kecamatan
    # camat: IKU-01 101,25 sesuai, IKU-02 75 tidak tercapai → mean (101,25 + 75)/2 = 88,125
    assert camat.capaian.bulat == D("88.13")
    assert camat.jumlah_status == {"sesuai jalur": 1, "perlu perhatian": 0,
                                   "diperkirakan tidak tercapai": 1, "belum dinilai": 0}
    # sekcam: 111,111 + 93,333 + 100 + 75 + 100 = 479,444 / 5 = 95,889 (the a/b row not rated)
    assert sekcam.capaian.bulat == D("95.89")
    assert sekcam.jumlah_status == {"sesuai jalur": 3, "perlu perhatian": 1,
                                    "diperkirakan tidak tercapai": 1, "belum dinilai": 1}
    # kecamatan: (101,25 + 75 + 479,444) / 7 = 93,671
    assert kec.capaian.bulat == D("93.67")
    assert kec.jumlah_status["sesuai jalur"] == 4 and kec.jumlah_status["belum dinilai"] == 1
    # budget of the kecamatan = its rincian (sekcam 1 and 2), not the camat's program again
    assert (kec.kas.nilai, kec.realisasi.nilai, kec.anggaran.nilai) == (
        D(650_000), D(570_000), D(1_000_000))
    assert (kec.penyerapan_kas.bulat, kec.penyerapan_pagu.bulat) == (D("87.69"), D("57.00"))
    assert camat.realisasi.nilai == D(570_000)  # the camat's own row: the program


def test_early_warning_list_worst_first(tw3):
    daftar = [(x.kunci, x.proyeksi.status) for x in tw3.peringatan()]
    # tidak tercapai, by projected %: sekcam 4 (75) / IKU-02 (75) / budget sekcam 2 (75),
    # then perlu perhatian: budget camat 1 (87,69), sekcam 2 (93,33), budget sekcam 1 (93,33)
    assert [s for _, s in daftar] == ["diperkirakan tidak tercapai"] * 3 + ["perlu perhatian"] * 3
    assert {k for k, _ in daftar[:3]} == {("camat", 2), ("sekcam", 4), ("sekcam", 2)}
    assert daftar[3][0] == ("camat", 1)


def test_penjelasan_of_the_quarter(tw3, tw2):
    assert pk_tw(tw3, "sekcam", 2).penjelasan == ("Satu rapat ditunda karena jadwal Camat",
                                                 "Dijadwalkan ulang pada TW IV")
    assert pk_tw(tw2, "sekcam", 2).penjelasan is None


def test_quarter_outside_1_to_4(data):
    with pytest.raises(ValueError, match="triwulan harus"):
        hitung_triwulan(data, 5)


def test_kebalikan_with_realisasi_0_has_no_capaian():
    # metode kebalikan = target / realisasi × 100: 0 incidents s.d. TW II against 4 planned has
    # no value (T/0), stated by the rule, instead of an error; 1 incident → 4 / 1 × 100 = 400
    from lkjip.hitung import KEBALIKAN_NOL
    from lkjip.peringatan_tw import muat_ambang, proyeksi_indikator
    from lkjip.triwulan import TitikTw, capaian_tw

    nol, empat = Angka(D(0)), Angka(D(4))
    c = capaian_tw(nol, empat, "turun", "kebalikan", "c")
    assert c.nilai is None and c.aturan == KEBALIKAN_NOL
    assert capaian_tw(Angka(D(1)), empat, "turun", "kebalikan", "c").bulat == D("400.00")
    sifat = {"akumulasi_tw": "jumlah", "arah": "turun", "metode": "kebalikan"}
    p = proyeksi_indikator(TitikTw(2, empat, nol, c), Angka(D(8)), sifat, "x", muat_ambang())
    # projection 8 × 0 / 4 = 0 incidents: no capaian (T/0), but 0 ≤ 8 meets the target of a
    # lower-is-better indicator: sesuai jalur
    assert p.nilai.nilai == 0 and p.persen.nilai is None and p.status == "sesuai jalur"


# ---------------------------------------------------------------- a PK row missing (data/README.md)


def test_a_missing_row_of_a_renstra_indicator_takes_the_renstra_quarters(tmp_path):
    # camat 2 (IKU-02, terakhir) left out of realisasi_pk_tw.csv; its quarters typed in
    # renstra/realisasi.csv instead: 15, 30, 45 → s.d. TW III 45 / target 60 × 100 = 75,00,
    # as with the row (test_capaian_per_quarter_terakhir)
    from tests.mini import BERKAS_MINI
    from tests.mini_tw import REALISASI_PK_TW

    ganti = {"2023/realisasi_pk_tw.csv": REALISASI_PK_TW.replace("camat,2,,,,15,30,45,\n", ""),
             "renstra/realisasi.csv": BERKAS_MINI["renstra/realisasi.csv"]
             + "IKU-02,2023,TW1,15\nIKU-02,2023,TW2,30\nIKU-02,2023,TW3,45\n"}
    h = hitung_triwulan(muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti)), 3)
    assert pk_tw(h, "camat", 2).akhir.capaian.bulat == D("75.00")


def test_a_missing_row_of_another_indicator_is_not_rated(tmp_path):
    from tests.mini_tw import REALISASI_PK_TW

    ganti = {"2023/realisasi_pk_tw.csv": REALISASI_PK_TW.replace("sekcam,1,jumlah,naik,,3,3,4,\n",
                                                                 "")}
    h = hitung_triwulan(muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti)), 3)
    p = pk_tw(h, "sekcam", 1).proyeksi
    assert p.status is None and p.alasan.startswith("belum dilaporkan")
