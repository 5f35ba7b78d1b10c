"""Writing a build's files: a locked temporary folder, atomic renames, stale-folder cleanup.

Each build writes into its own temporary folder ``<out>/.bangun-*`` and moves each finished
file into place with ``os.replace`` (atomic on one file system), so a reader never sees a
half-written file. While the build lives it holds a lock (``filelock``: flock on POSIX,
LockFileEx on Windows) on ``.kunci`` in that folder and has written ``.hidup`` (its pid) once
locked. A build killed at any moment leaves its folder behind, unlocked; the next build in
the same output folder removes it (`bersihkan_sisa`) and never a live build's folder. A folder
without ``.hidup`` is either a build between creating and locking it, or one killed exactly
then: it is removed only once it is an hour old.

A full disk, a read-only folder or a missing permission ends in `GagalTulis` (Indonesian,
naming the folder) with the earlier files untouched. Ctrl-C while the temporary folder is
made and locked, while the files are moved into place, or while the folder is removed, is held
until that is done (`sinyal.tahan_ctrl_c`), so an interrupted build never leaves some new files
next to some old ones, nor a folder of its own behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lkjip.bangun.galat import gagal_tulis
from lkjip.bangun.sinyal import tahan_ctrl_c
from lkjip.bangun.suntik import titik

AWALAN_SEMENTARA = ".bangun-"
KUNCI = ".kunci"
HIDUP = ".hidup"
UMUR_SISA_TANPA_TANDA = 3600  # seconds


@contextmanager
def folder_sementara(out_dir: Path, judul: str) -> Iterator[Path]:
    """A fresh temporary folder in `out_dir`, locked while the block runs, removed after it;
    the folders that killed builds left there are removed first.

    Ctrl-C is held while the folder is made and locked (a Ctrl-C between the two left an
    unmarked folder that stayed an hour: seen in a batch stopped with Ctrl-C) and while it is
    removed; it is delivered inside the ``try``, so the folder is removed either way."""
    tmp: Path | None = None
    kunci = None
    try:
        with tahan_ctrl_c():
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
                bersihkan_sisa(out_dir)
                tmp = Path(tempfile.mkdtemp(prefix=AWALAN_SEMENTARA, dir=out_dir))
                kunci = _kunci(tmp)  # a full disk may still allow the folder, not the pid
            except OSError as e:
                raise gagal_tulis(judul, out_dir, e) from e
        yield tmp
    finally:
        with tahan_ctrl_c():  # a half-removed folder would wait for the next build
            if tmp is not None:
                _hapus(tmp, kunci)


def _hapus(tmp: Path, kunci) -> None:
    """Remove this build's own folder. ``.hidup`` goes first, while the lock is still held:
    another build's `bersihkan_sisa` then sees a young unmarked folder and leaves it, instead
    of taking the just-released lock (recreating ``.kunci`` in a folder being removed) and
    removing it beside us. The lock is released before the rest (Windows cannot remove an
    open file); a second pass removes what a concurrent look may have recreated."""
    try:
        (tmp / HIDUP).unlink(missing_ok=True)
    except OSError:
        pass
    if kunci is not None:
        kunci.release()
    shutil.rmtree(tmp, ignore_errors=True)
    if tmp.exists():
        shutil.rmtree(tmp, ignore_errors=True)


def _kunci(tmp: Path):
    """Lock `tmp` for this build, then mark it live (``.hidup``, the pid)."""
    from filelock import FileLock

    kunci = FileLock(tmp / KUNCI)
    kunci.acquire(timeout=0)  # a folder just made: nobody else holds it
    try:
        (tmp / HIDUP).write_text(str(os.getpid()), encoding="ascii")
    except BaseException:
        kunci.release()
        raise
    return kunci


def bersihkan_sisa(out_dir) -> list[Path]:
    """Remove the temporary folders that killed builds left in `out_dir`; never a live one
    (a live build holds the lock on its ``.kunci``). Returns the folders removed."""
    dihapus = []
    for sisa in sorted(Path(out_dir).glob(AWALAN_SEMENTARA + "*")):
        if sisa.is_dir() and _ditinggalkan(sisa):
            shutil.rmtree(sisa, ignore_errors=True)
            dihapus.append(sisa)
    return dihapus


def _ditinggalkan(sisa: Path) -> bool:
    """True when no live build owns `sisa`: it was marked live and its lock is free."""
    from filelock import FileLock

    if not (sisa / HIDUP).exists():
        return _umur(sisa) > UMUR_SISA_TANPA_TANDA
    kunci = FileLock(sisa / KUNCI)
    try:
        kunci.acquire(timeout=0)
    except OSError:  # filelock.Timeout is one: a live build holds it
        return False
    kunci.release()
    return True


def _umur(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def pindahkan(berkas: list[tuple[Path, Path]], judul: str) -> None:
    """Move each finished file (from, to) into place with ``os.replace``, in order."""
    dipindah: list[Path] = []
    try:
        for _, ke in berkas:
            ke.parent.mkdir(parents=True, exist_ok=True)
        with tahan_ctrl_c():
            titik("sebelum-ganti")
            for i, (dari, ke) in enumerate(berkas):
                os.replace(dari, ke)
                dipindah.append(ke)
                if i < len(berkas) - 1:
                    titik("di-antara-ganti")
    except OSError as e:
        folder = berkas[len(dipindah)][1].parent
        raise gagal_tulis(judul, folder, e, diganti=dipindah) from e
