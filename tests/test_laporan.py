"""Build: join chapters, execute once, write three files atomically, name failures; several
documents in one build (`lkjip.bangun.bangun_dokumen`), the steps told as they happen."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from lkjip import laporan
from lkjip.bangun import Dokumen, bangun_dokumen
from lkjip.galat import LkjipError
from tests.mini import tulis_mini

FIXTURE = Path(__file__).parent / "fixtures" / "notebooks"
CONTOH = FIXTURE / "laporan_contoh"
GAGAL = FIXTURE / "bab_gagal"


LANGKAH = []  # the steps the module's build told, in order


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory):
    """The sample report, built once for this module."""
    akar = tmp_path_factory.mktemp("bangun")
    tulis_mini(akar / "data")
    berkas = laporan.bangun("contoh", 2023, data_dir=akar / "data", out_dir=akar / "keluar",
                            notebooks_dir=CONTOH, kemajuan=LANGKAH.append)
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
    assert halaman[1].split()[-1] == "i" and "DAFTAR ISI" in teks  # front matter: i, ii, …


def test_bab_gagal_menyebut_berkas_dan_sel_dan_laporan_lama_utuh(dibangun, tmp_path):
    lama = tmp_path / "keluar" / "contoh" / "2023"
    shutil.copytree(dibangun.html.parent, lama)
    tulis_mini(tmp_path)
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
    tulis_mini(tmp_path)
    with pytest.raises(laporan.GagalBangun, match="tidak ada notebook bab"):
        laporan.bangun("contoh", 2023, data_dir=tmp_path, out_dir=tmp_path / "k",
                       notebooks_dir=tmp_path)
    assert not (tmp_path / "k").exists()


def test_langkah_diberitahukan_berurutan(dibangun):
    assert LANGKAH == ["bab 1/3: 00_pembuka.ipynb", "bab 2/3: 01_tabel_dan_grafik.ipynb",
                       "bab 3/3: 02_catatan_pemeriksaan.ipynb", "menulis notebook",
                       "menulis LKjIP: HTML", "menulis LKjIP: DOCX", "menulis LKjIP: PDF"]


def _dokumen(keluar: Path, nama: str, bab: Path, **kw) -> Dokumen:
    return Dokumen(judul=f"Dokumen {nama}", bab=tuple(laporan.daftar_bab(bab)),
                   parameter={"kecamatan": "contoh", "tahun": 2023, "data_dir": str(keluar)},
                   folder=keluar / "dua" / nama, nama=nama, **kw)


def _ekspor_sendiri(nb, kemajuan) -> dict[str, bytes]:
    """Two more files from the same executed notebook, as an edition + working paper would."""
    kemajuan("menulis ringkasan")
    judul = [c.source for c in nb.cells if c.cell_type == "markdown"][0]
    return {"ringkasan.txt": judul.encode(), "jumlah_sel.txt": str(len(nb.cells)).encode()}


def test_dua_dokumen_satu_bangun_dengan_format_dan_ekspor_sendiri(tmp_path):
    edisi = _dokumen(tmp_path, "edisi", CONTOH)
    kertas = _dokumen(tmp_path, "kertas", CONTOH, format=("ipynb",), ekspor=_ekspor_sendiri)
    langkah = []
    b_edisi, b_kertas = bangun_dokumen(edisi, kertas, out_dir=tmp_path, kemajuan=langkah.append)
    assert [p.name for p in b_edisi] == ["edisi.ipynb", "edisi.html", "edisi.pdf"]
    assert sorted(p.name for p in (tmp_path / "dua" / "edisi").iterdir()) == [
        "edisi.html", "edisi.ipynb", "edisi.pdf"]
    assert [p.name for p in b_kertas] == ["kertas.ipynb", "ringkasan.txt", "jumlah_sel.txt"]
    assert sorted(p.name for p in (tmp_path / "dua" / "kertas").iterdir()) == [
        "jumlah_sel.txt", "kertas.ipynb", "ringkasan.txt"]
    assert b_edisi.pdf == tmp_path / "dua" / "edisi" / "edisi.pdf" and b_kertas.pdf is None
    assert "Tabel 1.1 Rincian Jumlah Personil" in b_edisi["html"].read_text(encoding="utf-8")
    nb = nbformat.read(b_kertas.notebook, as_version=4)
    assert b_kertas["jumlah_sel.txt"].read_text() == str(len(nb.cells))
    assert langkah.count("menulis ringkasan") == 1 and langkah.count("menulis PDF") == 1
    assert langkah.index("menulis PDF") < langkah.index("menulis ringkasan")  # in order
    assert not list(tmp_path.glob(".bangun-*"))


def test_dokumen_kedua_gagal_tidak_memindahkan_yang_pertama(tmp_path):
    lama = tmp_path / "dua" / "edisi"
    lama.mkdir(parents=True)
    (lama / "edisi.html").write_text("versi lama")
    with pytest.raises(laporan.GagalBangun, match="Dokumen kertas gagal dibangun") as e:
        bangun_dokumen(_dokumen(tmp_path, "edisi", CONTOH), _dokumen(tmp_path, "kertas", GAGAL),
                       out_dir=tmp_path)
    assert "01_sel_gagal.ipynb: sel ke-3: ZeroDivisionError" in str(e.value)
    assert [p.name for p in lama.iterdir()] == ["edisi.html"]
    assert (lama / "edisi.html").read_text() == "versi lama"  # moved only when all are done
    assert not (tmp_path / "dua" / "kertas").exists()
    assert not list(tmp_path.glob(".bangun-*"))


def test_format_tidak_dikenal_ditolak_sebelum_membangun(tmp_path):
    with pytest.raises(ValueError, match="format tidak dikenal: odt"):
        _dokumen(tmp_path, "edisi", CONTOH, format=("html", "odt"))


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
    tulis_mini(tmp_path)
    hasil = laporan.bangun_banyak([("../x", 2023), ("contoh", 2023)], data_dir=tmp_path,
                                  out_dir=tmp_path / "keluar", jobs=2, notebooks_dir=GAGAL)
    assert [(h.kecamatan, h.ok) for h in hasil] == [("../x", False), ("contoh", False)]
    assert "parameter `kecamatan`" in hasil[0].alasan and "01_sel_gagal.ipynb" in hasil[1].alasan


def test_kecamatan_ditulis_longgar_dibangun_di_folder_kanoniknya(dibangun):
    data = dibangun.html.parents[3] / "data"
    # accepted as the folder `contoh` (then stops: no chapters in that folder)
    with pytest.raises(laporan.GagalBangun, match="Laporan contoh 2023 gagal dibangun"):
        laporan.bangun("Contoh", 2023, data_dir=data, out_dir=data.parent / "lain",
                       notebooks_dir=data)
    with pytest.raises(LkjipError, match="kecamatan 'Lain' tidak ditemukan"):
        laporan.bangun("Lain", 2023, data_dir=data, notebooks_dir=data)


KODE_TANPA_POSIX = """
import errno, signal, sys
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` fails
for nama in ("SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGALRM", "SIGCHLD"):
    delattr(signal, nama)
del errno.EDQUOT
import lkjip.bangun, lkjip.cli, lkjip.kabupaten, lkjip.laporan
from lkjip.bangun import dokumen, galat, jalankan, kernel, keluaran, kumpulan, sinyal, suntik
from lkjip.bangun import tulis
print("ok", "rfc3987_syntax" in sys.modules)
"""


def test_impor_tanpa_fcntl_dan_sinyal_posix():
    """Nothing POSIX-only at module level: importing the build works where Windows lacks
    fcntl, SIGKILL and EDQUOT; and importing changes nothing in sys.modules' rfc3987 entry."""
    hasil = subprocess.run([sys.executable, "-c", KODE_TANPA_POSIX], capture_output=True,
                           text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split() == ["ok", "False"]
