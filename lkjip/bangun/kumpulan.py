"""Many builds at once: a process pool or a Dask cluster, stopped cleanly on Ctrl-C or SIGTERM.

`petakan(fungsi, tugas, jobs, scheduler)` calls ``fungsi(t)`` for each task on ``jobs``
processes (or on the cluster) and returns the results in the order of `tugas`; ``fungsi``
must catch its own failures (a batch never stops at one). On Ctrl-C, or SIGTERM (a
scheduler's stop, `timeout`, `kill`: `ingat_ctrl_c`), it stops the workers and raises
`Terputus` with what finished. Each worker pays its imports once and keeps them warm
for all its builds; each build still starts a kernel of its own. On Linux the pool's workers
are forked by the batch's zygote (`KonteksZigot`), elsewhere spawned.

Stopping (`hentikan`): Ctrl-C in a terminal reaches the workers too (one process group), so
each gets KeyboardInterrupt and shuts its build's kernel down. A worker still alive after
a grace period gets SIGINT (POSIX only: Windows cannot send it to one process), later
``terminate()`` (SIGTERM; TerminateProcess on Windows), and last ``kill()`` (SIGKILL). A
worker turns SIGTERM into an exception (`_pekerja_mulai`), so even then its ``finally``
blocks shut the kernel down and remove the temporary folder.
"""

from __future__ import annotations

import gc
import io
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from multiprocessing import forkserver, get_context, popen_forkserver
from multiprocessing.context import SpawnContext, SpawnProcess

from lkjip.galat import LkjipError, Masalah

JEDA_HENTI = (3.0, 30.0, 5.0, 5.0)  # seconds: before SIGINT, before SIGTERM, before SIGKILL, after


# what stopped a batch, as its user is told: Ctrl-C, or SIGTERM
SEBAB_CTRL_C, SEBAB_BERHENTI = "Ctrl-C", "sinyal berhenti"


class Terputus(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped `petakan`. ``hasil[i]`` is task i's result or None (cancelled
    or unknown); ``sebelum[i]`` says whether that result came before the interrupt; ``sebab``
    what stopped it (`SEBAB_CTRL_C`, `SEBAB_BERHENTI`)."""

    def __init__(self, hasil: list, sebelum: list[bool], sebab: str = SEBAB_CTRL_C):
        self.hasil, self.sebelum, self.sebab = hasil, sebelum, sebab
        super().__init__(f"Dibatalkan ({sebab})")


def _sebab(ditekan: list) -> str:
    return SEBAB_BERHENTI if signal.SIGTERM in ditekan else SEBAB_CTRL_C


def petakan(fungsi, tugas: list, jobs: int = 1, scheduler: str | None = None, kemajuan=None
            ) -> list:
    """``[fungsi(t) for t in tugas]`` on `jobs` processes or a Dask cluster; see the module."""
    lapor = kemajuan or (lambda hasil: None)
    if not scheduler and (jobs <= 1 or len(tugas) <= 1):
        hasil: list = []
        ditekan: list = []
        try:
            with ingat_ctrl_c() as ditekan:
                for t in tugas:
                    hasil.append(fungsi(t))
                    lapor(hasil[-1])
                    if ditekan and len(hasil) < len(tugas):
                        raise KeyboardInterrupt
        except KeyboardInterrupt:
            sisa = len(tugas) - len(hasil)
            raise Terputus(hasil + [None] * sisa, [True] * len(hasil) + [False] * sisa,
                           _sebab(ditekan)) from None
        return hasil
    with _pelaksana(jobs, scheduler) as pool:
        futures = [pool.submit(_lalu_rapikan, fungsi, t) for t in tugas]
        sebelum: set = set()
        ditekan = []
        try:
            with ingat_ctrl_c() as ditekan:
                for f in as_completed(futures):
                    lapor(f.result())
                    sebelum.add(f)
                    if ditekan and len(sebelum) < len(futures):
                        raise KeyboardInterrupt
        except KeyboardInterrupt:
            _hentikan_pool(pool, futures)
            raise Terputus([_hasil(f) for f in futures], [f in sebelum for f in futures],
                           _sebab(ditekan)) from None
        return [f.result() for f in futures]


@contextmanager
def ingat_ctrl_c():
    """A list that gets an item when Ctrl-C (SIGINT) arrives, which still raises
    KeyboardInterrupt as before. CPython ignores an exception raised while a finalizer or a
    weakref callback runs ("Exception ignored in ..."): a Ctrl-C landing there was lost and the
    batch built every remaining report (seen in CI: test_interupsi, jobs 1, exit 0). The batch
    looks at the list after each report. Only in the main thread with Python's own handler in
    place (else nothing is changed and the list stays empty).

    SIGTERM (a scheduler's stop, `timeout`, `kill`) takes the same path, where nothing else
    handles it: its default ended this process at once, and a pool's workers, which hold
    their queues' both ends, lived on as orphans, each starting a browser of its own (four
    such processes held ~1,3 GB for 1 h 40 min). Its handler records it and sends this
    process SIGINT (``signal.raise_signal``), so it is held back wherever Ctrl-C is
    (`lkjip.bangun.sinyal.tahan_ctrl_c`): a KeyboardInterrupt raised by SIGTERM itself landed
    inside the making of a kernel's ZeroMQ socket, and the kernel's close then hung the batch
    (jobs 1; `lkjip.bangun.kernel.akhiri_konteks`).

    Nor is KeyboardInterrupt raised inside the import machinery (`_di_impor`): its module
    locks' weakref callback takes the global import lock one line before the ``try`` that
    releases it, so a KeyboardInterrupt landing between them (as CPython checks for signals
    right after the call) left the lock held for good, and was itself swallowed ("Exception
    ignored in ... _get_module_lock.<locals>.cb"); any import in another thread then waits
    forever (the one hang in 115 SIGTERMs at random moments of a jobs-1 batch showed this
    swallowed KeyboardInterrupt in its stderr; reproduced in-process: tests). lkjip
    imports lazily, so a batch imports all along its first report. The Ctrl-C is recorded and
    sent again 10 ms later (`_ulangi_ctrl_c`), until it lands outside."""
    import threading

    ditekan: list = []
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield ditekan
        return

    def tangan(nomor, frame):
        ditekan.append(nomor)
        if _di_impor(frame):
            _ulangi_ctrl_c()
            return
        signal.default_int_handler(nomor, frame)

    def tangan_term(nomor, frame):
        ditekan.append(nomor)
        if _di_impor(frame):  # SIGINT's handler would see this frame, not the one in import
            _ulangi_ctrl_c()
        else:
            signal.raise_signal(signal.SIGINT)  # handled now, or where it is held back, after

    term = signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    signal.signal(signal.SIGINT, tangan)
    if term:
        signal.signal(signal.SIGTERM, tangan_term)
    try:
        yield ditekan
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if term:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _di_impor(frame) -> bool:
    """Whether `frame` runs code of the import machinery (``<frozen importlib._bootstrap>``,
    ``..._bootstrap_external``), not a module's own code being imported."""
    return frame is not None and frame.f_code.co_filename.startswith("<frozen importlib")


def _ulangi_ctrl_c() -> None:
    """Send this process SIGINT again in 10 ms, from a timer thread."""
    import threading

    t = threading.Timer(0.01, os.kill, (os.getpid(), signal.SIGINT))
    t.daemon = True
    t.start()


def _hasil(f):
    if f.cancelled() or not f.done() or f.exception() is not None:
        return None
    return f.result()


def _hentikan_pool(pool, futures) -> None:
    """Cancel what has not started and stop the workers (`hentikan`). A Dask executor only
    has its futures cancelled."""
    for f in futures:
        f.cancel()
    proses = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    hentikan(proses)


def hentikan(proses: list, jeda: tuple[float, float, float, float] = JEDA_HENTI) -> None:
    """Wait for `proses` (``multiprocessing.Process``-like) to end, escalating: after
    ``jeda[0]`` s SIGINT (POSIX), after ``jeda[1]`` s ``terminate()``, after ``jeda[2]`` s
    ``kill()``, then wait ``jeda[3]`` s more."""
    langkah = [(None, jeda[0])]
    if os.name == "posix":
        langkah.append((lambda p: os.kill(p.pid, signal.SIGINT), jeda[1]))
    langkah += [(lambda p: p.terminate(), jeda[2]), (lambda p: p.kill(), jeda[3])]
    hidup = [p for p in proses if p.is_alive()]
    for kirim, tunggu in langkah:
        for p in hidup if kirim is not None else ():
            _kirim(kirim, p)
        akhir = time.monotonic() + tunggu
        while hidup and time.monotonic() < akhir:
            time.sleep(0.05)
            hidup = [p for p in hidup if p.is_alive()]
        if not hidup:
            return


def _kirim(kirim, p) -> None:
    try:
        kirim(p)
    except (ProcessLookupError, ValueError):  # already gone, or already closed
        pass


def _pekerja_mulai() -> None:
    """In each pool worker: SIGTERM raises SystemExit, so ``finally`` blocks still run; malloc
    keeps less (`lkjip.zigot.malloc_hemat`); the zygote its reports' kernels are forked from
    starts (`lkjip.zigot`, Linux)."""
    from lkjip.bangun.kernel import siapkan_pekerja
    from lkjip.zigot import malloc_hemat

    signal.signal(signal.SIGTERM, _akhiri)
    malloc_hemat()
    siapkan_pekerja()


def _lalu_rapikan(fungsi, t):
    """In a worker: ``fungsi(t)``, then its garbage collected and the pages malloc keeps free
    given back (`rapikan`)."""
    try:
        return fungsi(t)
    finally:
        rapikan()


def rapikan() -> None:
    """Collect the garbage, then give the system back the free pages of glibc's malloc heaps
    (``malloc_trim(0)``; Linux, else only the collection). After a report a worker's heaps
    kept ~15 MB of freed pages between live blocks (PSS 130 -> 116 MB after the first
    report, 135 -> 117 after the second), which the next report's kernel phase held on top
    of its own (issue 15)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # no glibc
            pass


def _akhiri(nomor, _frame) -> None:
    raise SystemExit(128 + nomor)


def _hangatkan_matplotlib() -> None:
    """Build matplotlib's font cache once, before the workers start their kernels. Not where
    the batch's zygote runs: it imports matplotlib before it forks the first kernel, so this
    process (which draws nothing) need not hold matplotlib (~18 MB PSS; issue 15)."""
    from matplotlib import font_manager

    font_manager.findfont("DejaVu Sans")


@contextmanager
def _pelaksana(jobs: int, scheduler: str | None):
    """A ``concurrent.futures`` executor: a process pool, or a Dask cluster's. The pool's
    workers print their PDFs with one browser, this process's (`lkjip.peramban.layanan_bersama`;
    closed after the pool), instead of one each, and fork their kernels from one zygote
    (`lkjip.bangun.kernel.zigot_batch`), also this process's, which forks the workers too
    (`KonteksZigot`; spawned without a zygote)."""
    if scheduler:
        with _klien_dask(scheduler) as klien:
            klien.run(_hangatkan_matplotlib)
            with klien.get_executor(pure=False) as pool:
                yield pool
        return
    from lkjip.bangun.kernel import zigot_batch
    from lkjip.peramban import layanan_bersama
    from lkjip.zigot import malloc_hemat

    malloc_hemat()  # this process holds the services' messages (HTML, PDF, DOCX)
    with layanan_bersama(jobs), zigot_batch() as zigot:
        if zigot is None:  # else the zygote builds it, before it forks a kernel
            _hangatkan_matplotlib()
        konteks = KonteksZigot() if zigot is not None and ZIGOT_PYTHON else get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=konteks,
                                 initializer=_pekerja_mulai) as pool:
            yield pool


# KonteksZigot speaks multiprocessing's fork-server protocol with its private parts
# (popen_forkserver.Popen, spawn._main, forkserver._forkserver._inherited_fds, the resource
# tracker's _fd): the same in CPython 3.11, 3.12 and 3.13 (popen_forkserver.py identical,
# checked); a later Python spawns its workers until they are checked again.
ZIGOT_PYTHON = sys.version_info[:2] <= (3, 13)


class ProsesZigot(SpawnProcess):
    """A process of `KonteksZigot`: forked by this process's zygote, else spawned."""

    @staticmethod
    def _Popen(process_obj):
        from lkjip import zigot

        batch = zigot.milik_sini()
        if batch is not None:
            try:
                return _PopenZigot(process_obj, batch)
            except _Ditolak:
                pass
        return SpawnProcess._Popen(process_obj)


class KonteksZigot(SpawnContext):
    """multiprocessing's spawn context, but its processes are forked by the batch's zygote
    (`lkjip.zigot.Zigot.pekerja`, which serves multiprocessing's fork-server requests), so
    the modules it imported for the kernels (pandas, numpy, jupyter_client, ZeroMQ, lkjip's
    views: ~55 MB of a worker's ~85 MB of imports) are pages the workers share with it and
    its kernels instead of copies of their own, and are not imported again (issue 15). A
    process the zygote does not fork (it ended, or refused: another environment) is spawned.
    The workers are the zygote's children, named `lkjip.zigot.NAMA_PEKERJA`, in this
    process's group (Ctrl-C in a terminal reaches them as before); the zygote reaps them and
    writes each one's exit code on its pipe, and is reaped here (`lkjip.zigot.bersama`), so
    their CPU still counts in this process's children."""

    Process = ProsesZigot


class _Ditolak(Exception):
    """The zygote did not fork the worker."""


class _PopenZigot(popen_forkserver.Popen):
    """`multiprocessing.popen_forkserver.Popen` whose fork server is the batch's zygote."""

    def __init__(self, process_obj, zigot):
        self._zigot = zigot
        super().__init__(process_obj)

    def _launch(self, process_obj):
        from multiprocessing import resource_tracker, spawn, util
        from multiprocessing.context import reduction, set_spawning_popen

        data = spawn.get_preparation_data(process_obj._name)
        isi = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(data, isi)
            reduction.dump(process_obj, isi)
        finally:
            set_spawning_popen(None)
        induk_r, anak_w = os.pipe()
        anak_r, induk_w = os.pipe()
        try:
            pid = self._zigot.pekerja([anak_r, anak_w, resource_tracker.getfd(), *self._fds])
        finally:
            os.close(anak_r)
            os.close(anak_w)
        if not pid:
            os.close(induk_r)
            os.close(induk_w)
            raise _Ditolak
        self.sentinel = induk_r
        # as popen_forkserver: a copy of the data pipe's write end is the child's sentinel
        # of this process
        self.finalizer = util.Finalize(self, util.close_fds, (os.dup(induk_w), induk_r))
        with open(induk_w, "wb", closefd=True) as f:
            f.write(isi.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


def _klien_dask(scheduler: str):
    """A ``distributed.Client`` of the scheduler; ``LkjipError`` when Dask or it is missing."""
    try:
        from distributed import Client
    except ImportError:
        pesan = ("--scheduler memerlukan Dask: pasang dengan "
                 "pip install 'lkjip[dask]' (dask[distributed]).")
        raise LkjipError([Masalah("--scheduler", pesan=pesan)]) from None
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as e:
        pesan = f"tidak dapat terhubung ke penjadwal Dask {scheduler}: {e}"
        raise LkjipError([Masalah("--scheduler", pesan=pesan)]) from None
