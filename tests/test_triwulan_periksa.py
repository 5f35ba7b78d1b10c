"""Each quarterly check fires on its fault, at the right place, and not on clean data."""

from __future__ import annotations

import pytest

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import BERKAS_MINI
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


def test_quarter_typed_twice_names_both_values_as_typed(tmp_path):
    # TW II of IKU-02 is 30 in realisasi_pk_tw.csv (tests/mini_tw.py), 0 in renstra: the
    # message quotes 0 as typed (it said "0,0", the float the cell was read as)
    renstra = {"renstra/realisasi.csv": BERKAS_MINI["renstra/realisasi.csv"]
               + "IKU-02,2023,TW2,0\n"}
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=renstra))
    (t,) = [t for t in periksa(data) if t.aturan == "tw-ganda"]
    assert "tertulis 30 di sini, tetapi 0 di renstra/realisasi.csv baris" in t.pesan


def test_rules_are_in_the_checks_tables():
    from lkjip.periksa import ATURAN, JUDUL_ATURAN

    assert set(ATURAN_TW) <= set(ATURAN) and set(ATURAN_TW) <= set(JUDUL_ATURAN)
