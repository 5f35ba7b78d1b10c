"""The command line: messages in Bahasa Indonesia, exit 1 on bad input, never a traceback."""

from __future__ import annotations

from click.testing import CliRunner

from lkjip.cli import main
from tests.mini import BERKAS_MINI, tulis_mini


def _jalankan(*args):
    return CliRunner().invoke(main, list(args))


def test_check_summarises_the_example():
    hasil = _jalankan("check", "--kecamatan", "bantarbolang", "--tahun", "2023")
    assert "Data Kecamatan Bantarbolang, Kabupaten Pemalang, tahun 2023" in hasil.output
    assert "4 indikator Renstra, 69 baris target PK" in hasil.output
    assert "ikm_responden_sintetis.csv (277 responden)" in hasil.output
    assert hasil.exception is None or isinstance(hasil.exception, SystemExit)


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
    assert "alfa" in ringkas and "dibangun" in ringkas
    assert "beta" in ringkas and "GAGAL" in ringkas
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
