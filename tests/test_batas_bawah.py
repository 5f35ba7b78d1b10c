"""Cases the lower-bound run (`make batas-bawah`, scripts/batas_bawah.txt) found: each fails
with some declared lower bound when the code is wrong, and passes with every version."""

from __future__ import annotations

import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from tests.mini import tulis_mini
from tests.test_fuzz import KECAMATAN, TAHUN, _berkas_dasar, _relatif, periksa_muat


def test_header_with_an_empty_key_name_is_reported_not_a_valueerror(tmp_path):
    # the fuzz at the lower bounds (pandas 2.2.0): 'sep=;' makes the whole comma header one
    # column, so the key column kode_pejabat is missing and pandera's uniqueness check asked
    # pandas for duplicated(subset=[]), a ValueError there
    tulis_mini(tmp_path, ganti=_berkas_dasar("penjelasan_tw.csv"))
    (tmp_path / KECAMATAN / _relatif("penjelasan_tw.csv")).write_bytes(
        b"sep=;\r\n,no,triwulan,penjelasan,tindak_lanjut\n"
        b"sekcam,2,3,Satu rapat ditunda karena jadwal Camat,Dijadwalkan ulang pada TW IV\n")
    assert periksa_muat(tmp_path) == "ditolak"
    with pytest.raises(LkjipError) as e:
        muat(KECAMATAN, TAHUN, tmp_path)
    pesan = "penjelasan_tw.csv, baris 1, kolom 'kode_pejabat': kolom wajib tidak ada."
    assert pesan in str(e.value)
