"""The command line: messages in Bahasa Indonesia, exit 1 on bad input, never a traceback;
a build tells its steps on stderr, Ctrl-C exits 130, the kabupaten build refuses a year
without data and keeps the earlier report when it fails."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip import kabupaten, laporan
from lkjip.cli import main
from tests.mini import BERKAS_MINI, tulis_mini

AKAR = Path(__file__).resolve().parents[1]
GAGAL = Path(__file__).parent / "fixtures" / "notebooks" / "bab_gagal" / "01_sel_gagal.ipynb"


def _jalankan(*args):
    return CliRunner().invoke(main, list(args))


def test_check_summarises_the_example():
    hasil = _jalankan("check", "--kecamatan", "bantarbolang", "--tahun", "2023",
                      "--data", str(AKAR / "data"))
    assert "Data Kecamatan Bantarbolang, Kabupaten Pemalang, tahun 2023" in hasil.output
    assert "4 indikator Renstra, 69 baris target PK" in hasil.output
    assert "ikm_responden_sintetis.csv (277 responden)" in hasil.output
    assert "[galat] desa.csv baris 17" in hasil.output  # the example's double desa (seed)
    assert hasil.exit_code == 1  # exit 1: the data hold galat findings


def test_check_bad_input_lists_every_problem_and_exits_1(tmp_path):
    ganti = {
        "2023/sarpras.csv": BERKAS_MINI["2023/sarpras.csv"] + "2,Meja,banyak,buah\n",
        "2023/desa.csv": "no,nama_desa,tata_kelola_baik\n1,Alfa,mungkin\n",
    }
    tulis_mini(tmp_path, ganti=ganti)
    hasil = _jalankan("check", "--kecamatan", "contoh", "--tahun", "2023", "--data", str(tmp_path))
    assert hasil.exit_code == 1
    assert "Ditemukan 2 masalah pada data:" in hasil.output
    assert "contoh/2023/sarpras.csv, baris 3, kolom 'jumlah': nilai 'banyak'" in hasil.output
    assert "contoh/2023/desa.csv, baris 2, kolom 'tata_kelola_baik'" in hasil.output
    assert "Traceback" not in hasil.output


def test_check_refuses_path_like_kecamatan(tmp_path):
    hasil = _jalankan("check", "--kecamatan", "../etc", "--tahun", "2023", "--data", str(tmp_path))
    assert hasil.exit_code == 1
    assert "--kecamatan: nilai '../etc' tidak sah" in hasil.output


def test_build_with_bad_data_writes_nothing(tmp_path):
    tulis_mini(tmp_path / "data", ganti={"2023/pegawai.csv": None})
    keluar = tmp_path / "keluar"
    hasil = _jalankan("build", "--kecamatan", "contoh", "--tahun", "2023",
                      "--data", str(tmp_path / "data"), "--out", str(keluar))
    assert hasil.exit_code == 1
    assert "contoh/2023/pegawai.csv: berkas wajib tidak ditemukan." in hasil.output
    assert not keluar.exists()


def test_batch_goes_on_past_broken_data_and_keeps_the_old_report(tmp_path):
    data, keluar = tmp_path / "data", tmp_path / "keluar"
    tulis_mini(data, kecamatan="alfa")
    tulis_mini(data, kecamatan="beta")
    pertama = _jalankan("build", "--kecamatan", "beta", "--tahun", "2023",
                        "--data", str(data), "--out", str(keluar))
    assert pertama.exit_code == 0, pertama.output
    lama = {p.name: p.read_bytes() for p in (keluar / "beta" / "2023").iterdir()}
    assert set(lama) == {f"lkjip_beta_2023.{x}" for x in ("html", "pdf", "docx", "ipynb")} | {
        f"kertas_kerja_beta_2023.{x}" for x in ("html", "pdf")}
    # beta's data break: an answer outside 1-4 in the survey
    survei = data / "beta" / "2023" / "ikm_responden.csv"
    survei.write_text(survei.read_text().replace("KK,3,3,3", "KK,7,3,3", 1))

    hasil = _jalankan("batch", "--tahun", "2023", "--jobs", "2",
                      "--data", str(data), "--out", str(keluar))

    assert hasil.exit_code == 1
    assert (keluar / "alfa" / "2023" / "lkjip_alfa_2023.pdf").exists()
    ringkas = hasil.output[hasil.output.index("KECAMATAN"):]
    baris = [" ".join(b.split()) for b in ringkas.splitlines()]
    assert "alfa 2023 dibangun" in baris and "beta 2023 GAGAL" in baris
    assert "ikm_responden.csv, baris 3, kolom 'persyaratan': nilai '7'" in ringkas
    assert "Jumlah: 1 dibangun, 1 gagal." in ringkas
    assert {p.name: p.read_bytes() for p in (keluar / "beta" / "2023").iterdir()} == lama


def test_batch_interrupted_reports_what_was_built(tmp_path, monkeypatch):
    from lkjip import laporan

    tulis_mini(tmp_path, kecamatan="alfa")
    tulis_mini(tmp_path, kecamatan="beta")

    def terputus(daftar, **kwargs):
        raise laporan.Dibatalkan([laporan.HasilBangun("alfa", 2023, True),
                                  laporan.HasilBangun("beta", 2023, False,
                                                      alasan=laporan.ALASAN_BATAL)])

    monkeypatch.setattr(laporan, "bangun_banyak", terputus)
    hasil = _jalankan("batch", "--tahun", "2023", "--data", str(tmp_path))
    assert hasil.exit_code == 130
    assert "Jumlah: 1 dibangun, 1 gagal." in hasil.output
    assert "dibatalkan (Ctrl-C) sebelum selesai" in hasil.output


def test_build_tells_its_steps_on_stderr_without_kernel_warning(tmp_path):
    """The real command in its own process: steps with seconds on stderr, files on stdout, no
    ipykernel transport warning, no traceback."""
    tulis_mini(tmp_path / "data")
    hasil = subprocess.run(
        [sys.executable, "-m", "lkjip.cli", "build", "--kecamatan", "contoh", "--tahun", "2023",
         "--data", str(tmp_path / "data"), "--out", str(tmp_path / "keluar")],
        cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert hasil.returncode == 0, hasil.stderr
    langkah = [re.sub(r"^\[ *[0-9]+,[0-9] s\] ", "", b) for b in hasil.stderr.splitlines()]
    assert langkah[0] == "memuat dan memeriksa data contoh 2023"
    bab = [b for b in langkah if b.startswith("bab ")]
    n = len(laporan.daftar_bab(AKAR / "notebooks"))
    assert bab[0].startswith(f"bab 1/{n}: ") and bab[-1].startswith(f"bab {n}/{n}: ")
    tulis = ["menulis notebook", "menulis LKjIP: HTML", "menulis LKjIP: DOCX",
             "menulis kertas kerja: HTML", "menulis kertas kerja: PDF", "menulis LKjIP: PDF"]
    assert langkah[1 + n:] == tulis
    assert len(langkah) == 1 + n + len(tulis)  # nothing else on stderr: no warning, no traceback
    for nama in ("lkjip_contoh_2023.pdf", "lkjip_contoh_2023.docx", "kertas_kerja_contoh_2023.pdf",
                 "lkjip_contoh_2023.ipynb"):
        assert f"keluar/contoh/2023/{nama}" in hasil.stdout


@pytest.mark.parametrize("perintah", [
    ["build", "--kecamatan", "contoh", "--tahun", "2023"],
    ["build-kabupaten", "--tahun", "2023"],
])
def test_ctrl_c_during_a_build_exits_130_without_traceback(tmp_path, monkeypatch, perintah):
    def terputus(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(laporan, "bangun", terputus)
    monkeypatch.setattr(kabupaten, "bangun_kabupaten", terputus)
    tulis_mini(tmp_path)
    hasil = _jalankan(*perintah, "--data", str(tmp_path), "--out", str(tmp_path / "keluar"))
    assert hasil.exit_code == 130
    assert "Dibatalkan (Ctrl-C)" in hasil.output and "tidak selesai dibangun" in hasil.output
    assert "Traceback" not in hasil.output


@pytest.fixture(scope="module")
def kabupaten_lama(tmp_path_factory):
    """Two mini kecamatan with 2023 data and a first kabupaten report built from them."""
    akar = tmp_path_factory.mktemp("kabupaten")
    for k in ("alfa", "beta"):
        tulis_mini(akar / "data", kecamatan=k)
    hasil = _jalankan("build-kabupaten", "--tahun", "2023", "--data", str(akar / "data"),
                      "--out", str(akar / "keluar"))
    assert hasil.exit_code == 0, hasil.output
    folder = akar / "keluar" / "kabupaten" / "2023"
    return akar, folder, {p.name: p.read_bytes() for p in folder.iterdir()}


def test_build_kabupaten_refuses_a_year_without_data(kabupaten_lama):
    akar, _, _ = kabupaten_lama
    hasil = _jalankan("build-kabupaten", "--tahun", "2031", "--data", str(akar / "data"),
                      "--out", str(akar / "keluar"))
    assert hasil.exit_code == 1
    assert "Laporan kabupaten 2031 gagal dibangun:" in hasil.output
    assert "tidak ada data kecamatan tahun 2031" in hasil.output
    assert "tahun yang ada: 2023." in hasil.output
    assert not (akar / "keluar" / "kabupaten" / "2031").exists()


def test_failing_kabupaten_build_names_the_cell_and_keeps_the_old_report(kabupaten_lama,
                                                                           monkeypatch):
    akar, folder, lama = kabupaten_lama
    monkeypatch.setattr(kabupaten, "notebook_kabupaten", lambda: GAGAL)
    hasil = _jalankan("build-kabupaten", "--tahun", "2023", "--data", str(akar / "data"),
                      "--out", str(akar / "keluar"))
    assert hasil.exit_code == 1
    assert ("Laporan kabupaten 2023 gagal dibangun:\n"
            "- 01_sel_gagal.ipynb: sel ke-3: ZeroDivisionError: division by zero") in hasil.output
    assert "Traceback" not in hasil.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == lama
    assert not list((akar / "keluar").glob(".bangun-*"))
