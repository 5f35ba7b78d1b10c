"""The data, computed model and findings of one kecamatan-year, loaded once per kernel.

All chapter notebooks of a report run in one kernel (`lkjip.laporan`), and each of them
starts with ``data, hasil = konteks(kecamatan, tahun, data_dir)``: the edition's model, with
the figures the office's decisions fix (`lkjip.tetap`); where a chapter needs the findings
with their decisions (the cover's DRAF mark, a PK's correction notes, the working paper) it
asks ``keadaan(kecamatan, tahun, data_dir)``. The first call loads, computes and checks;
the others get the same objects. The checks compare the stated figures with the model
before any decision (``hasil.murni``, or `hasil` when no decision fixes a figure). The
cache key is the arguments and the size and modification time of every data file (the
decisions' keputusan.csv too), never an object's identity, so an analyst who edits a CSV in
JupyterLab sees the change on the next run without restarting the kernel. Views take the
findings as an argument: nothing checks behind a call.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

SUMBER_IKM_SINTETIS = "ikm_responden_sintetis.csv"


def _sidik(folder: Path) -> tuple:
    """(path, size, mtime) of every file under a kecamatan folder: the cache's freshness key.

    The files ``folder.rglob("*")`` finds that are files (a link to a file counted as its
    target, a linked folder not entered), walked with `os.scandir` and one ``stat`` a file: a
    report's kernel makes this key at each of its ~20 `konteks`/`keadaan` calls, and
    pathlib's walk with two ``stat`` calls a file was ~0,6 % of its cells (issue 15)."""
    if not folder.is_dir():
        return ()
    hasil: list = []
    _sidik_ke(os.fspath(folder), hasil)
    return tuple(sorted(hasil))


def _sidik_ke(folder: str, hasil: list) -> None:
    try:
        with os.scandir(folder) as isi:
            entri = list(isi)
    except OSError:  # unreadable: skipped, as rglob skips it
        return
    for e in entri:
        try:
            if e.is_dir():
                if not e.is_symlink():
                    _sidik_ke(e.path, hasil)
            elif e.is_file():
                st = e.stat()
                hasil.append((e.path, st.st_size, st.st_mtime_ns))
        except OSError:  # gone meanwhile, or unreadable: not a file of the key
            continue


def _kunci(kecamatan: str, tahun, data_dir) -> tuple:
    """The cache key: the checked parameters (`lkjip.parameter`) and the files' fingerprint."""
    from lkjip.parameter import cek_parameter

    kecamatan, tahun, folder = cek_parameter(kecamatan, tahun, data_dir)
    return kecamatan, tahun, str(folder), _sidik(folder / kecamatan)


def konteks(kecamatan: str, tahun, data_dir=None):
    """``(data, hasil)`` of one kecamatan-year: `lkjip.muat`, `lkjip.hitung`, the office's
    decisions applied (`ikut_keputusan`), cached.

    ``data_dir=None`` means `lkjip.config.DATA`. Bad parameters raise `ParameterTidakSah`
    naming them (`lkjip.parameter`; the kecamatan matches ignoring case), errors in the data
    `LkjipError`.
    """
    return _edisi(*_kunci(kecamatan, tahun, data_dir))


@lru_cache(maxsize=8)
def _edisi(kecamatan: str, tahun: int, folder: str, sidik: tuple):
    data, hasil = _muat(kecamatan, tahun, folder, sidik)
    return data, ikut_keputusan(data, hasil, _keadaan(kecamatan, tahun, folder, sidik))


def ikut_keputusan(data, hasil, keadaan):
    """The computed model with the figures the office's decisions fix (`lkjip.tetap`): the
    edition's model, whose ``murni`` is `hasil`; `hasil` itself when no decision fixes one."""
    from lkjip import tetap
    from lkjip.hitung import hitung

    angka = tetap.tetapan(data, hasil, keadaan)
    if not angka:
        return hasil
    edisi = hitung(data, angka)
    edisi.murni = hasil
    return edisi


@lru_cache(maxsize=8)
def _muat(kecamatan: str, tahun: int, folder: str, _sidik: tuple):
    """`lkjip.muat` and `lkjip.hitung`, through the cache on disk (`lkjip.tembolok`, keyed by
    the files' bytes): in a build, the build process loaded and checked them already."""
    from lkjip.tembolok import muat_hitung

    return muat_hitung(kecamatan, tahun, folder)


def temuan(kecamatan: str, tahun, data_dir=None) -> list:
    """The consistency findings (`lkjip.periksa.periksa`) of the same data, cached alike."""
    return list(_periksa(*_kunci(kecamatan, tahun, data_dir)))


@lru_cache(maxsize=8)
def _periksa(kecamatan: str, tahun: int, folder: str, sidik: tuple) -> tuple:
    from lkjip.periksa import periksa

    return tuple(periksa(*_muat(kecamatan, tahun, folder, sidik)))


def keadaan(kecamatan: str, tahun, data_dir=None):
    """The findings with the office's decisions (`lkjip.keputusan.Keadaan`), cached alike."""
    return _keadaan(*_kunci(kecamatan, tahun, data_dir))


@lru_cache(maxsize=8)
def _keadaan(kecamatan: str, tahun: int, folder: str, sidik: tuple):
    from lkjip import keputusan

    data, _ = _muat(kecamatan, tahun, folder, sidik)
    return keputusan.keadaan_data(data, list(_periksa(kecamatan, tahun, folder, sidik)))


def beda_tersaji(kecamatan: str, tahun, data_dir=None) -> dict:
    """``{(besaran, kunci): temuan}`` for stated figures that differ from the computed ones
    (`lkjip.periksa.tersaji_beda`): what the tables mark."""
    from lkjip.periksa import tersaji_beda

    return tersaji_beda(temuan(kecamatan, tahun, data_dir))


def ikm_sintetis(data) -> bool:
    """True when the IKM answers come from the generated (synthetic) survey file."""
    return (data.sumber_ikm or "") == SUMBER_IKM_SINTETIS


# the modules a report's chapters import in their first cells (the kernel's pre-imports,
# `lkjip.bangun.kernel.PRAIMPOR`, hold pandas, matplotlib.figure and lkjip.tampil)
MODUL_BAB = ("lkjip.grafik", "lkjip.narasi", "lkjip.susun", "lkjip.tabel", "lkjip.kertas",
             "lkjip.pembanding")


def siapkan(kecamatan: str, tahun, data_dir=None) -> bool:
    """In a build's kernel, before its first cell: the chapters' modules imported and this
    kecamatan-year's `konteks` and `keadaan` (with the checks, `lkjip.periksa`) loaded, so the
    first cell finds them in the caches. True when they are ready.

    Why (issue 15): a build's kernel is ready (started, pre-imports done) before the build
    process sends the first cell (it loads and checks the data, then joins the chapters and
    prepares papermill; a timeline of bantarbolang 2023 showed the kernel idle ~1,2 s there),
    and that first cell then spent 0,9-1,2 CPU-s on these imports and loads, on the chapters'
    critical path: done here, in the idle time, the first cell costs ~0,005 CPU-s. Called
    once the build process has the data in the cache on disk (`lkjip.tembolok`); called
    earlier, the cache's lock makes it wait for them (an entry being made is never made
    twice).

    Nothing a cell would show is lost: anything printed, any warning shown or error raised
    here, and the caches are emptied again, so the cell does the work, and shows it, itself.
    Never raises."""
    import contextlib
    import importlib
    import io
    import warnings

    keluaran = io.StringIO()
    try:
        with warnings.catch_warnings(record=True) as peringatan, \
                contextlib.redirect_stdout(keluaran), contextlib.redirect_stderr(keluaran):
            for modul in MODUL_BAB:
                importlib.import_module(modul)
            konteks(kecamatan, tahun, data_dir)
            keadaan(kecamatan, tahun, data_dir)
        siap = not peringatan and not keluaran.getvalue()
    except Exception:  # the first cell raises it again, with its chapter and cell named
        siap = False
    if not siap:
        for f in (_edisi, _muat, _periksa, _keadaan):
            f.cache_clear()
    return siap
