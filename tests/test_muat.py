"""Loader: good input loads typed; each kind of bad input names file, row, column and value."""

from __future__ import annotations

from datetime import date

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


# --- as a kecamatan's clerk types it (kantor2: Randudongkal 2024 typed from data/README.md) ---

def test_dates_as_excel_in_indonesian_locale_saves_them(tmp_path):
    # Excel (id-ID) saves a date cell as 31/01/2024: day first; 2/1/2023 is 2 January
    profil = BERKAS_MINI["2023/profil.csv"].replace("2024-01-31", "31/01/2024")
    pejabat = BERKAS_MINI["2023/pejabat.csv"].replace("2023-01-02,", "2/1/2023,", 1)
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={
        "2023/profil.csv": profil, "2023/pejabat.csv": pejabat}))
    assert data.profil["tanggal_laporan"] == date(2024, 1, 31)
    assert data.pejabat["tanggal_pk"].tolist() == [date(2023, 1, 2), date(2023, 1, 2)]


def test_a_date_that_does_not_exist_is_named(tmp_path):
    profil = BERKAS_MINI["2023/profil.csv"].replace("2024-01-31", "31/02/2024")
    masalah, _ = _masalah(tmp_path, {"2023/profil.csv": profil})
    assert [(m.berkas, m.baris, m.kolom, m.nilai) for m in masalah] == [
        ("contoh/2023/profil.csv", 2, "tanggal_laporan", "31/02/2024")]
    assert "HH/BB/TTTT" in masalah[0].harapan


def test_a_misspelt_value_of_a_list_names_the_one_probably_meant(tmp_path):
    isi = ("no,nama,jabatan,status,pendidikan,golongan\n"
           "1,Budi,Camat,PNS,S2,IV\n2,Sari,Sekertaris Kecamatan,PNS,S1,IV\n"
           "3,,Pelaksana,PNS,SMA,II\n4,,Pelaksana,pns,SLTA,II\n5,,Lurah,PNS,SLTA,II\n")
    masalah, _ = _masalah(tmp_path, {"2023/pegawai.csv": isi})
    harapan = {(m.baris, m.kolom): m.harapan for m in masalah}
    assert harapan[(3, "jabatan")].endswith("(mungkin maksudnya 'Sekretaris Kecamatan')")
    assert harapan[(4, "pendidikan")].endswith("(mungkin maksudnya 'SLTA')")
    assert harapan[(5, "status")].endswith("(mungkin maksudnya 'PNS')")
    assert "mungkin" not in harapan[(6, "jabatan")]  # nothing close to 'Lurah'
    assert len(masalah) == 4


def test_file_problems_and_references_between_files_are_named_at_once(tmp_path):
    # a cell error in pegawai.csv, a kode_sasaran that sasaran.csv lacks: one list
    indikator = BERKAS_MINI["renstra/indikator.csv"].replace("IKU-02,S1,", "IKU-02,S-1,")
    pegawai = BERKAS_MINI["2023/pegawai.csv"].replace("Camat,PNS,S2", "Camat,PNS,SMA")
    masalah, _ = _masalah(tmp_path, {"renstra/indikator.csv": indikator,
                                     "2023/pegawai.csv": pegawai})
    assert [(m.berkas, m.baris, m.kolom, m.nilai) for m in masalah] == [
        ("contoh/2023/pegawai.csv", 2, "pendidikan", "SMA"),
        ("contoh/renstra/indikator.csv", 3, "kode_sasaran", "S-1")]


def test_a_file_with_problems_is_not_an_empty_parent_of_the_references(tmp_path):
    # sasaran.csv fails on its own (a missing column): the indikator rows pointing at S1 are
    # not accused of naming a sasaran that does not exist
    masalah, _ = _masalah(tmp_path, {"renstra/sasaran.csv": "kode_sasaran,sasaran\nS1,Layanan\n"})
    assert [(m.berkas, m.kolom) for m in masalah] == [
        ("contoh/renstra/sasaran.csv", "kode_tujuan")]


def test_an_unquoted_decimal_comma_is_named_with_its_column(tmp_path):
    # '83,5' typed in a ',' file without quotes: the row has one cell too many
    isi = "kode_indikator,tahun,target\nIKU-01,2023,83,5\nIKU-02,2023,80\n"
    masalah, _ = _masalah(tmp_path, {"renstra/target.csv": isi})
    assert [(m.berkas, m.baris) for m in masalah] == [("contoh/renstra/target.csv", 2)]
    assert masalah[0].pesan.endswith(
        "Mungkin angka desimal '83,5' di kolom 'target' tanpa tanda petik: tulis \"83,5\" "
        "atau 83.5.")


def test_an_unknown_column_lists_the_columns_of_the_file(tmp_path):
    isi = "kode_tujuan,tujuan,keterangan\nT1,Meningkatkan pelayanan,\n"
    masalah, _ = _masalah(tmp_path, {"renstra/tujuan.csv": isi})
    assert [str(m) for m in masalah] == [
        "contoh/renstra/tujuan.csv, baris 1, kolom 'keterangan': kolom tidak dikenal (salah "
        "ketik?); kolom berkas ini: kode_tujuan, tujuan."]


def test_a_nip_excel_turned_into_a_number_says_how_to_keep_it(tmp_path):
    pejabat = BERKAS_MINI["2023/pejabat.csv"].replace("camat,Budi,,", "camat,Budi,1.97001E+17,")
    masalah, _ = _masalah(tmp_path, {"2023/pejabat.csv": pejabat})
    assert [(m.kolom, m.nilai) for m in masalah] == [("nip", "1.97001E+17")]
    assert masalah[0].harapan.endswith("format kolom ini sebagai Teks lalu ketik ulang nilainya")


def test_the_kecamatan_typed_as_its_name_suggests_the_folder_name(tmp_path):
    profil = BERKAS_MINI["2023/profil.csv"].replace("\ncontoh,Contoh,", "\nContoh,Contoh,")
    masalah, _ = _masalah(tmp_path, {"2023/profil.csv": profil})
    assert [(m.kolom, m.nilai) for m in masalah] == [("kecamatan", "Contoh")]
    assert masalah[0].harapan.endswith("(mungkin maksudnya 'contoh')")


def test_a_survey_the_data_needs_and_lacks_is_named_once(tmp_path):
    # IKU-01 is measured by the survey: without it, the file is named as required, and the
    # rules that read the survey do not add a second message for the same cause
    komposit = BERKAS_MINI["2023/komposit.csv"] + "CL.3,CL,,Kepuasan,ikm,,,,,3\n"
    masalah, _ = _masalah(tmp_path, {"2023/ikm_responden.csv": None,
                                     "2023/komposit.csv": komposit})
    assert [m.berkas for m in masalah] == ["contoh/2023/ikm_responden.csv"]
    assert "wajib karena" in masalah[0].pesan
