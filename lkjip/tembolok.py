"""A cache on disk of each kecamatan-year loaded and computed: ``hitung(muat(...))``.

Why (issue 15). A report's data were loaded and validated twice, once in the build process
(to refuse bad input before any notebook runs) and again in the kernel, and Bab III loads
every other kecamatan of the kabupaten for its comparisons (`lkjip.pembanding`): 13 of them
cost ~2,5 CPU-s per report, paid again by every report of a batch. Validation (pandera) is
most of that. Read back from this cache, one kecamatan-year costs ~10 ms (hash its files,
unpickle), so the kernel gets the build process's work, and a batch loads each kecamatan
once instead of once per report. An entry holds the computed model (`muat_hitung`) or a
summary made from it (`dari_hasil`: what a comparison reads of another kecamatan, ~2 ms).

Never stale. The key is a SHA-256 of
- the code: the bytes of every file of the lkjip package, hashed once per process at first
  use (the code this process runs is the code it loaded), and the versions of Python, pandas,
  numpy and pandera;
- the resolved data folder, the kecamatan and the year;
- every entry under ``<data>/<kecamatan>/``: its relative path, and the bytes of each file.
Modification times are never used: a changed byte anywhere gives another key. Where the key
cannot be made for sure (a file that cannot be read, a symbolic link inside the kecamatan's
folder, whose target could change unseen), nothing is cached: the data are loaded as without
a cache. Failures are never cached: `muat`'s `LkjipError` and `hitung`'s errors reach the
caller as they would without it.

Where. ``LKJIP_TEMBOLOK`` names the folder (``0`` turns the cache off); otherwise
``$XDG_CACHE_HOME/lkjip`` or ``~/.cache/lkjip`` (``%LOCALAPPDATA%/lkjip/tembolok`` on
Windows). The kernel inherits the build process's environment, so both use the same folder.
An entry is a pickle, so the folder is used only when this user owns it and no one else can
write into it (POSIX); it is made with mode 0700. Entries are written to a temporary file and
renamed (readers in other processes never see half a file); an unreadable or damaged entry is
ignored and rewritten. One entry of each kind is kept per data folder, kecamatan and year:
storing a new one removes the older ones, so the folder does not grow with each edit of a CSV,
and entries written more than 30 days ago.

Rejected: an mtime-and-size key (`lkjip.konteks` keeps one in memory for the kernel's own
calls) could serve old figures after a copy that keeps times; a pickle handed only from the
build process to its kernel would not help the comparisons, nor a batch.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

MATI = "0"
HASIL = "hasil"  # the kind of entry holding the computed model itself
UMUR_MAKS = 30 * 24 * 3600  # seconds: older entries are removed when one is written
TUNGGU_MAKS = 120  # seconds a process waits for another that is making the same entry
_KODE: list[str] = []  # the code's fingerprint, computed once per process


def folder() -> Path | None:
    """The cache folder (see the module docstring), or None when the cache is off."""
    nilai = os.environ.get("LKJIP_TEMBOLOK")
    if nilai == MATI:
        return None
    if nilai:
        return Path(nilai).expanduser()
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lkjip" / "tembolok"
    dasar = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(dasar) / "lkjip"


def _folder_aman() -> Path | None:
    """The cache folder, made if need be, when only this user can write into it."""
    tempat = folder()
    if tempat is None:
        return None
    try:
        tempat.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = tempat.stat()
    except OSError:
        return None
    if os.name == "posix" and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return None
    return tempat


def aktif() -> bool:
    """True when entries can be kept (the cache is on and its folder safe to use)."""
    return _folder_aman() is not None


def sidik_kode() -> str:
    """SHA-256 of the lkjip package's files and of the library versions (once per process)."""
    if not _KODE:
        from importlib.metadata import version

        import numpy
        import pandas

        from lkjip import config

        h = hashlib.sha256()
        for bagian in (sys.version, pandas.__version__, numpy.__version__, version("pandera")):
            h.update(bagian.encode() + b"\0")
        for p in sorted(config.PACKAGE.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.relative_to(config.PACKAGE).as_posix().encode() + b"\0")
                h.update(hashlib.sha256(p.read_bytes()).digest())
        _KODE.append(h.hexdigest())
    return _KODE[0]


def sidik_isi(akar: Path) -> str | None:
    """SHA-256 of every entry under `akar` (relative path, and the bytes of each file); None
    when one cannot be read or is a symbolic link.

    Walked as ``os.walk`` walks it, top-down: in each folder its subfolders' names (sorted),
    then its files' names (sorted) each with the SHA-256 of its bytes, then each subfolder the
    same way. With `os.scandir` and plain strings (a kecamatan of four years holds ~110
    files, and each report of a batch hashes ~26 of them: pathlib's parsing was ~60 % of it).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "a.csv").write_text("x")
    ...     pertama = sidik_isi(Path(d))
    ...     _ = (Path(d) / "a.csv").write_text("y")
    ...     pertama != sidik_isi(Path(d))
    True
    """
    h = hashlib.sha256()
    try:
        if not _sidik_folder(h, os.fspath(akar), ""):
            return None
    except OSError:
        return None
    return h.hexdigest()


def _sidik_folder(h, folder: str, awalan: str) -> bool:
    """Add `folder`'s entries to `h` (`sidik_isi`), their paths relative to `akar` starting
    with `awalan`; False at a symbolic link."""
    with os.scandir(folder) as isi:
        entri = list(isi)
    folders, berkas = [], []
    for e in entri:
        if e.is_symlink():
            return False
        (folders if _folder(e) else berkas).append(e.name)
    folders.sort()
    berkas.sort()
    for nama in folders:
        h.update((awalan + nama).encode() + b"\0")
    for nama in berkas:
        h.update((awalan + nama).encode() + b"\0")
        with open(os.path.join(folder, nama), "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return all(_sidik_folder(h, os.path.join(folder, nama), awalan + nama + "/")
               for nama in folders)


def _folder(entri: os.DirEntry) -> bool:
    """As ``os.walk`` tells a folder: `is_dir`, False when that cannot be told."""
    try:
        return entri.is_dir()
    except OSError:
        return False


def _nama(folder_data: Path, kecamatan: str, tahun: int, jenis: str) -> str:
    """The entries' common name: the kecamatan, the year, the kind, the data folder's hash."""
    tempat = hashlib.sha256(str(folder_data).encode()).hexdigest()[:16]
    return f"{kecamatan}-{tahun}-{jenis}-{tempat}"


def kunci(kecamatan: str, tahun: int, folder_data: Path, jenis: str = HASIL) -> str | None:
    """The file name of the entry of kind `jenis` for this kecamatan-year as it is on disk
    now, or None."""
    isi = sidik_isi(folder_data / kecamatan)
    if isi is None:
        return None
    h = hashlib.sha256()
    for bagian in (sidik_kode(), str(folder_data), kecamatan, str(tahun), jenis, isi):
        h.update(bagian.encode() + b"\0")
    return f"{_nama(folder_data, kecamatan, tahun, jenis)}-{h.hexdigest()}.pickle"


def _baca(tempat: Path, nama: str, kecamatan: str, tahun: int):
    try:
        with open(tempat / nama, "rb") as f:
            hasil = pickle.load(f)
    except Exception:  # absent, half-written by a killed process, or damaged: load again
        return None
    data = getattr(hasil, "data", None)
    if getattr(data, "kecamatan", None) != kecamatan or getattr(data, "tahun", None) != tahun:
        return None
    return hasil


def _simpan(tempat: Path, nama: str, hasil) -> None:
    """Write the entry atomically, then remove the older ones of the same kind and
    kecamatan-year, and any entry or lock file written more than `UMUR_MAKS` ago (a folder
    renamed or removed leaves its entries behind; a lock file is rewritten at each use).
    A failure (a full disk, an object that does not pickle) only means no entry."""
    try:
        fd, sementara = tempfile.mkstemp(dir=tempat, prefix=".tulis-", suffix=".pickle")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(hasil, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(sementara, tempat / nama)
    except Exception:
        Path(sementara).unlink(missing_ok=True)
        return
    awalan = nama.rsplit("-", 1)[0] + "-"
    batas = time.time() - UMUR_MAKS
    for lama in tempat.iterdir():
        try:
            if lama.name != nama and lama.suffix in (".pickle", ".lock") and (
                    (lama.suffix == ".pickle" and lama.name.startswith(awalan))
                    or lama.stat().st_mtime < batas):
                lama.unlink(missing_ok=True)
        except OSError:
            pass


def muat_hitung(kecamatan: str, tahun, data_dir=None):
    """``(data, hasil)``: `lkjip.muat.muat` and `lkjip.hitung.hitung` of one kecamatan-year,
    read from the cache when the same code saw the same files; errors as without a cache."""
    hasil = dari_hasil(kecamatan, tahun, data_dir, HASIL, None)
    return hasil.data, hasil


def dari_hasil(kecamatan: str, tahun, data_dir, jenis: str, buat):
    """``buat(hasil)`` of the kecamatan-year's computed model, kept as an entry of its own kind
    `jenis` (``buat=None``: the model itself, `HASIL`). Reading a small summary back is what
    makes the kabupaten's comparisons cheap (`lkjip.pembanding`); what ``buat`` returns must
    have ``.data.kecamatan`` and ``.data.tahun``. Errors as without a cache."""
    from lkjip.parameter import cek_parameter

    kecamatan, tahun, folder_data = cek_parameter(kecamatan, tahun, data_dir)
    folder_data = Path(folder_data).resolve()
    tempat = _folder_aman()
    nama = kunci(kecamatan, tahun, folder_data, jenis) if tempat is not None else None
    if nama is None:
        return _buat(kecamatan, tahun, folder_data, buat)
    nilai = _baca(tempat, nama, kecamatan, tahun)
    if nilai is None:
        with _giliran(tempat, nama):
            nilai = _baca(tempat, nama, kecamatan, tahun)  # made while this one waited?
            if nilai is None:
                nilai = _buat(kecamatan, tahun, folder_data, buat)
                if kunci(kecamatan, tahun, folder_data, jenis) == nama:
                    _simpan(tempat, nama, nilai)  # unless a file changed while it was read
    return nilai


def ada(kecamatan: str, tahun, data_dir, jenis: str) -> bool:
    """Whether the entry of kind `jenis` for this kecamatan-year is in the cache for its files
    as they are now, without reading it (a damaged one is made again where it is read,
    `dari_hasil`). A batch worker asks before loading the comparisons ahead
    (`lkjip.pembanding.muat_dulu`): once the batch's first reports have made them, reading
    all 13 back only to drop them was ~0,13 CPU-s a report (issue 15)."""
    from lkjip.galat import LkjipError
    from lkjip.parameter import cek_parameter

    tempat = _folder_aman()
    if tempat is None:
        return False
    try:
        kecamatan, tahun, folder_data = cek_parameter(kecamatan, tahun, data_dir)
    except LkjipError:
        return False
    nama = kunci(kecamatan, tahun, Path(folder_data).resolve(), jenis)
    return nama is not None and (tempat / nama).is_file()


def _buat(kecamatan: str, tahun: int, folder_data: Path, buat):
    return _hitung(kecamatan, tahun, folder_data) if buat is None else \
        buat(muat_hitung(kecamatan, tahun, folder_data)[1])


@contextmanager
def _giliran(tempat: Path, nama: str):
    """Hold the lock of an entry's kecamatan-year and kind while it is made: a second process
    (the build process loading the comparisons ahead, a batch's other worker) waits for it and
    reads it instead of making it again. After `TUNGGU_MAKS` seconds it goes on without it."""
    from filelock import FileLock, Timeout

    kunci_ = FileLock(tempat / (nama.rsplit("-", 1)[0] + ".lock"))
    try:
        kunci_.acquire(timeout=TUNGGU_MAKS)
    except (Timeout, OSError):
        yield
        return
    try:
        yield
    finally:
        kunci_.release()


def _hitung(kecamatan: str, tahun: int, folder_data: Path):
    from lkjip.hitung import hitung
    from lkjip.muat import muat

    return hitung(muat(kecamatan, tahun, folder_data))
