"""A name with a comma typed without quotes in a hand-typed ',' file (found entering a second
kecamatan from data/README.md alone): the row has one cell more than the header; its last
cells being empty, it was read cut to the header with every cell after the name one column to
the right. A row longer than the header as typed is refused with its cell count and the cause,
also when every shifted value stays valid (a decimal '97,5' read as target 97 and TW I 5)."""

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
    assert [(m.berkas, m.baris, m.kolom) for m in masalah] == [
        ("contoh/2023/pejabat.csv", 3, None)]
    assert masalah[0].pesan.startswith("baris berisi 13 sel, padahal judul kolom berisi 12;")
    assert masalah[0].pesan.endswith("atau simpan berkas dengan pemisah ';'.")


def test_a_shifted_row_of_valid_values_is_refused(tmp_path):
    """'97,5' typed without quotes in a ',' file: target 97 and TW I 5 are both valid, so only
    the row's length tells; it was taken silently (the Lampiran PK printed 97)."""
    judul = "kode_pejabat,no,sasaran,indikator,kode_indikator,satuan,target,tw1,tw2,tw3,tw4"
    salah = "camat,2,Sasaran,Indikator B,,%,97,5,,,,"  # 12 cells against 11
    tulis_mini(tmp_path)
    berkas = tmp_path / "contoh" / "2023" / "pk_indikator.csv"
    asli = berkas.read_text(encoding="utf-8").splitlines()
    assert asli[0] == judul, asli[0]
    berkas.write_text("\n".join(asli + [salah]) + "\n", encoding="utf-8")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    masalah = [m for m in e.value.masalah if m.berkas.endswith("pk_indikator.csv")]
    assert [(m.baris, m.kolom) for m in masalah] == [(len(asli) + 1, None)]
    assert "baris berisi 12 sel, padahal judul kolom berisi 11" in masalah[0].pesan
    assert ("Mungkin angka desimal '97,5' di kolom 'target' tanpa tanda petik: tulis \"97,5\" "
            "atau 97.5.") in masalah[0].pesan


def test_excel_used_range_rows_are_not_called_shifted(tmp_path):
    # Excel wrote two empty columns on the right of every row, the header included (14 cells):
    # a wrong NIP is only that
    judul, camat = JUDUL + ",,", CAMAT + ",,"
    sekcam = "sekcam,Sari,abc,Sekretaris Kecamatan,camat,,,2023-01-02,Penata,tidak,,,,"
    masalah = _masalah(tmp_path, f"{judul}\n{camat}\n{sekcam}\n")
    assert [(m.baris, m.kolom, m.nilai) for m in masalah] == [(3, "nip", "abc")]
