"""Export steps run beside the build process, in a forked child, while it does its own (issue 15).

A kecamatan build writes five files after its notebook ran; the edition's PDF alone is half of
that work. On a machine with a free core, `di_samping` hands that step to a child forked from
the build process, which has the executed notebook and every imported module already (nothing
is pickled or imported again), and the build process writes the others (the Word edition,
the working paper) meanwhile. The results come back over a pipe in the steps' order; the
steps are told to ``kemajuan`` in the same order as without the child, each when its result
is awaited.

When not to: in a batch worker (the batch keeps every core busy already; a child would only
add memory), a daemonic process (it may not have children), a process with other threads
(fork copies only the calling thread), or where fork is unsafe or absent (not Linux).
`paralel_bawaan` decides; ``paralel=False`` runs the same steps in order, in this process.

A failing step raises its exception in the build process (its type kept when it can be
pickled); Ctrl-C in the build process ends the child (the child ignores SIGINT itself: only
the build process reports the interruption).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Langkah = tuple[str, Callable[[], dict]]  # (message for kemajuan, step returning files)
BENANG = "benang"  # di_samping's `paralel` for steps that wait on another process: a thread


def paralel_bawaan() -> bool:
    """Whether this process may run export steps beside itself (see the module docstring)."""
    return (
        sys.platform == "linux"
        and len(os.sched_getaffinity(0)) > 1
        and multiprocessing.parent_process() is None
        and not multiprocessing.current_process().daemon
        and threading.active_count() == 1
    )


def _terkirim(e: BaseException) -> BaseException:
    """`e` if it survives pickling, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(e))
        return e
    except Exception:
        return RuntimeError(f"{type(e).__name__}: {e}")


def _anak(langkah: list[Langkah], kirim) -> None:
    """The child: run each step, send ``(True, files)`` or ``(False, exception)``, stop at one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for _, buat in langkah:
        try:
            pesan = (True, buat())
        except BaseException as e:  # sent to the build process, raised there
            pesan = (False, _terkirim(e))
        try:
            kirim.send(pesan)
        except OSError:  # the build process stopped listening (it failed or was stopped)
            return
        if not pesan[0]:
            return


def _berurutan(langkah: list[Langkah]) -> Callable:
    def tunggu(lapor: Callable[[str], object]) -> dict:
        hasil = {}
        for pesan, buat in langkah:
            lapor(pesan)
            hasil.update(buat())
        return hasil

    return tunggu


def _penunggu(langkah: list[Langkah], ambil: Callable[[str], tuple]) -> Callable:
    """``tunggu(lapor)``: tells each step's message to ``lapor``, then takes its result
    ``(ok, files or exception)`` from ``ambil(message)``; raises a failed step's exception."""
    def tunggu(lapor: Callable[[str], object]) -> dict:
        hasil = {}
        for pesan, _ in langkah:
            lapor(pesan)
            ok, isi = ambil(pesan)
            if not ok:
                raise isi
            hasil.update(isi)
        return hasil

    return tunggu


@contextmanager
def _di_benang(langkah: list[Langkah]) -> Iterator[Callable]:
    """The steps in a thread of this process: for steps that mostly wait on another process
    (Chromium prints the PDF in its own), so nothing needs forking or copying. A failing step
    raises in ``tunggu``; the thread is joined when the block is left."""
    antre: queue.Queue = queue.Queue()

    def jalan() -> None:
        for _, buat in langkah:
            try:
                antre.put((True, buat()))
            except BaseException as e:  # raised in tunggu
                antre.put((False, e))
                return

    benang = threading.Thread(target=jalan, name="lkjip-ekspor-samping", daemon=True)
    benang.start()

    try:
        yield _penunggu(langkah, lambda pesan: antre.get())
    finally:
        benang.join()


@contextmanager
def di_samping(langkah: list[Langkah], paralel: bool | str) -> Iterator[Callable]:
    """``with di_samping(langkah, paralel) as tunggu: <own work>; files = tunggu(lapor)``.

    With ``paralel`` the steps start in a forked child on entering the block (with
    ``paralel=BENANG``, in a thread of this process instead: `_di_benang`); ``tunggu``
    tells each step's message to ``lapor`` and waits for its files, in order. Without, the
    steps run inside ``tunggu``, in this process. The child is gone when the block is left.

    >>> with di_samping([("satu", lambda: {"a": b"1"}), ("dua", lambda: {"b": b"2"})],
    ...                 paralel=False) as tunggu:
    ...     tunggu(print)
    satu
    dua
    {'a': b'1', 'b': b'2'}
    """
    if not paralel or not langkah:
        yield _berurutan(langkah)
        return
    if paralel == BENANG:
        with _di_benang(langkah) as tunggu:
            yield tunggu
        return
    konteks = multiprocessing.get_context("fork")
    terima, kirim = konteks.Pipe(duplex=False)
    anak = konteks.Process(target=_anak, args=(langkah, kirim), daemon=True,
                           name="lkjip-ekspor-samping")
    anak.start()
    kirim.close()

    def ambil(pesan: str) -> tuple[bool, object]:
        try:
            return terima.recv()
        except EOFError:
            raise RuntimeError(f"proses ekspor di samping berhenti ({pesan}) tanpa "
                               f"hasil, kode keluar {anak.exitcode}") from None

    try:
        yield _penunggu(langkah, ambil)
    except BaseException:
        anak.kill()
        raise
    finally:
        terima.close()
        anak.join(timeout=10)
        if anak.is_alive():
            anak.kill()
            anak.join()
