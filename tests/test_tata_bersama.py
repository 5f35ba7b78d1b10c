"""A batch's chart text layouts shared between its kernels (`simpan_grafik.bagikan_tata`,
`simpan_grafik.muat_tata`, `lkjip.zigot._tata_bersama`): a layout one kernel made is not made
again by the kernels forked after it, the zygote's store is bounded, a damaged or foreign file
is ignored, the folder is gone after the batch, and a chart saves the same bytes either way."""

import os
import pickle
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from lkjip import simpan_grafik, zigot
from lkjip.bangun.kernel import KernelAwal, siapkan_pekerja
from tests.klien_kernel import jalankan

# In a kernel: `teks` (a list of strings) drawn as figure texts, saved by simpan_grafik
# (the PNG here, not in a child), matplotlib's own layouts counted by text; prints the texts
# laid out, sorted, then whether the three saves equal those made again with no layout kept.
GAMBAR = """
import os, matplotlib
from matplotlib.figure import Figure
from matplotlib.text import Text
from lkjip import simpan_grafik
simpan_grafik.BERCABANG = False
matplotlib.rcParams["svg.hashsalt"] = "uji"
asli, hitung = Text._get_layout, []
Text._get_layout = lambda self, r: hitung.append(self.get_text()) or asli(self, r)
def buat():
    fig = Figure(figsize=(3, 1))
    for i, t in enumerate(teks):
        fig.text(0.1 + 0.3 * i, 0.5, t)
    return fig
dengan = simpan_grafik.simpan_grafik(buat(), "Grafik")
print(" ".join(sorted(hitung)))
simpan_grafik._TATA.clear()
tanpa = simpan_grafik.simpan_grafik(buat(), "Grafik")
print(dengan == tanpa, os.environ.get("LKJIP_ZIGOT_TATA"))
"""


def _gambar(tmp_path: Path, teks: list[str]) -> tuple[list[str], str]:
    """In a new kernel forked by this process's zygote: the texts laid out, and the check."""
    with KernelAwal(tmp_path).mulai() as k:
        keluaran = jalankan(k, f"teks = {teks!r}\n{GAMBAR}").splitlines()
    return keluaran[0].split(), keluaran[1]


@pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")
def test_tata_kernel_dipakai_kernel_berikutnya_lalu_folder_dihapus(tmp_path):
    """Kernel one lays out "satu" and "dua", each once for the SVGs and once for the PNG's
    Agg: 4 layouts. Kernel two, forked after it, lays out only its new text "tiga" (2): "dua"
    comes from kernel one through the zygote. Kernel three draws "satu" and "dua" again and
    lays out nothing. Each kernel's saves equal those made without a layout kept; the
    folder is not in the kernels' environment, and it is gone once the zygote is stopped."""
    siapkan_pekerja()
    try:
        folder = zigot._AKTIF[os.getpid()].tata
        assert folder and Path(folder).is_dir()
        assert _gambar(tmp_path, ["satu", "dua"]) == (["dua", "dua", "satu", "satu"],
                                                       "True None")
        assert _gambar(tmp_path, ["dua", "tiga"]) == (["tiga", "tiga"], "True None")
        assert _gambar(tmp_path, ["satu", "dua"]) == ([], "True None")
    finally:
        zigot.matikan()
    assert not Path(folder).exists()


@pytest.fixture
def kernel(monkeypatch, tmp_path):
    """This process as a kernel sharing its layouts through folder `tmp_path/"bagi"` (with an
    empty cache of its own), and, after `jadi_zigot()`, as a zygote with an empty one."""
    folder = tmp_path / "bagi"
    folder.mkdir()
    for nama, nilai in (("_TATA", {}), ("_LINGKUNGAN", {}), ("_TATA_BARU", []),
                        ("_BAGI", None), ("_urut_kirim", 0), ("BERCABANG", False)):
        monkeypatch.setattr(simpan_grafik, nama, nilai)
    simpan_grafik.bagikan_tata(str(folder))
    return folder


def jadi_zigot(monkeypatch):
    monkeypatch.setattr(simpan_grafik, "_TATA", {})
    monkeypatch.setattr(simpan_grafik, "_LINGKUNGAN", {})
    monkeypatch.setattr(simpan_grafik, "_BAGI", None)


def _dua_teks() -> Figure:
    fig = Figure(figsize=(3, 1))
    fig.text(0.1, 0.5, "satu")
    fig.text(0.5, 0.5, "dua")
    return fig


def test_simpanan_zigot_dibatasi_dan_tiap_berkas_dibaca_sekali(kernel, monkeypatch):
    """A kernel writes the 4 layouts of "satu" and "dua" (2 texts x SVG and Agg); a zygote
    bounded at 3 takes 3 of them and removes the file; read again, nothing (read once). A
    kernel forked from a zygote whose store is full writes nothing (it would not be read)."""
    simpan_grafik.simpan_grafik(_dua_teks(), "Grafik")
    assert len(list(kernel.glob("*.tata"))) == 1
    jadi_zigot(monkeypatch)
    monkeypatch.setattr(simpan_grafik, "_TATA_BAGI_MAKS", 3)
    assert simpan_grafik.muat_tata(str(kernel)) == 3
    assert len(simpan_grafik._TATA) == 3 and list(kernel.iterdir()) == []
    assert simpan_grafik.muat_tata(str(kernel)) == 0
    simpan_grafik.bagikan_tata(str(kernel))
    assert simpan_grafik._BAGI is None
    fig = _dua_teks()
    fig.text(0.8, 0.5, "tiga")
    simpan_grafik.simpan_grafik(fig, "Grafik")
    assert list(kernel.iterdir()) == []


class _Jahat:
    def __reduce__(self):
        return (os.mkdir, (self.jalur,))


def test_berkas_rusak_atau_asing_diabaikan(kernel, monkeypatch, tmp_path):
    """Beside one good file (4 layouts), files that are not one: not a pickle, the good one cut
    short, one whose loading would run a function (it does not run), one of the wrong shape:
    only the good file's 4 are taken, every file is removed; a file still being written
    (``.*.tmp``) is neither read nor removed. Layouts made where other fonts were known
    are not taken either."""
    simpan_grafik.simpan_grafik(_dua_teks(), "Grafik")
    (sah,) = kernel.glob("*.tata")
    isi = sah.read_bytes()
    jahat = _Jahat()
    jahat.jalur = str(tmp_path / "dijalankan")
    berkas = {"a-rusak.tata": b"bukan pickle",
              "b-potong.tata": isi[: len(isi) // 2],
              "c-jahat.tata": pickle.dumps((simpan_grafik._TANDA_BAGI, [], [jahat])),
              "d-bentuk.tata": pickle.dumps((simpan_grafik._TANDA_BAGI, [], [(0, (), ())])),
              ".e-ditulis.tmp": isi}
    for nama, data in berkas.items():
        (kernel / nama).write_bytes(data)
    jadi_zigot(monkeypatch)
    assert simpan_grafik.muat_tata(str(kernel)) == 4
    assert not (tmp_path / "dijalankan").exists()
    assert [p.name for p in kernel.iterdir()] == [".e-ditulis.tmp"]
    # the same good file, read where the fonts known differ: nothing taken
    sah.write_bytes(isi)
    jadi_zigot(monkeypatch)
    monkeypatch.setattr(simpan_grafik, "_fon_dikenal", lambda: (0, 0, 0))
    assert simpan_grafik.muat_tata(str(kernel)) == 0 and simpan_grafik._TATA == {}


def test_hasil_sama_dengan_dan_tanpa_tata_bersama(kernel, monkeypatch):
    """A figure with a legend, ticks, a rotated label and math text saved with the layouts
    another kernel wrote (through a file, as a batch's) equals the same figure saved with none
    kept, byte for byte, and needs no layout of its own in the SVGs and PNG."""
    import matplotlib

    def buat() -> Figure:
        fig = Figure(figsize=(4, 3), layout="constrained")
        ax = fig.subplots()
        ax.bar(["Camat", "Sekretaris\nKecamatan"], [3, 7], label="orang")
        ax.legend()
        ax.set_ylabel(r"$x^2$ jumlah", rotation=45)
        return fig

    hitung = []
    asli = Text._get_layout
    monkeypatch.setattr(Text, "_get_layout",
                        lambda self, r: hitung.append(self.get_text()) or asli(self, r))
    with matplotlib.rc_context({"svg.hashsalt": "uji"}):
        simpan_grafik.simpan_grafik(buat(), "Grafik")
        jadi_zigot(monkeypatch)
        assert simpan_grafik.muat_tata(str(kernel)) > 0
        hitung.clear()
        dengan = simpan_grafik.simpan_grafik(buat(), "Grafik")
        assert hitung == []
        simpan_grafik._TATA.clear()
        tanpa = simpan_grafik.simpan_grafik(buat(), "Grafik")
    assert hitung and dengan == tanpa


def test_folder_pembuat_yang_dibunuh_disapu_zigot_berikutnya(tmp_path):
    """A batch killed (SIGKILL: no ``tutup``) leaves its layouts' folder; the next zygote made
    removes the folders whose maker has ended, and leaves those of a process still running
    (this one, and its parent) and names not of that form."""
    import subprocess
    import sys

    mati = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    nama = [f"{zigot.AWALAN_TATA}{int(mati.stdout)}-abc", f"{zigot.AWALAN_TATA}{os.getpid()}-abc",
            f"{zigot.AWALAN_TATA}{os.getppid()}-abc", f"{zigot.AWALAN_TATA}bukan-pid", "lain"]
    for n in nama:
        (tmp_path / n).mkdir()
        (tmp_path / n / "1-1.tata").write_bytes(b"x")
    zigot._sapu_tata(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(nama[1:])
