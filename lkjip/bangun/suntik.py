"""Fault injection: named points of a build where a test raises, pauses or kills the process.

A build calls ``titik("sebelum-ganti")`` and so on at each point listed in `TITIK`. Nothing
happens unless a test set an action for that point with `pada`, in the process that builds
(a test starts that process with code that sets the action, then builds). The action is
looked up when the point is reached, so setting it any time before works; no environment
variable is read. A kill test then knows exactly where the build died, instead of guessing
from a fraction of a measured duration.

>>> sekali = []
>>> with pada("sebelum-ganti", sekali.append):
...     titik("sebelum-ganti")
>>> titik("sebelum-ganti")  # no action any more
>>> sekali
['sebelum-ganti']
>>> with pada("sebelum-gant", print):
...     pass
Traceback (most recent call last):
...
ValueError: titik 'sebelum-gant' tidak dikenal; yang ada: kernel-dimulai, sementara-dibuat, \
sesudah-jalankan, sebelum-ganti, di-antara-ganti, sesudah-ganti
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TITIK = {
    "kernel-dimulai": "the first kernel was started; no folder made, nothing written",
    "sementara-dibuat": "the temporary folder exists and is locked; nothing executed",
    "sesudah-jalankan": "a document's notebook was executed; its files are not written",
    "sebelum-ganti": "every file is complete in the temporary folder; none moved into place",
    "di-antara-ganti": "after each file moved into place but the last",
    "sesudah-ganti": "every file is in place; the temporary folder is not removed yet",
}

_aksi: dict[str, Callable[[str], object]] = {}


def titik(nama: str) -> None:
    """Reach the named point: run the action a test set for it, if any."""
    aksi = _aksi.get(nama)
    if aksi is not None:
        aksi(nama)


def _cek(nama: str) -> None:
    if nama not in TITIK:
        raise ValueError(f"titik {nama!r} tidak dikenal; yang ada: {', '.join(TITIK)}")


@contextmanager
def pada(nama: str, aksi: Callable[[str], object]) -> Iterator[None]:
    """Run ``aksi(nama)`` each time the build reaches point `nama`, inside the block."""
    _cek(nama)
    _aksi[nama] = aksi
    try:
        yield
    finally:
        _aksi.pop(nama, None)


def bunuh(nama: str = "") -> None:
    """Kill this process at once, as a power cut would: no cleanup, no ``finally``.

    SIGKILL where the system has it; elsewhere (Windows) SIGTERM, which is TerminateProcess.
    """
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
