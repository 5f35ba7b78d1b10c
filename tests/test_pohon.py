"""Trees of the data (issue 13): the pejabat tree has one top and no cycle, every node of the
anggaran, pejabat and komposit trees reaches its top, composite roots name their indicator."""

from __future__ import annotations

import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from lkjip.pohon import lingkaran, sampai_akar
from tests.mini import BERKAS_MINI, tulis_mini

JUDUL_PEJABAT = "kode_pejabat,nama,nip,jabatan,kode_atasan,nama_atasan,jabatan_atasan,tanggal_pk\n"
CAMAT = "camat,Budi,,Camat Contoh,{atas},{nama},{jabatan},2023-01-02\n"
SEKCAM = "sekcam,Sari,,Sekretaris Kecamatan,{atas},,,2023-01-02\n"


def _pejabat(camat_atas="", sekcam_atas="camat", nama="Bupati", jabatan="Bupati Pemalang",
             lain="") -> str:
    return (JUDUL_PEJABAT + CAMAT.format(atas=camat_atas, nama=nama, jabatan=jabatan)
            + SEKCAM.format(atas=sekcam_atas) + lain)


def _masalah(tmp_path, ganti):
    tulis_mini(tmp_path, ganti=ganti)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    return e.value.masalah, str(e.value)


@pytest.mark.parametrize("induk, putaran, sampai", [
    ({"a": None, "b": "a", "c": "b"}, [], {"a", "b", "c"}),
    ({"a": "a"}, [["a"]], set()),
    ({"a": "b", "b": "a", "c": "a", "d": None}, [["a", "b"]], {"d"}),
    ({"x": "y", "y": "z", "z": "x", "p": "q", "q": "p"}, [["p", "q"], ["x", "y", "z"]], set()),
    ({"a": "hilang", "b": None}, [], {"b"}),
])
def test_cycles_and_reaching_the_root(induk, putaran, sampai):
    assert lingkaran(induk) == putaran
    assert sampai_akar(induk) == sampai


def test_mini_pejabat_is_a_tree(tmp_path):
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/pejabat.csv": _pejabat()}))
    assert data.pejabat["kode_pejabat"].tolist() == ["camat", "sekcam"]


def test_camat_pointing_at_himself_excel_fill_down(tmp_path):
    # before: check passed; Tabel 2.4 printed empty and the Camat's PK named the Camat as
    # pihak kedua
    masalah, teks = _masalah(tmp_path, {"2023/pejabat.csv": _pejabat(camat_atas="camat")})
    assert ("contoh/2023/pejabat.csv, baris 2, kolom 'kode_atasan': nilai 'camat' tidak sah; "
            "seharusnya kode atasan lain, bukan kode baris ini sendiri (mungkin tersalin oleh "
            "'isi ke bawah' Excel); kosongkan bila ini puncak pohon.") in teks
    assert "contoh/2023/pejabat.csv: tidak ada pejabat puncak" in teks


def test_camat_sekcam_cycle(tmp_path):
    masalah, teks = _masalah(tmp_path, {"2023/pejabat.csv": _pejabat(camat_atas="sekcam")})
    kena = {(m.baris, m.nilai): m.harapan for m in masalah if m.kolom == "kode_atasan"}
    assert kena == {
        (2, "sekcam"): "kode atasan yang tidak membentuk lingkaran (camat → sekcam → camat)",
        (3, "camat"): "kode atasan yang tidak membentuk lingkaran (sekcam → camat → sekcam)",
    }


def test_node_below_a_cycle_is_named_with_its_cycle(tmp_path):
    lain = "kasi,Tono,,Kasi Pemerintahan,sekcam,,,2023-01-02\n"
    masalah, _ = _masalah(tmp_path, {"2023/pejabat.csv": _pejabat(camat_atas="sekcam",
                                                                  lain=lain)})
    m = next(m for m in masalah if m.baris == 4)
    assert (m.kolom, m.nilai) == ("kode_atasan", "sekcam")
    assert m.harapan.endswith("kini berujung di lingkaran camat → sekcam → camat")


def test_two_tops(tmp_path):
    masalah, teks = _masalah(tmp_path, {"2023/pejabat.csv": _pejabat(sekcam_atas="")})
    assert ("contoh/2023/pejabat.csv, baris 3, kolom 'kode_atasan': nilai (kosong) tidak sah; "
            "seharusnya kode pejabat atasannya; hanya satu pejabat yang kode_atasan-nya kosong "
            "(yang menandatangani PK dengan Bupati), dan itu sudah camat di baris 2.") in teks


def test_top_without_the_bupati_named(tmp_path):
    masalah, _ = _masalah(tmp_path, {"2023/pejabat.csv": _pejabat(nama="", jabatan="")})
    assert {(m.baris, m.kolom) for m in masalah} == {(2, "nama_atasan"), (2, "jabatan_atasan")}


def test_anggaran_self_reference(tmp_path):
    isi = BERKAS_MINI["2023/anggaran.csv"].replace("1.2;1;kegiatan", "1.2;1.2;kegiatan")
    masalah, _ = _masalah(tmp_path, {"2023/anggaran.csv": isi})
    assert any((m.baris, m.kolom, m.nilai) == (4, "kode_induk", "1.2")
               and "bukan kode baris ini sendiri" in m.harapan for m in masalah)


KOMPOSIT = ("kode_node,kode_induk,kode_indikator,nama,jenis,pembilang,penyebut,nilai,daftar,"
            "urutan\n")


def test_komposit_cycle(tmp_path):
    isi = (KOMPOSIT + "CL,,IKU-02,Cakupan layanan,rerata,,,,,1\n"
           "CL.1,CL,,Pengaduan terselesaikan,rasio,,,,pengaduan,1\n"
           "CL.2,CL.3,,Desa,rerata,,,,,2\nCL.3,CL.2,,Desa lagi,rerata,,,,,3\n")
    masalah, _ = _masalah(tmp_path, {"2023/komposit.csv": isi})
    kena = [(m.baris, m.harapan) for m in masalah if m.kolom == "kode_induk"]
    assert kena == [(4, "kode node induk yang tidak membentuk lingkaran (CL.2 → CL.3 → CL.2)"),
                    (5, "kode node induk yang tidak membentuk lingkaran (CL.3 → CL.2 → CL.3)")]


def test_komposit_roots_name_their_indicator_once(tmp_path):
    isi = (KOMPOSIT + "CL,,IKU-02,Cakupan layanan,rerata,,,,,1\n"
           "CL.1,CL,IKU-02,Pengaduan terselesaikan,rasio,,,,pengaduan,1\n"
           "CL.2,CL,,Desa,rasio,,,,desa,2\n"
           "LAIN,,,Pohon tanpa indikator,nilai,,,50,,2\n"
           "DUA,,IKU-02,Pohon kedua,nilai,,,50,,3\n"
           "IKM,,IKU-01,Pohon untuk indikator IKM,nilai,,,50,,4\n")
    masalah, _ = _masalah(tmp_path, {"2023/komposit.csv": isi})
    kena = {m.baris: m.harapan for m in masalah if m.kolom == "kode_indikator"}
    assert kena[3].startswith("kosong: hanya node puncak")
    assert kena[5].startswith("kode indikator yang dihitung pohon ini")
    assert kena[6] == ("indikator yang belum punya pohon; IKU-02 sudah dihitung oleh pohon di "
                       "baris 2")
    assert kena[7] == ("indikator yang bersumber 'komposit' di indikator.csv (IKU-01 bersumber "
                       "'ikm', sehingga pohon ini tidak dipakai)")
    assert set(kena) == {3, 5, 6, 7}


def test_missing_parent_above_a_node_is_a_reference_error_only(tmp_path):
    # found by make test's fuzz: CL's kode_induk '82,94' is no node; CL.1 under CL then ends at
    # a missing parent, which referensi names (once), not a crash of the tree walk
    isi = (KOMPOSIT + 'CL,"82,94",IKU-02,Cakupan layanan,rerata,,,,,1\n'
           "CL.1,CL,,Pengaduan terselesaikan,rasio,,,,pengaduan,1\n"
           "CL.2,CL,,Desa,rasio,,,,desa,2\n")
    masalah, _ = _masalah(tmp_path, {"2023/komposit.csv": isi})
    kena = [(m.baris, m.kolom, m.nilai) for m in masalah if m.berkas.endswith("komposit.csv")]
    assert (2, "kode_induk", "82,94") in kena
    assert not any(b == 3 for b, _, _ in kena)


@pytest.mark.parametrize("berkas, isi", [
    ("2023/anggaran.csv", "kode;kode_induk;tingkat;nama;kode_sasaran;pagu_murni;pagu_perubahan\n"
     "1;999999999999999;program;Program Penunjang;S1;;\n"
     "1.2;1;kegiatan;Administrasi Umum;;400.000;400.000\n"),
    ("2023/pejabat.csv", JUDUL_PEJABAT + 'camat,"  82,94  ",,Camat Contoh,"  82,94  ",Bupati,'
     "Bupati Pemalang,2023-01-02\nsekcam,Sari,,Sekretaris Kecamatan,camat,,,2023-01-02\n"),
])
def test_below_a_missing_grandparent_is_an_error_not_a_crash(tmp_path, berkas, isi):
    """test_fuzz found these (KeyError in pohon._ujung): a node whose parent's parent does not
    exist. The missing kode is reported (referensi); nothing crashes."""
    masalah, teks = _masalah(tmp_path, {berkas: isi})
    assert masalah and ("999999999999999" in teks or "82,94" in teks)
