"""Build: join chapters, execute once, write three files atomically, name failures."""

import hashlib
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from lkjip import laporan
from lkjip.galat import LkjipError

FIXTURE = Path(__file__).parent / "fixtures" / "notebooks"
CONTOH = FIXTURE / "laporan_contoh"
GAGAL = FIXTURE / "bab_gagal"


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory):
    """The sample report, built once for this module."""
    akar = tmp_path_factory.mktemp("bangun")
    berkas = laporan.bangun("contoh", 2023, data_dir=akar / "data", out_dir=akar / "keluar",
                            notebooks_dir=CONTOH)
    return berkas


def _sidik(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_gabung_menyimpan_satu_sel_parameters_dan_asal_sel():
    nb = laporan.gabung(laporan.daftar_bab(CONTOH))
    param = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(param) == 1 and param[0].metadata["lkjip"] == {"bab": "00_pembuka.ipynb", "sel": 1,
                                                              "dokumen": "edisi"}
    asal = [(c.metadata["lkjip"]["bab"], c.metadata["lkjip"]["sel"]) for c in nb.cells]
    assert asal[-1] == ("02_catatan_pemeriksaan.ipynb", 2)
    assert ("01_tabel_dan_grafik.ipynb", 1) not in asal  # its parameters cell is dropped
    kode = [c for c in nb.cells if c.cell_type == "code"]
    assert all("hide-input" in c.metadata["tags"] for c in kode)
    nbformat.validate(nb)


def test_bangun_menulis_tiga_berkas(dibangun):
    folder = dibangun.html.parent
    assert folder.parts[-2:] == ("contoh", "2023")
    # the fixture chapters have no working paper: the edition only (HTML, PDF, Word)
    assert sorted(p.name for p in folder.iterdir()) == [
        "lkjip_contoh_2023.docx", "lkjip_contoh_2023.html", "lkjip_contoh_2023.ipynb",
        "lkjip_contoh_2023.pdf"]
    assert not list(folder.parent.parent.glob(".bangun-*"))  # temp folder cleaned up


def test_notebook_tereksekusi_menyimpan_text_html_dan_metadata(dibangun):
    nb = nbformat.read(dibangun.notebook, as_version=4)
    html = [o for c in nb.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert any('id="tabel-1-1"' in o["data"]["text/html"] for o in html)
    assert nb.metadata["lkjip"]["nama_kecamatan"] == "Contoh"
    assert nb.metadata["lkjip"]["sintetis"] is True


def test_html_meloloskan_data_jahat(dibangun):
    html = dibangun.html.read_text(encoding="utf-8")
    assert '<html lang="id">' in html
    assert "<script" not in html.lower()
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "onerror=alert(1)>" not in html


def test_pdf_memuat_tabel_grafik_dan_nomor_halaman(dibangun):
    teks = subprocess.run(["pdftotext", "-layout", str(dibangun.pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    halaman = teks.split("\f")
    assert "DATA SINTETIS" in halaman[0] and "KECAMATAN CONTOH" in halaman[0]
    assert "Tabel 1.1 Rincian Jumlah Personil" in teks and "Grafik 1.1" in teks
    assert "Halaman 2" in halaman[1] and "DAFTAR ISI" in teks


def test_bab_gagal_menyebut_berkas_dan_sel_dan_laporan_lama_utuh(dibangun, tmp_path):
    lama = tmp_path / "keluar" / "contoh" / "2023"
    shutil.copytree(dibangun.html.parent, lama)
    sebelum = _sidik(lama)
    with pytest.raises(laporan.GagalBangun) as e:
        laporan.bangun("contoh", 2023, data_dir=tmp_path, out_dir=tmp_path / "keluar",
                       notebooks_dir=GAGAL)
    pesan = str(e.value)
    assert "01_sel_gagal.ipynb" in pesan and "sel ke-3" in pesan
    assert "ZeroDivisionError" in pesan
    assert _sidik(lama) == sebelum
    assert not list((tmp_path / "keluar").glob(".bangun-*"))


@pytest.mark.parametrize("kecamatan, tahun", [("../x", 2023), ("Bantar bolang", 2023),
                                              ("/etc", 2023), ("contoh", "23"),
                                              ("contoh", "2023/../..")])
def test_nama_buruk_ditolak_sebelum_menulis(tmp_path, kecamatan, tahun):
    with pytest.raises(LkjipError):
        laporan.bangun(kecamatan, tahun, data_dir=tmp_path, out_dir=tmp_path / "keluar",
                       notebooks_dir=CONTOH)
    assert not (tmp_path / "keluar").exists()


def test_tanpa_notebook_bab(tmp_path):
    with pytest.raises(laporan.GagalBangun, match="tidak ada notebook bab"):
        laporan.bangun("contoh", 2023, out_dir=tmp_path / "k", notebooks_dir=tmp_path)


def test_temukan_kecamatan_tahun(tmp_path):
    for folder in ["bantarbolang/2023", "bantarbolang/2024", "petarukan/2023",
                   "Petarukan/2023", "petarukan/renstra", "ampelgading/23"]:
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "profil.csv").write_text("kecamatan\n")
    (tmp_path / "ulujami" / "2023").mkdir(parents=True)  # no profil.csv
    assert laporan.temukan(tmp_path) == [
        ("bantarbolang", 2023), ("bantarbolang", 2024), ("petarukan", 2023)]
    assert laporan.temukan(tmp_path, tahun=2023) == [("bantarbolang", 2023), ("petarukan", 2023)]
    assert laporan.temukan(tmp_path, kecamatan="petarukan") == [("petarukan", 2023)]


def test_bangun_banyak_tidak_berhenti_pada_kegagalan(tmp_path):
    hasil = laporan.bangun_banyak([("../x", 2023), ("contoh", 2023)], data_dir=tmp_path,
                                  out_dir=tmp_path / "keluar", jobs=2, notebooks_dir=GAGAL)
    assert [(h.kecamatan, h.ok) for h in hasil] == [("../x", False), ("contoh", False)]
    assert "--kecamatan" in hasil[0].alasan and "01_sel_gagal.ipynb" in hasil[1].alasan
