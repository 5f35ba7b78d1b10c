"""Files as Excel and offices save them (issue 13): row numbers, line ends, `sep=`, trailing
empty columns, comments, templates, size limit, encodings, links out of the data folder,
folders and unreadable entries in place of files. Each case asserts the message or the value."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip import baca
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import BELUM_DIISI, muat
from tests.mini import BERKAS_MINI, tulis_mini

DATA = Path(__file__).resolve().parents[1] / "data"
DESA = "no,nama_desa,tata_kelola_baik\n"


def _masalah(tmp_path, ganti) -> list:
    tulis_mini(tmp_path, ganti=ganti)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    return e.value.masalah


def _satu(masalah, berkas):
    cocok = [m for m in masalah if m.berkas == berkas]
    assert len(cocok) == 1, masalah
    return cocok[0]


# --- spreadsheet rows ------------------------------------------------------------------------

def test_quoted_line_break_does_not_shift_later_rows(tmp_path):
    # row 2 holds an Alt+Enter line break inside quotes: physically lines 2-3, one spreadsheet row
    isi = DESA + '1,"Alfa\nUtara",ya\n2,Beta,ya\n3,Gama,mungkin\n'
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert (m.baris, m.kolom, m.nilai) == (4, "tata_kelola_baik", "mungkin")


def test_quoted_line_break_kept_in_the_cell(tmp_path):
    isi = DESA + '1,"Alfa\r\nUtara",ya\n2,Beta,ya\n3,Gama,ya\n4,Delta,tidak\n'
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/desa.csv": isi}))
    assert data.desa["nama_desa"].iloc[0] == "Alfa\nUtara"
    assert data.desa["_baris"].tolist() == [2, 3, 4, 5]


def test_cr_only_file_excel_macintosh(tmp_path):
    isi = (DESA + "1,Alfa,ya\n2,Beta,ya\n3,Gama,ya\n4,Delta,tidak\n").replace("\n", "\r")
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/desa.csv": isi.encode()}))
    assert data.desa["nama_desa"].tolist() == ["Alfa", "Beta", "Gama", "Delta"]
    assert data.desa["_baris"].tolist() == [2, 3, 4, 5]


def test_cr_only_error_names_the_spreadsheet_row(tmp_path):
    isi = (DESA + "1,Alfa,ya\n2,Beta,entah\n").replace("\n", "\r")
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi.encode()}), "contoh/2023/desa.csv")
    assert (m.baris, m.nilai) == (3, "entah")


def test_sep_line_sets_delimiter_and_is_not_a_row(tmp_path):
    # Excel's "sep=;" hint: the header is row 1 in Excel, so is it in the messages
    isi = "sep=;\r\nno;nama_desa;tata_kelola_baik\r\n1;Alfa;ya\r\n2;Beta;barangkali\r\n"
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert (m.baris, m.kolom, m.nilai) == (3, "tata_kelola_baik", "barangkali")


def test_sep_line_loads(tmp_path):
    isi = "SEP=;\nno;nama_desa;tata_kelola_baik\n1;Alfa;ya\n2;Beta;ya\n3;Gama;ya\n4;Delta;tidak\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/desa.csv": isi}))
    assert data.desa["tata_kelola_baik"].tolist() == [True, True, True, False]


def test_trailing_empty_header_columns_excel_used_range(tmp_path):
    isi = BERKAS_MINI["2023/anggaran.csv"].replace("\n", ";;;;\n")
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/anggaran.csv": isi}))
    pagu = data.anggaran["pagu_perubahan"]
    assert pd.isna(pagu.iloc[0]) and pagu.tolist()[1:] == [600_000, 400_000]
    assert list(data.anggaran.columns)[-1] == "pagu_perubahan"


def test_value_under_an_untitled_trailing_column_is_refused(tmp_path):
    isi = DESA.replace("\n", ",,\n") + "1,Alfa,ya,,catatan\n"
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert m.baris == 2 and "5 sel" in m.pesan and "berisi 3" in m.pesan


def test_empty_header_cell_in_the_middle_is_still_refused(tmp_path):
    isi = "no,,tata_kelola_baik\n1,Alfa,ya\n"
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert m.baris == 1 and "judul kolom ke-2 kosong" in m.pesan


# --- comments and templates -------------------------------------------------------------------

def test_comment_rows_are_skipped_but_counted(tmp_path):
    isi = DESA + "# contoh: 1,Bantarbolang,ya\n1,Alfa,ya\n2,Beta,ya\n3,Gama,ya\n4,Delta,tidak\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/desa.csv": isi}))
    assert data.desa["nama_desa"].tolist() == ["Alfa", "Beta", "Gama", "Delta"]
    assert data.desa["_baris"].tolist() == [3, 4, 5, 6]


def test_header_and_comment_only_is_a_template_not_filled(tmp_path):
    isi = DESA + "#1,Bantarbolang,ya\n"
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert m.pesan == (BELUM_DIISI + " Isi datanya; berkas ini wajib bila komposit.csv memiliki "
                       "baris dengan daftar 'desa'. Bila tidak, hapus berkas ini.")


def test_a_template_not_filled_says_what_to_do_by_whether_the_file_is_required(tmp_path):
    # a required file must be filled; an optional one may be deleted; pengaduan may be empty
    templat = {"renstra/tujuan.csv": "kode_tujuan,tujuan\n#T1,contoh\n",
               "2023/sarpras.csv": "no,jenis,jumlah,satuan\n#1,Gedung,1,unit\n",
               "2023/pengaduan.csv": "no,uraian,desa,selesai\n#1,contoh,Alfa,ya\n"}
    masalah = _masalah(tmp_path, templat)
    wajib = _satu(masalah, "contoh/renstra/tujuan.csv").pesan
    opsional = _satu(masalah, "contoh/2023/sarpras.csv").pesan
    aduan = _satu(masalah, "contoh/2023/pengaduan.csv").pesan
    assert wajib.endswith("Berkas ini wajib: isi datanya di bawah baris contoh itu.")
    assert "hapus berkas ini bila tidak dipakai (berkas ini tidak wajib)" in opsional
    assert "hapus baris contoh bila memang tidak ada datanya tahun ini" in aduan
    assert "hapus" not in wajib


def test_a_survey_template_names_the_aggregate_file_that_may_replace_it(tmp_path):
    templat = {"2023/ikm_responden.csv": "no,periode,tanggal,layanan,persyaratan\n#1,S1,,,4\n"}
    m = _satu(_masalah(tmp_path, templat), "contoh/2023/ikm_responden.csv")
    assert m.pesan.endswith("Bila tidak, hapus berkas ini. Sebagai gantinya boleh ikm_nrr.csv.")


def test_header_only_list_is_an_empty_list(tmp_path):
    # pengaduan may hold no row (no complaint): 0/0 follows the stated rule, not a template
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={
        "2023/pengaduan.csv": "no,uraian,desa,selesai\n"}))
    assert len(data.pengaduan) == 0


# --- size, encodings ------------------------------------------------------------------------

def test_file_above_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(baca, "BATAS_BYTE", 60)
    isi = DESA + "".join(f"{i},Desa {i},ya\n" for i in range(1, 6))  # 31 + 5 × 13 bytes > 60
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert "melebihi batas" in m.pesan and "MB per berkas" in m.pesan


def test_documented_size_limit_is_20_mb():
    assert baca.BATAS_BYTE == 20 * 2**20
    assert "20 MB" in (DATA / "README.md").read_text(encoding="utf-8")


def test_utf16_is_refused_with_the_way_to_save(tmp_path):
    isi = (DESA + "1,Alfa,ya\n").encode("utf-16")
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert "UTF-16" in m.pesan and "CSV UTF-8" in m.pesan


def test_narasi_in_windows_1252_is_refused_not_mangled(tmp_path):
    isi = "1. Jalan ke Desa Pek\u00e9n rusak\n".encode("cp1252")
    m = _satu(_masalah(tmp_path, {"2023/narasi/isu_strategis.md": isi}),
              "contoh/2023/narasi/isu_strategis.md")
    assert m.baris == 1 and "bukan teks UTF-8" in m.pesan and "Windows-1252" in m.pesan


def test_narasi_utf8_with_bom_loads(tmp_path):
    isi = "\ufeff1. Kurangnya pegawai\n".encode()
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/narasi/isu_strategis.md": isi}))
    assert data.narasi["isu_strategis"] == "1. Kurangnya pegawai\n"


# --- links, folders, permissions ------------------------------------------------------------

def test_csv_symlink_out_of_the_data_folder_is_refused(tmp_path):
    luar = tmp_path / "luar"
    luar.mkdir()
    (luar / "desa.csv").write_text(BERKAS_MINI["2023/desa.csv"], encoding="utf-8")
    data_dir = tmp_path / "data"
    tulis_mini(data_dir, ganti={"2023/desa.csv": None})
    (data_dir / "contoh" / "2023" / "desa.csv").symlink_to(luar / "desa.csv")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, data_dir)
    m = _satu(e.value.masalah, "contoh/2023/desa.csv")
    assert "ke luar folder data" in m.pesan


def test_narasi_symlink_out_of_the_data_folder_is_refused(tmp_path):
    rahasia = tmp_path / "rahasia.md"
    rahasia.write_text("kata sandi: 1234\n", encoding="utf-8")
    data_dir = tmp_path / "data"
    tulis_mini(data_dir)
    (data_dir / "contoh" / "2023" / "narasi" / "inovasi.md").symlink_to(rahasia)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, data_dir)
    m = _satu(e.value.masalah, "contoh/2023/narasi/inovasi.md")
    assert "ke luar folder data" in m.pesan
    assert "1234" not in str(e.value)


def test_symlinked_year_folder_out_of_the_data_folder_is_refused(tmp_path):
    tulis_mini(tmp_path / "asli")
    data_dir = tmp_path / "data"
    (data_dir / "contoh").mkdir(parents=True)
    shutil.copytree(tmp_path / "asli" / "contoh" / "renstra", data_dir / "contoh" / "renstra")
    (data_dir / "contoh" / "2023").symlink_to(tmp_path / "asli" / "contoh" / "2023")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, data_dir)
    assert any(m.berkas == "contoh/2023/profil.csv" and "ke luar folder data" in m.pesan
               for m in e.value.masalah)


def test_symlink_inside_the_data_folder_is_read(tmp_path):
    tulis_mini(tmp_path)
    desa = tmp_path / "contoh" / "2023" / "desa.csv"
    (tmp_path / "bersama").mkdir()
    desa.rename(tmp_path / "bersama" / "desa.csv")
    desa.symlink_to(tmp_path / "bersama" / "desa.csv")
    assert len(muat("contoh", 2023, tmp_path).desa) == 4


def test_broken_symlink_is_named(tmp_path):
    tulis_mini(tmp_path, ganti={"2023/sarpras.csv": None})
    (tmp_path / "contoh" / "2023" / "sarpras.csv").symlink_to(tmp_path / "tidak-ada.csv")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    assert any(m.berkas == "contoh/2023/sarpras.csv" for m in e.value.masalah)


def test_folder_named_like_a_narasi_file(tmp_path):
    tulis_mini(tmp_path)
    (tmp_path / "contoh" / "2023" / "narasi" / "inovasi.md").mkdir()
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    m = _satu(e.value.masalah, "contoh/2023/narasi/inovasi.md")
    assert m.pesan == "adalah sebuah folder, padahal seharusnya berkas Markdown."


def test_folder_in_place_of_a_list_file(tmp_path):
    tulis_mini(tmp_path, ganti={"2023/desa.csv": None})
    (tmp_path / "contoh" / "2023" / "desa.csv").mkdir()
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    m = _satu(e.value.masalah, "contoh/2023/desa.csv")
    assert m.pesan == "adalah sebuah folder, padahal seharusnya berkas CSV."


def test_fifo_in_place_of_a_file_does_not_block(tmp_path):
    tulis_mini(tmp_path, ganti={"2023/sarpras.csv": None})
    os.mkfifo(tmp_path / "contoh" / "2023" / "sarpras.csv")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    assert _satu(e.value.masalah, "contoh/2023/sarpras.csv").pesan.startswith("bukan berkas biasa")


@pytest.mark.parametrize("nama, galat, pesan", [
    ("pegawai.csv", PermissionError(13, "Permission denied"),
     "tidak dapat dibaca: tidak ada izin untuk membacanya."),
    ("anggaran.csv", OSError(5, "Input/output error"),
     "tidak dapat dibaca: kesalahan baca pada perangkat penyimpanan (disk)."),
])
def test_os_error_on_a_file_names_the_path(tmp_path, monkeypatch, nama, galat, pesan):
    tulis_mini(tmp_path)
    asli = Path.open

    def gagal(self, *a, **kw):
        if self.name == nama:
            raise galat
        return asli(self, *a, **kw)

    monkeypatch.setattr(Path, "open", gagal)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    assert _satu(e.value.masalah, f"contoh/2023/{nama}").pesan == pesan


def test_unreadable_year_folder_names_the_path(tmp_path, monkeypatch):
    tulis_mini(tmp_path)
    asli = Path.iterdir

    def tolak(self):
        if self.name == "2023":
            raise PermissionError(13, "Permission denied", str(self))
        return asli(self)

    monkeypatch.setattr(Path, "iterdir", tolak)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    assert any(m.berkas == "contoh/2023" and "izin" in m.pesan for m in e.value.masalah)


# --- the Bantarbolang example: the 0/0 that a misnamed list used to give ----------------------

@pytest.fixture
def bantarbolang(tmp_path):
    shutil.copytree(DATA / "bantarbolang", tmp_path / "bantarbolang")
    return tmp_path


def test_example_capaian_cakupan_is_91_68(bantarbolang):
    # CL.1 = mean(4/10, 4/4, 2/9) = (40 + 100 + 22,2222) / 3 = 54,0741; CL.2 = mean(60, 100) = 80;
    # CL = (54,0741 + 80 + 100 + 100 + 100) / 5 = 86,8148; capaian = 86,8148 / 94,69 × 100 = 91,68
    hasil = hitung(muat("bantarbolang", 2023, bantarbolang))
    assert float(hasil.indikator["IKU-02"].capaian.bulat) == 91.68


@pytest.mark.parametrize("cara", ["huruf", "folder", "hilang"])
def test_misnamed_or_missing_list_is_refused_not_0_of_0(bantarbolang, cara):
    # before: the 0/0 rule made 4 of 10 published read 100 % and capaian cakupan 95,91
    tahun = bantarbolang / "bantarbolang" / "2023"
    if cara == "huruf":
        (tahun / "data_publik.csv").rename(tahun / "Data_Publik.csv")
    else:
        (tahun / "data_publik.csv").unlink()
    if cara == "folder":
        (tahun / "data_publik.csv").mkdir()
    with pytest.raises(LkjipError) as e:
        muat("bantarbolang", 2023, bantarbolang)
    teks = str(e.value)
    if cara == "huruf":
        assert ("bantarbolang/2023/Data_Publik.csv: nama berkas berbeda huruf besar/kecil; "
                "ganti namanya menjadi 'data_publik.csv'.") in teks
    if cara == "folder":
        assert ("bantarbolang/2023/data_publik.csv: adalah sebuah folder, padahal seharusnya "
                "berkas CSV.") in teks
    else:
        assert ("bantarbolang/2023/data_publik.csv: tidak ditemukan, padahal wajib karena "
                "komposit.csv baris 4 (daftar 'data_publik')") in teks


# --- a batch passes over nothing without a word ------------------------------------------------

def test_batch_names_a_capitalised_kecamatan_folder(tmp_path):
    from click.testing import CliRunner

    from lkjip.cli import main

    tulis_mini(tmp_path, kecamatan="contoh")
    (tmp_path / "contoh").rename(tmp_path / "Petarukan")
    hasil = CliRunner().invoke(main, ["batch", "--data", str(tmp_path)])
    assert hasil.exit_code == 1
    assert ("Dilewati: Petarukan/: dilewati; nama folder kecamatan harus huruf kecil, angka dan "
            "tanda hubung: ganti namanya menjadi 'petarukan'.") in hasil.stderr


def test_batch_builds_the_rest_and_exits_1_for_what_it_passed_over(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from click.testing import CliRunner

    from lkjip import laporan
    from lkjip.cli import main

    tulis_mini(tmp_path, kecamatan="contoh")
    (tmp_path / "Petarukan Timur" / "2023").mkdir(parents=True)
    (tmp_path / "contoh" / "2024").mkdir()  # a year begun by hand, no profil.csv
    dibangun = []

    def bangun_banyak(daftar, **kw):
        dibangun.extend(daftar)
        return [SimpleNamespace(kecamatan=k, tahun=t, ok=True, alasan="") for k, t in daftar]

    monkeypatch.setattr(laporan, "bangun_banyak", bangun_banyak)
    hasil = CliRunner().invoke(main, ["batch", "--data", str(tmp_path)])
    assert dibangun == [("contoh", 2023)]
    assert hasil.exit_code == 1
    assert hasil.stderr.splitlines()[-2:] == [
        "Dilewati: Petarukan Timur/: dilewati; nama folder kecamatan harus huruf kecil, angka "
        "dan tanda hubung: ganti namanya menjadi 'petarukan-timur'.",
        "Dilewati: contoh/2024/: dilewati; tidak ada profil.csv."]


@pytest.mark.parametrize("isi", ["sep=;\n", "sep=,\r\n\r\n", ",,,\n1,A,ya\n",
                                 "\nno,nama_desa,tata_kelola_baik\n1,A,ya\n"])
def test_no_header_line(tmp_path, isi):
    # found by the fuzz: a 'sep=' line and nothing else used to end in an IndexError
    m = _satu(_masalah(tmp_path, {"2023/desa.csv": isi}), "contoh/2023/desa.csv")
    assert m.baris == 1 and m.pesan.startswith("baris judul kolom kosong")
