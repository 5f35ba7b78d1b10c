"""Each quarterly check fires on its fault, at the right place, and not on clean data."""

from __future__ import annotations

import pytest

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import BERKAS_MINI, sasaran_ganda, tulis_mini
from tests.mini_tw import REALISASI_ANGGARAN_TW, REALISASI_PK_TW, tulis_mini_tw

ATURAN_TW = ("tw-urutan", "tw-kumulatif-turun", "tw-melebihi-pagu", "tw-induk", "tw-ganda",
             "tw-persen")


def _temuan(tmp_path, ganti=None) -> list:
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    return [(t.tingkat, t.aturan, t.letak, t.tempat) for t in periksa(data)
            if t.aturan.startswith("tw-")]


def _pk(lama: str, baru: str) -> dict:
    assert lama in REALISASI_PK_TW
    return {"2023/realisasi_pk_tw.csv": REALISASI_PK_TW.replace(lama, baru)}


def _ang(lama: str, baru: str) -> dict:
    assert lama in REALISASI_ANGGARAN_TW
    return {"2023/realisasi_anggaran_tw.csv": REALISASI_ANGGARAN_TW.replace(lama, baru)}


def test_clean_data_has_no_quarterly_finding(tmp_path):
    # includes IKU-01 with TW I empty and TW II filled: TW I has no target (IKM per semester)
    assert _temuan(tmp_path) == []


def test_without_quarterly_files_nothing_is_checked(tmp_path):
    ganti = {"2023/realisasi_pk_tw.csv": None, "2023/realisasi_anggaran_tw.csv": None,
             "2023/penjelasan_tw.csv": None}
    assert _temuan(tmp_path, ganti) == []


@pytest.mark.parametrize("ganti, harapan", [
    # sekcam 1 (row 4): TW III filled, TW II empty
    (_pk("sekcam,1,jumlah,naik,,3,3,4,", "sekcam,1,jumlah,naik,,3,,4,"),
     ("galat", "tw-urutan", "realisasi_pk_tw.csv baris 4", "PK sekcam no 1")),
    # budget sekcam 1 (row 2): TW III filled, TW II empty
    (_ang("sekcam,1,90000,250000,420000,", "sekcam,1,90000,,420000,"),
     ("galat", "tw-urutan", "realisasi_anggaran_tw.csv baris 2", "PK sekcam no 1")),
    # cumulative budget goes down: 250.000 s.d. TW II, 200.000 s.d. TW III
    (_ang("sekcam,1,90000,250000,420000,", "sekcam,1,90000,250000,200000,"),
     ("galat", "tw-kumulatif-turun", "realisasi_anggaran_tw.csv baris 2", "PK sekcam no 1")),
    # a summed indicator with a negative quarter
    (_pk("sekcam,1,jumlah,naik,,3,3,4,", "sekcam,1,jumlah,naik,,3,-1,4,"),
     ("galat", "tw-kumulatif-turun", "realisasi_pk_tw.csv baris 4", "PK sekcam no 1")),
    # IKU-02 (terakhir, targets rising 20..80): 30 s.d. TW II then 25 s.d. TW III
    (_pk("camat,2,,,,15,30,45,", "camat,2,,,,15,30,25,"),
     ("peringatan", "tw-kumulatif-turun", "realisasi_pk_tw.csv baris 3", "PK camat no 2")),
    # budget sekcam 2: anggaran 400.000, 450.000 spent s.d. TW III
    (_ang("sekcam,2,0,50000,150000,", "sekcam,2,0,50000,450000,"),
     ("galat", "tw-melebihi-pagu", "realisasi_anggaran_tw.csv baris 3", "PK sekcam no 2")),
    # IKU-02 (%) at 105
    (_pk("camat,2,,,,15,30,45,", "camat,2,,,,15,30,105,"),
     ("galat", "tw-persen", "realisasi_pk_tw.csv baris 3", "PK camat no 2")),
])
def test_each_check_fires_on_its_fault(tmp_path, ganti, harapan):
    assert _temuan(tmp_path, ganti) == [harapan]


def test_level_indicator_may_go_down(tmp_path):
    # IKU-01 (IKM, targets –,80,–,80: a level, not cumulative): 78 then 76 is no finding
    assert _temuan(tmp_path, _pk("camat,1,,,,,78,81,", "camat,1,,,,,78,76,")) == []


def test_higher_budget_row_typed_is_compared_not_added(tmp_path):
    # camat 1 = sekcam 1 + 2: s.d. TW I 90.000 + 0, TW II 250.000 + 50.000 = 300.000,
    # TW III 420.000 + 150.000 = 570.000; typed 90.000, 300.000, 600.000 → TW III differs
    isi = REALISASI_ANGGARAN_TW + "camat,1,90000,300000,600000,\n"
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti={
        "2023/realisasi_anggaran_tw.csv": isi}))
    temuan = [t for t in periksa(data) if t.aturan == "tw-induk"]
    assert [(t.letak, t.tersaji, t.terhitung) for t in temuan] == [
        ("realisasi_anggaran_tw.csv baris 4", "Rp 600.000", "Rp 570.000")]
    assert "TW III" in temuan[0].pesan


def test_higher_row_typed_without_its_rincian(tmp_path):
    isi = "kode_pejabat,no,tw1,tw2,tw3,tw4\ncamat,1,90000,,,\n"
    temuan = _temuan(tmp_path, {"2023/realisasi_anggaran_tw.csv": isi})
    assert temuan == [("galat", "tw-induk", "realisasi_anggaran_tw.csv baris 2", "PK camat no 1")]


def test_quarter_typed_twice_must_agree(tmp_path):
    renstra = BERKAS_MINI["renstra/realisasi.csv"]
    beda = {"renstra/realisasi.csv": renstra + "IKU-02,2023,TW2,35\n"}
    sama = {"renstra/realisasi.csv": renstra + "IKU-02,2023,TW2,30\n"}
    assert _temuan(tmp_path / "beda", beda) == [
        ("galat", "tw-ganda", "realisasi_pk_tw.csv baris 3", "PK camat no 2")]
    assert _temuan(tmp_path / "sama", sama) == []


@pytest.mark.parametrize("renstra, kata", [
    # TW II of IKU-02 (%) is 30 in realisasi_pk_tw.csv (tests/mini_tw.py), 0 in renstra (row 4,
    # after IKU-01 and IKU-02 2022): both by the unit, as the report prints a percentage (it
    # once said "0,0", the float the cell was read as)
    ("0", "tertulis 30,00 di sini, tetapi 0,00 di renstra/realisasi.csv baris 4."),
    # 30 and 30,004 both print 30,00: then all their digits, so the two still differ
    ('"30,004"', "tertulis 30 di sini, tetapi 30,004 di renstra/realisasi.csv baris 4."),
])
def test_quarter_typed_twice_names_both_values(tmp_path, renstra, kata):
    ganti = {"renstra/realisasi.csv": BERKAS_MINI["renstra/realisasi.csv"]
             + f"IKU-02,2023,TW2,{renstra}\n"}
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    (t,) = [t for t in periksa(data) if t.aturan == "tw-ganda"]
    assert kata in t.pesan, t.pesan


@pytest.mark.parametrize("ganti, aturan, kata", [
    # sekcam 1 (dokumen, a count summed per quarter): TW II -0,5, exact as typed
    (_pk("sekcam,1,jumlah,naik,,3,3,4,", 'sekcam,1,jumlah,naik,,3,"-0,5",4,'),
     "tw-kumulatif-turun", "Realisasi TW II PK sekcam no 1 negatif (-0,5); "),
    # IKU-02 (%): 30 s.d. TW II, 25 s.d. TW III, two decimals as in the report
    (_pk("camat,2,,,,15,30,45,", "camat,2,,,,15,30,25,"), "tw-kumulatif-turun",
     "Realisasi s.d. TW III PK camat no 2 (25,00) lebih kecil dari s.d. TW II (30,00), "),
    # IKU-02 (%) at 105 in TW III
    (_pk("camat,2,,,,15,30,45,", "camat,2,,,,15,30,105,"), "tw-persen",
     "Realisasi TW III PK camat no 2 bernilai 105,00 %, di luar rentang 0–100 (kolom tw3)."),
])
def test_values_print_by_the_unit_as_in_the_report(tmp_path, ganti, aturan, kata):
    """A quarterly finding prints an indicator's value as the quarterly report prints it
    (`lkjip.format.format_nilai`): a percentage with two decimals, a count as exact as it is."""
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    (t,) = [t for t in periksa(data) if t.aturan == aturan]
    assert kata in t.pesan, t.pesan


def test_year_typed_twice_prints_a_percentage_by_its_unit(tmp_path):
    # sasaran_ganda(3): IKU-05 (%, terakhir) typed 30 for 2023 (renstra/realisasi.csv row 6);
    # its quarters (rows 7-10) 10, 20, 25, 32,5: the last, 32,5, is the year → 30,00 vs 32,50
    ganti = sasaran_ganda(3)
    ganti["renstra/realisasi.csv"] += ('IKU-05,2023,TW1,10\nIKU-05,2023,TW2,20\n'
                                       'IKU-05,2023,TW3,25\nIKU-05,2023,TW4,"32,5"\n')
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti=ganti))
    (t,) = [t for t in periksa(data) if t.aturan == "tw-tahun"]
    assert (t.letak, t.tersaji, t.terhitung) == ("realisasi.csv baris 6", "30,00", "32,50")
    assert ("tertulis 30,00 pada baris periode 'tahun', padahal keempat triwulannya "
            "(renstra/realisasi.csv baris 7, 8, 9, 10; 10,00, 20,00, 25,00, 32,50)") in t.pesan
    assert "menghasilkan 32,50." in t.pesan


def test_rules_are_in_the_checks_tables():
    from lkjip.periksa import ATURAN, JUDUL_ATURAN

    assert set(ATURAN_TW) <= set(ATURAN) and set(ATURAN_TW) <= set(JUDUL_ATURAN)
