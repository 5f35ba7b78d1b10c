"""Quarterly (triwulan) values and the year: realisasi from TW rows, PK targets split over TW.

An indicator states how its quarters make the year (``akumulasi_tw`` in indikator.csv):
``jumlah`` (TW I + … + TW IV), ``terakhir`` (TW IV), ``maks`` (the highest) or ``rerata`` (the
mean of the quarters); a year counts only with all four quarters filled (issue 13: TW I–III
summed read as the year, without a word). Permenpan RB 53/2014 asks PK targets per TW and
Permenpan RB 88/2021 looks for realisasi measured during the year, so both directions are
tested: the year's realisasi from TW rows (`lkjip.hitung`), and the TW targets of a PK row
against its yearly target (`lkjip.periksa`, rule pk-tw-target).

Fixture: the mini kecamatan (tests/mini.py) with a third indicator IKU-03 of S1, typed
realisasi (``langsung``), target 2023 = 60. Its TW realisasi rows are written out of order:
2023: TW3 20, TW1 10, TW4 15, TW2 30; 2022: TW2 8, TW1 4, TW3 6 (no TW IV: not a year).
Expected values are computed by hand (comments), never pasted from the program's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip.folder import belum_diisi
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.periksa import periksa
from lkjip.tampil_periksa import cetak_temuan
from tests.mini import BERKAS_MINI, tulis_mini

D = Decimal
REALISASI_TW = ("IKU-03,2023,TW3,20\nIKU-03,2023,TW1,10\nIKU-03,2023,TW4,15\n"
                "IKU-03,2023,TW2,30\nIKU-03,2022,TW2,8\nIKU-03,2022,TW1,4\nIKU-03,2022,TW3,6\n")


def _ganti(cara: str, realisasi: str = REALISASI_TW, pk: str | None = None) -> dict:
    """The mini with IKU-03 accumulated by `cara`; `pk` = its PK row's 'target,tw1,…,tw4'."""
    pk_ind = BERKAS_MINI["2023/pk_indikator.csv"]
    if pk is not None:
        pk_ind += f"camat,3,Meningkatnya pelayanan,Nilai AKIP,IKU-03,skor,{pk}\n"
    return {
        "renstra/indikator.csv": BERKAS_MINI["renstra/indikator.csv"]
        + f"IKU-03,S1,Nilai AKIP,skor,naik,rasio,{cara},langsung,80\n",
        "renstra/target.csv": BERKAS_MINI["renstra/target.csv"] + "IKU-03,2023,60\n",
        "renstra/realisasi.csv": BERKAS_MINI["renstra/realisasi.csv"] + realisasi,
        "2023/pk_indikator.csv": pk_ind,
    }


def _iku03(tmp_path, cara: str, **kw):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path, ganti=_ganti(cara, **kw))))
    return h.indikator["IKU-03"]


# ---------------------------------------------------------------- realisasi from TW rows


@pytest.mark.parametrize(("cara", "tahun_ini", "capaian"), [
    # 10 + 30 + 20 + 15 = 75; 75 / 60 × 100 = 125
    ("jumlah", D("75"), D("125.00")),
    # the last quarter is TW IV (15), whatever the row order
    ("terakhir", D("15"), D("25.00")),
    # max(10, 30, 20, 15) = 30; 30 / 60 × 100 = 50
    ("maks", D("30"), D("50.00")),
    # (10 + 30 + 20 + 15) / 4 = 18,75; 18,75 / 60 × 100 = 31,25
    ("rerata", D("18.75"), D("31.25")),
])
def test_realisasi_tahunan_dari_baris_tw(tmp_path, cara, tahun_ini, capaian):
    i = _iku03(tmp_path, cara)
    assert i.realisasi.nilai == tahun_ini
    assert i.capaian.bulat == capaian
    # 2022 has TW I–III only: no year in the history (4 + 8 + 6 = 18 is not 2022's sum)
    assert i.riwayat == {}


@pytest.mark.parametrize("cara", ["jumlah", "terakhir", "maks", "rerata"])
def test_triwulan_kosong_tidak_dihitung(tmp_path, cara):
    # TW IV empty: not 0, and 10 + 30 + 20 = 60 (or TW III, or their mean) is not the year:
    # no realisasi, no capaian; `lkjip check` names the quarter under "Masih perlu diisi"
    realisasi = REALISASI_TW.replace("IKU-03,2023,TW4,15", "IKU-03,2023,TW4,")
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti=_ganti(cara, realisasi=realisasi)))
    i = hitung(data).indikator["IKU-03"]
    assert (i.realisasi.nilai, i.capaian.nilai) == (None, None)
    assert [k.split(";")[0] for k in belum_diisi(data) if "IKU-03" in k] == [
        "renstra/realisasi.csv: realisasi IKU-03 tahun 2022 diberikan per triwulan, tetapi TW4 "
        "belum diisi",
        "renstra/realisasi.csv: realisasi IKU-03 tahun 2023 diberikan per triwulan, tetapi TW4 "
        "belum diisi"]


@pytest.mark.parametrize("cara", ["jumlah", "terakhir", "maks", "rerata"])
def test_baris_tahun_mengalahkan_baris_tw(tmp_path, cara):
    # a yearly row is the year's value as typed: 70, 70 / 60 × 100 = 116,666… → 116,67
    i = _iku03(tmp_path, cara, realisasi=REALISASI_TW + "IKU-03,2023,tahun,70\n")
    assert (i.realisasi.nilai, i.capaian.bulat) == (D("70"), D("116.67"))


# ---------------------------------------------------------------- PK targets per TW


def _tw_target(tmp_path, cara: str, pk: str) -> tuple[list, list]:
    tulis_mini(tmp_path, ganti=_ganti(cara, pk=pk))
    temuan = periksa(muat("contoh", 2023, tmp_path))
    return [t for t in temuan if t.aturan == "pk-tw-target"], temuan


@pytest.mark.parametrize(("cara", "pk"), [
    ("maks", "60,15,60,45,30"),  # max(15, 60, 45, 30) = 60
    ("rerata", "60,50,60,60,70"),  # (50 + 60 + 60 + 70) / 4 = 60
    ("jumlah", "60,15,15,15,15"),  # 4 × 15
    ("terakhir", "60,15,30,45,60"),
])
def test_target_tw_sesuai_akumulasinya(tmp_path, cara, pk):
    temuan, semua = _tw_target(tmp_path, cara, pk)
    assert temuan == [], cetak_temuan(semua)


@pytest.mark.parametrize(("cara", "pk", "tw", "saran"), [
    # maks 15 ≠ 60, but 15 + 15 + 15 + 15 = 60: the Renstra says maks, the split is a sum
    ("maks", "60,15,15,15,15", "15, 15, 15, 15", "cocok dengan akumulasi 'jumlah'"),
    # rerata (15 + 30 + 45 + 60) / 4 = 37,5 ≠ 60, but the last is 60 (and so is the max)
    ("rerata", "60,15,30,45,60", "15, 30, 45, 60", "cocok dengan akumulasi 'terakhir'"),
    # maks 50, jumlah 140, terakhir 50, rerata 35: nothing gives 60
    ("maks", "60,15,30,45,50", "15, 30, 45, 50", None),
])
def test_target_tw_tidak_sesuai_akumulasinya(tmp_path, cara, pk, tw, saran):
    temuan, semua = _tw_target(tmp_path, cara, pk)
    assert [(t.tingkat, t.tersaji, t.terhitung) for t in temuan] == [
        ("peringatan", "60", tw)], cetak_temuan(semua)
    assert f"akumulasi '{cara}' indikator IKU-03" in temuan[0].pesan
    if saran:
        assert saran in temuan[0].pesan
    else:
        assert "cocok dengan" not in temuan[0].pesan
