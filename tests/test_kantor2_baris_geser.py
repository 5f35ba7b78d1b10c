"""A name with a comma typed without quotes in a hand-typed ',' file (found entering a second
kecamatan from data/README.md alone): the row has one cell more than the header; its last
cells being empty, it is read cut to the header and every cell after the name sits one column
to the right. The refused values ('S.H.' is not a NIP) must come with the row's cell count."""

from __future__ import annotations

import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from tests.mini import tulis_mini

JUDUL = ("kode_pejabat,nama,nip,jabatan,kode_atasan,nama_atasan,jabatan_atasan,tanggal_pk,"
         "pangkat,pk_perubahan,nip_atasan,pangkat_atasan")  # 12 columns
CAMAT = "camat,Budi,,Camat Contoh,,Bupati,Bupati Pemalang,2023-01-02,Pembina,tidak,,"


def _masalah(tmp_path, pejabat):
    tulis_mini(tmp_path, ganti={"2023/pejabat.csv": pejabat})
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    return e.value.masalah


def test_a_row_shifted_by_an_unquoted_comma_says_how_many_cells_it_has(tmp_path):
    # sekcam | Sari | " S.H." | "" | Sekretaris Kecamatan | camat | "" | "" | 2023-01-02 |
    # Penata | tidak | "" | "" = 13 cells against 12 column names
    sekcam = "sekcam,Sari, S.H.,,Sekretaris Kecamatan,camat,,,2023-01-02,Penata,tidak,,"
    masalah = _masalah(tmp_path, f"{JUDUL}\n{CAMAT}\n{sekcam}\n")
    assert ("contoh/2023/pejabat.csv", 3, "nip", "S.H.") in [
        (m.berkas, m.baris, m.kolom, m.nilai) for m in masalah]
    baris = [m for m in masalah if m.kolom is None]
    assert [(m.berkas, m.baris) for m in baris] == [("contoh/2023/pejabat.csv", 3)]
    assert baris[0].pesan.startswith("baris ini berisi 13 sel, padahal judul kolom berisi 12;")
    assert baris[0].pesan.endswith("atau simpan berkas dengan pemisah ';'.")


def test_excel_used_range_rows_are_not_called_shifted(tmp_path):
    # Excel wrote two empty columns on the right of every row, the header included (14 cells):
    # a wrong NIP is only that
    judul, camat = JUDUL + ",,", CAMAT + ",,"
    sekcam = "sekcam,Sari,abc,Sekretaris Kecamatan,camat,,,2023-01-02,Penata,tidak,,,,"
    masalah = _masalah(tmp_path, f"{judul}\n{camat}\n{sekcam}\n")
    assert [(m.baris, m.kolom, m.nilai) for m in masalah] == [(3, "nip", "abc")]
