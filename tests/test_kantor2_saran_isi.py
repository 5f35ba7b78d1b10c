"""Cells an office writes the way its printed tables do (found entering a second kecamatan from
data/README.md alone): 'NA' or '-' for a realisasi not available, '≥ 90' for a target. They are
refused as before; the message now says what to write instead."""

from __future__ import annotations

import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from tests.mini import BERKAS_MINI, tulis_mini

KOSONGKAN = "; bila nilainya tidak tersedia, kosongkan sel ini (sel kosong berarti tidak tersedia)"


def _masalah(tmp_path, ganti):
    tulis_mini(tmp_path, ganti=ganti)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    return {(m.berkas.rsplit("/", 1)[-1], m.baris, m.nilai): m.harapan for m in e.value.masalah}


def test_na_and_dash_in_a_column_that_may_be_empty_say_to_leave_it_empty(tmp_path):
    realisasi = BERKAS_MINI["renstra/realisasi.csv"] + "IKU-01,2021,tahun,NA\nIKU-02,2021,tahun,-\n"
    target = BERKAS_MINI["renstra/target.csv"] + "IKU-01,2024,NA\n"
    masalah = _masalah(tmp_path, {"renstra/realisasi.csv": realisasi,
                                  "renstra/target.csv": target})
    assert masalah[("realisasi.csv", 4, "NA")].endswith(KOSONGKAN)
    assert masalah[("realisasi.csv", 5, "-")].endswith(KOSONGKAN)
    # a target may not be empty: no such advice
    assert not masalah[("target.csv", 4, "NA")].endswith(KOSONGKAN)


def test_a_target_written_with_at_least_says_to_write_the_number(tmp_path):
    target = BERKAS_MINI["renstra/target.csv"].replace("IKU-01,2023,80", "IKU-01,2023,≥ 80")
    masalah = _masalah(tmp_path, {"renstra/target.csv": target})
    assert masalah[("target.csv", 2, "≥ 80")].endswith(
        "; tulis angkanya saja (80): 'paling sedikit' atau 'paling banyak' dinyatakan oleh arah "
        "indikator (naik/turun)")


def test_a_pppk_employee_is_refused_with_what_to_do(tmp_path):
    pegawai = BERKAS_MINI["2023/pegawai.csv"] + "4,Ahmad,Pelaksana,PPPK,S1,\n"
    masalah = _masalah(tmp_path, {"2023/pegawai.csv": pegawai})
    harapan = masalah[("pegawai.csv", 5, "PPPK")]
    assert harapan.startswith("salah satu dari: PNS, Honorer; pegawai PPPK belum dapat dicatat")
    assert "jangan mencatatnya sebagai PNS atau Honorer" in harapan
