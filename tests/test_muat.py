"""Loader: good input loads typed; each kind of bad input names file, row, column and value."""

from __future__ import annotations

import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from tests.mini import BERKAS_MINI, UNSUR, tulis_mini


def _masalah(tmp_path, ganti, kecamatan="contoh", tahun=2023):
    tulis_mini(tmp_path, ganti=ganti)
    with pytest.raises(LkjipError) as e:
        muat(kecamatan, tahun, tmp_path)
    return e.value.masalah, str(e.value)


def test_mini_loads_typed(tmp_path):
    data = muat("contoh", 2023, tulis_mini(tmp_path))
    assert data.profil["nama_kecamatan"] == "Contoh"
    assert data.profil["sintetis"] is False
    # '900.000' in a ';' file is a thousands separator: nine hundred thousand rupiah
    assert list(data.anggaran["pagu_murni"].dropna()) == [900_000, 400_000]
    assert data.anggaran["_baris"].tolist() == [2, 3, 4]
    assert data.pk_indikator.loc[0, "target_angka"] == 80.0
    assert data.desa["tata_kelola_baik"].tolist() == [True, True, True, False]
    assert len(data.ikm_responden) == 4
    assert data.narasi["isu_strategis"].startswith("1. Kurangnya")


def test_bom_semicolon_and_indonesian_numbers(tmp_path):
    isi = "\ufeffkode_indikator;tahun;target\nIKU-01;2023;80\nIKU-02;2023;\"80,5\"\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"renstra/target.csv": isi}))
    assert data.target["target"].tolist() == [80.0, 80.5]


def test_ikm_columns_by_full_name_in_any_order(tmp_path):
    judul = ("no,periode,tanggal,layanan,Sarana dan Prasarana,Persyaratan,"
             "Sistem, Mekanisme, dan Prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan")
    judul = judul.replace("Sistem, Mekanisme, dan Prosedur", '"Sistem, Mekanisme, dan Prosedur"')
    isi = judul + "\n1,S1,,KTP,2,3,3,3,3,3,4,3,3\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/ikm_responden.csv": isi}))
    r = data.ikm_responden.iloc[0]
    assert (r["sarana"], r["persyaratan"], r["prosedur"]) == (2, 3, 3)


def test_missing_column(tmp_path):
    isi = "kode_tujuan\nT1\n"
    masalah, teks = _masalah(tmp_path, {"renstra/tujuan.csv": isi})
    assert any(m.berkas == "contoh/renstra/tujuan.csv" and m.kolom == "tujuan"
               and "kolom wajib tidak ada" in m.pesan for m in masalah)


def test_wrong_type_and_unparseable_number_name_the_place(tmp_path):
    isi = BERKAS_MINI["2023/sarpras.csv"] + "2,Meja,banyak,buah\n"
    masalah, teks = _masalah(tmp_path, {"2023/sarpras.csv": isi})
    m = next(m for m in masalah if m.kolom == "jumlah")
    assert (m.berkas, m.baris, m.nilai) == ("contoh/2023/sarpras.csv", 3, "banyak")
    assert "angka" in m.harapan
    assert "contoh/2023/sarpras.csv, baris 3, kolom 'jumlah': nilai 'banyak'" in teks


def test_duplicate_key(tmp_path):
    isi = "no,nama_desa,tata_kelola_baik\n1,Alfa,ya\n1,Beta,ya\n"
    masalah, _ = _masalah(tmp_path, {"2023/desa.csv": isi})
    assert {m.baris for m in masalah if m.kolom == "no"} == {2, 3}
    assert all("ganda" in m.pesan for m in masalah if m.kolom == "no")


def test_empty_file(tmp_path):
    masalah, _ = _masalah(tmp_path, {"2023/pegawai.csv": ""})
    assert any(m.berkas == "contoh/2023/pegawai.csv" and "kosong" in m.pesan for m in masalah)


def test_header_only_required_file(tmp_path):
    judul = "no,nama,jabatan,status,pendidikan,golongan\n"
    masalah, _ = _masalah(tmp_path, {"2023/pegawai.csv": judul})
    assert any("paling sedikit 1" in m.pesan for m in masalah)


def test_wrong_encoding(tmp_path):
    isi = "no,nama_desa,tata_kelola_baik\n1,Alfa,ya\n2,Pek\xe9n,ya\n".encode("cp1252")
    masalah, _ = _masalah(tmp_path, {"2023/desa.csv": isi})
    m = next(m for m in masalah if m.berkas == "contoh/2023/desa.csv")
    assert m.baris == 3 and "UTF-8" in m.pesan


def test_unknown_kecamatan_and_year(tmp_path):
    tulis_mini(tmp_path)
    with pytest.raises(LkjipError, match="'entah' tidak ditemukan. Yang tersedia: contoh"):
        muat("entah", 2023, tmp_path)
    with pytest.raises(LkjipError, match="tahun 2019 tidak ditemukan.*tersedia: 2023"):
        muat("contoh", 2019, tmp_path)


def test_path_like_names_refused_before_touching_disk(tmp_path):
    with pytest.raises(LkjipError, match="parameter `kecamatan`"):
        muat("../contoh", 2023, tmp_path / "tidak-ada")
    with pytest.raises(LkjipError, match="parameter `tahun`"):
        muat("contoh", "20x3", tmp_path / "tidak-ada")


def test_unknown_unsur_and_answer_outside_1_to_4(tmp_path):
    isi = f"no,periode,tanggal,layanan,{UNSUR},keramahan\n1,S1,,KTP,3,3,3,3,3,3,5,3,3,4\n"
    masalah, teks = _masalah(tmp_path, {"2023/ikm_responden.csv": isi})
    assert any(m.kolom == "keramahan" and "tidak dikenal" in m.pesan for m in masalah)
    assert any(m.kolom == "perilaku" and m.baris == 2 and m.nilai == "5"
               and "1, 2, 3 atau 4" in m.harapan for m in masalah)


def test_every_problem_at_once_across_files(tmp_path):
    ganti = {
        "2023/desa.csv": "no,nama_desa,tata_kelola_baik\n1,Alfa,mungkin\n",
        "2023/sarpras.csv": "no,jenis,jumlah,satuan\nx,Meja,2,buah\n",
        "2023/pegawai.csv": None,
    }
    masalah, _ = _masalah(tmp_path, ganti)
    berkas = {m.berkas for m in masalah}
    assert {"contoh/2023/desa.csv", "contoh/2023/sarpras.csv", "contoh/2023/pegawai.csv"} <= berkas


def test_cross_file_references(tmp_path):
    pk = BERKAS_MINI["2023/pk_indikator.csv"] + "camat,3,Sasaran,Indikator lain,IKU-99,%,1,,,,\n"
    ang = BERKAS_MINI["2023/anggaran.csv"] + "2;;program;Program Tanpa Sasaran;;;100\n"
    masalah, _ = _masalah(tmp_path, {"2023/pk_indikator.csv": pk, "2023/anggaran.csv": ang})
    assert any(m.berkas == "contoh/2023/pk_indikator.csv" and m.nilai == "IKU-99"
               and m.baris == 5 for m in masalah)
    assert any(m.berkas == "contoh/2023/anggaran.csv" and m.kolom == "kode_sasaran"
               and m.baris == 5 for m in masalah)


def test_profile_must_match_folder(tmp_path):
    isi = BERKAS_MINI["2023/profil.csv"].replace(",2023,Jl.", ",2022,Jl.")
    masalah, _ = _masalah(tmp_path, {"2023/profil.csv": isi})
    assert any(m.kolom == "tahun" and m.nilai == "2022" for m in masalah)


def test_ragged_row(tmp_path):
    isi = "no,nama_desa,tata_kelola_baik\n1,Alfa,ya,lebih\n"
    masalah, _ = _masalah(tmp_path, {"2023/desa.csv": isi})
    assert any(m.baris == 2 and "4 sel" in m.pesan for m in masalah)
