"""Text from the data reaches views as text (issue 13): never matplotlib math text, never a live
remote image in HTML or PDF, never terminal control sequences; optional columns; entries of the
year folder that other parts read are not "unknown"."""

from __future__ import annotations

from dataclasses import replace

import matplotlib
import pytest
from click.testing import CliRunner
from matplotlib.figure import Figure

from lkjip import grafik, narasi, tampil
from lkjip.cli import main
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.skema import BERKAS, K
from tests.mini import BERKAS_MINI, tulis_mini

URUSAN = r"Program $\Urusan$ Pemerintahan"


def test_raw_dollar_text_is_what_used_to_crash_the_chart():
    # the failure this guards against: matplotlib parses $\Urusan$ as math and gives up
    fig = Figure()
    fig.text(0.5, 0.5, URUSAN)
    with pytest.raises(ValueError):
        fig.savefig(__import__("io").BytesIO(), format="svg")


def test_program_name_with_dollars_draws(tmp_path):
    anggaran = BERKAS_MINI["2023/anggaran.csv"].replace("Program Penunjang", URUSAN)
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/anggaran.csv": anggaran}))
    fig = grafik.pagu_program(hitung(data))
    label = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert label == [r"Program \$\Urusan\$ Pemerintahan"]
    html = tampil.grafik(fig, "2.1", "Pagu per program").isi  # the SVG is drawn: no error
    assert 'src="data:image/svg+xml;base64,' in html


def test_dollar_in_a_satuan_and_a_kecamatan_name_draws(tmp_path):
    indikator = BERKAS_MINI["renstra/indikator.csv"].replace(",indeks,naik", ",$indeks$,naik")
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"renstra/indikator.csv": indikator}))
    fig = grafik.tren(data, hitung(data), "IKU-01")
    assert fig.axes[0].get_ylabel() == r"\$indeks\$"
    tampil.grafik(fig, "3.1", "Tren")
    assert matplotlib.rcParams["text.parse_math"]  # nothing global was switched off


def test_remote_image_in_narasi_is_not_live(tmp_path):
    md = "Peta kantor:\n\n![peta](https://contoh.test/peta.png)\n\n![](/etc/passwd)\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/narasi/inovasi.md": md}))
    html = narasi.teks(data, "inovasi", hitung(data)).isi
    assert "<img" not in html and "src=" not in html
    assert "[gambar tidak dimuat: peta (https://contoh.test/peta.png)]" in html
    assert "[gambar tidak dimuat: tanpa keterangan (/etc/passwd)]" in html


def test_check_prints_control_sequences_as_escapes(tmp_path):
    profil = BERKAS_MINI["2023/profil.csv"].replace("contoh,Contoh,", "contoh,Con\x1b[2Jtoh\u202e,")
    tulis_mini(tmp_path, ganti={"2023/profil.csv": profil})
    hasil = CliRunner().invoke(main, ["check", "--kecamatan", "contoh", "--tahun", "2023",
                                      "--data", str(tmp_path)])
    assert hasil.exit_code == 0, hasil.output
    assert "\x1b" not in hasil.output and "\u202e" not in hasil.output
    assert "Data Kecamatan Con\\x1b[2Jtoh\\u202e, Kabupaten Pemalang" in hasil.output


def test_error_messages_print_control_sequences_as_escapes(tmp_path):
    desa = "no,nama_desa,tata_kelola_baik\n1,Alfa,ya\x1b]0;judul\x07\n"
    tulis_mini(tmp_path, ganti={"2023/desa.csv": desa})
    hasil = CliRunner().invoke(
        main, ["check", "--kecamatan", "contoh", "--tahun", "2023", "--data", str(tmp_path)])
    assert hasil.exit_code == 1
    assert "\x1b" not in hasil.stderr and "\x07" not in hasil.stderr
    assert "contoh/2023/desa.csv, baris 2, kolom 'tata_kelola_baik'" in hasil.stderr


# --- optional columns and entries other parts read -------------------------------------------

@pytest.fixture
def sarpras_bercatatan(monkeypatch):
    b = BERKAS["sarpras.csv"]
    monkeypatch.setitem(BERKAS, "sarpras.csv", replace(
        b, kolom=b.kolom + (K("catatan", opsional=True),)))


def test_optional_column_may_be_left_out(tmp_path, sarpras_bercatatan):
    data = muat("contoh", 2023, tulis_mini(tmp_path))
    assert data.sarpras["catatan"].tolist() == [None]


def test_optional_column_when_given_is_read(tmp_path, sarpras_bercatatan):
    isi = "no,jenis,jumlah,satuan,catatan\n1,Kendaraan Roda 2,2,unit,baru\n"
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/sarpras.csv": isi}))
    assert data.sarpras["catatan"].tolist() == ["baru"]


def test_optional_column_must_allow_empty_cells():
    from lkjip.skema import Kolom

    with pytest.raises(ValueError, match="harus boleh kosong"):
        Kolom("x", opsional=True)


def test_files_other_parts_read_are_not_unknown(tmp_path):
    tulis_mini(tmp_path, ganti={"2023/keputusan.csv": "temuan,putusan,alasan\n",
                                "2023/logo.png": b"\x89PNG", "2023/lampiran/pk_camat.pdf": b"%PDF"})
    assert muat("contoh", 2023, tmp_path).profil["kecamatan"] == "contoh"
