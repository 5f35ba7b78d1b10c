"""A batch worker's kernels forked from a pre-imported template process, the zygote (issue 15).

A report's kernel used to cost ~1,3 CPU-s before it ran a cell of the report: starting
``python -m ipykernel_launcher`` and importing ipykernel, pandas, matplotlib and lkjip. A batch
(`bersama`, `aktifkan`; Linux only) starts one zygote:
``python -c AWAL``, which imports those modules (`MODUL`) and then waits on a Unix
socket. It never creates a ZeroMQ context, a kernel or a thread, and never runs report code.
For each report it forks a child that becomes that report's kernel: a new process that no
other report used (isolation, as `lkjip.bangun.kernel` requires), as fresh as a new one minus
the imports. The child, before it runs ipykernel: starts a session of its own (``setsid``),
takes the launcher's stdin/stdout/stderr, moves to the report's folder, takes the environment
jupyter_client gave the kernel, resets the signal handlers, reseeds numpy's global random
generator (Python's ``random`` reseeds itself on fork), then does what
``python -m ipykernel_launcher -f <connection file>`` does.

jupyter_client's machinery stays as it is: the kernel spec's argv becomes a tiny launcher
(`PELUNCUR`, ``python -S -c``: standard library only, ~20 ms) that sends the zygote its fds,
arguments, folder and environment, gets the kernel's pid (as a pidfd), forwards SIGINT,
SIGTERM and SIGHUP to it, and exits with the kernel's status. The kernel manager signals,
shuts down and kills the launcher as it would the kernel (`kernel.kirim_sinyal`). The kernel
dies with its launcher even when the launcher is killed with SIGKILL (a thread of the kernel
waits on the launcher's pidfd) and with the zygote (``PR_SET_PDEATHSIG``); the zygote dies
with its worker (``PR_SET_PDEATHSIG`` again) and reaps its children.

Falls back to a normal kernel, silently: the launcher execs ``python -m ipykernel_launcher``
itself (same pid, same arguments) when the zygote cannot be reached, refuses, or ends before
it forked. The zygote refuses when the kernel's environment differs from the one it imported
under (beyond ``MPLBACKEND``, which ipykernel sets for the kernel anyway): modules read the
environment when imported. A worker whose zygote has ended uses the normal kernel spec.
``LKJIP_ZIGOT=0`` turns the zygote off. A single ``lkjip build`` does not use it (it would
pay the imports anyway), nor does the Dask path. A batch starts ONE zygote in the batch
process for all its pool workers (`bersama`; each worker finds it in its environment,
`ZigotBatch`), so its ~90 MB are paid once a batch, not once a worker (issue 15).

A batch's zygote also forks the batch's pool workers (`Zigot.pekerja`, asked by
`lkjip.bangun.kumpulan.KonteksZigot`): it answers multiprocessing's fork-server request (the
worker's pipes, the resource tracker's fd, the pickled pipes' fds) as
``multiprocessing.forkserver`` does, writing the worker's pid and, once reaped, its exit code
on the worker's status pipe. A worker needs most of what the zygote imported for the kernels
(pandas, numpy, jupyter_client, ZeroMQ, lkjip's views: ~55 of the ~85 MB of its imports):
forked, those are pages it shares with the zygote and the kernels until it writes them (a
worker kept ~55 MB shared through a batch of 4), and it does not import them again (issue
15). The child becomes a worker as a spawned one would be: the batch's stdin, stdout,
stderr and environment, Ctrl-C and the other signals as in a new process, pandas' column
limit of a process outside a kernel (``display.max_columns`` 0, see `AWAL`), named
`NAMA_PEKERJA` (``ps``, `make bench`'s accounting). It refuses when the environment differs
as for a kernel (the batch then spawns the worker). So that a terminal's Ctrl-C reaches
these workers, the batch's zygote stays in the batch's process group (it ignores SIGINT; its
kernels make sessions of their own).

A batch's kernels share the chart text layouts they make (`_tata_bersama`): each writes its
own to a folder `Zigot` makes and removes, and the zygote reads them before each fork, so the
next kernels inherit them.

Shared with the zygote, unlike a new process: the str hash seed (``PYTHONHASHSEED`` random
per zygote, not per kernel; no report output depends on set order of strings) and the
allocator's layout of the imported modules (copy-on-write pages, so less memory per kernel).
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import json
import os
import secrets
import select
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager

from lkjip import lingkungan

# What the zygote imports: ipykernel's kernel app, the debugger support every ipykernel
# kernel imports when it starts (debugpy and pydevd, ~7 MB and ~0,1 CPU-s a kernel), and what
# every report's cells import (the chart savers' backends and lkjip's views among them).
# Imported here, not in each kernel, they cost memory once (the kernels share the zygote's
# pages) and no time per report (issue 15). Not matplotlib_inline.backend_inline: imported
# where IPython runs, it registers the shell's hooks, which it cannot do in the zygote. The
# last eight: what bantarbolang 2023's cells still imported in every kernel (sys.modules
# before and after them), PIL's plugins among them (a process's first PNG imports them).
MODUL = ("ipykernel.kernelapp", "ipykernel.debugger", "IPython.core.debugger",
         "IPython.core.completerlib", "IPython.display", "psutil", "pandas", "numpy.random",
         "pandas.io.formats.string", "matplotlib.figure", "matplotlib.backends.backend_agg",
         "matplotlib.backends.backend_svg",
         "lkjip", "lkjip.tampil", "lkjip.grafik", "lkjip.narasi", "lkjip.susun", "lkjip.tabel",
         "lkjip.konteks", "lkjip.kertas", "lkjip.pembanding", "lkjip.tembolok",
         "lkjip.tampil_narasi", "lkjip.tampil_jejak", "lkjip.pendukung", "lkjip.bingkai",
         "lkjip.gaya", "lkjip.tetap", "pandas.core.methods.to_dict",
         "pandas.core.reshape.reshape", "PIL.BmpImagePlugin", "PIL.GifImagePlugin",
         "PIL.JpegImagePlugin", "PIL.PpmImagePlugin")
# Read by C libraries (getenv) when loaded: a kernel whose value differs is not forked.
PRAFIKS_C = ("OPENBLAS", "GOTO", "OMP_", "MKL_", "BLIS", "NUMEXPR", "LC_", "LANG", "TZ",
             "MALLOC", "PYTHON", "LD_")
MPL_INLINE = ("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel sets it
# The zygote's program (``python -c AWAL TANDA <fd> <worker pid> <spec argv>``), before lkjip
# (which imports pandas) is imported: the working folder off sys.path, as ipykernel_launcher
# does, and ``get_ipython()`` giving what it gives inside a Jupyter kernel as far as an import
# asks, a shell with a ``kernel``. pandas asks when imported (``config_init.is_terminal``) and
# then shows at most 20 columns of a frame's text repr, against 0 (fit the terminal) outside
# one; no other module the zygote imports calls it then (checked with a spy).
AWAL = ("import builtins, sys\n"
        "if sys.path and sys.path[0] == '':\n    del sys.path[0]\n"
        "builtins.get_ipython = type('DiKernel', (), {'kernel': None})\n"
        "from lkjip.zigot import main\n"
        "main(int(sys.argv[2]), int(sys.argv[3]), __import__('json').loads(sys.argv[4]))\n")
TANDA = "ipykernel-zigot"  # in the zygote's command line: its forks are kernels
JPY_INDUK = "JPY_PARENT_PID"  # set by jupyter_client for a kernel: its manager's pid

# The launcher, run as ``python -S -c PELUNCUR <socket> <the kernel spec's argv>``; stdlib
# only. Falls back to exec'ing that argv: the normal kernel, in the launcher's process.
PELUNCUR = r"""
import json, os, select, signal, socket, sys
def biasa():
    os.execv(sys.argv[2], sys.argv[2:])
try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.connect("\0" + sys.argv[1])
    diri = os.pidfd_open(os.getpid())
    minta = {"argv": sys.argv[2:], "cwd": os.getcwd(), "env": dict(os.environ)}
    socket.send_fds(s, [json.dumps(minta).encode()], [0, 1, 2, diri])
    os.close(diri)
    data, fds, _, _ = socket.recv_fds(s, 4096, 1)
    if not json.loads(data)["pid"] or len(fds) != 1:
        raise OSError("ditolak")
except Exception:
    biasa()
pfd = fds[0]
def teruskan(nomor, _):
    try:
        signal.pidfd_send_signal(pfd, nomor)
    except OSError:
        pass
for nomor in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(nomor, teruskan)
data = s.recv(4096)
if not data:
    select.select([pfd], [], [])
    sys.exit(1)
kode = os.waitstatus_to_exitcode(json.loads(data)["status"])
if kode < 0:
    signal.signal(-kode, signal.SIG_DFL)
    os.kill(os.getpid(), -kode)
sys.exit(kode)
"""

_AKTIF: dict[int, Zigot | ZigotBatch] = {}  # this process's zygote (a forked child has none)
# The batch's zygote (`bersama`), for the pool workers: JSON [socket name, pid, spec argv].
ENV_BERSAMA = "LKJIP_ZIGOT_BERSAMA"
# In the zygote's environment (taken out of it first thing): the folder where its kernels
# leave the chart text layouts they made, for the kernels forked after them (`_tata_bersama`)
ENV_TATA = "LKJIP_ZIGOT_TATA"
AWALAN_TATA = "lkjip-tata-"  # that folder's name: this, the pid of the process that made it, -
EKOR = ["-m", "ipykernel_launcher", "-f", "{connection_file}"]  # a spec the zygote can serve
# ipykernel options of every report's kernel, forked here or started by `lkjip.bangun.kernel`:
# no IPython history database. A kernel otherwise writes every cell to
# ~/.ipython/profile_default/history.sqlite from a thread (~0,1 CPU-s and ~7 ms a cell of wall
# per report's kernel, measured; the file grew by every build, 50 MB here, one file that all a
# batch's kernels lock in turn); no report reads its history.
ARGUMEN_KERNEL = ("--HistoryManager.enabled=False",)
PEKERJA = "pekerja"  # a request for a batch's pool worker (`minta_pekerja`), not a kernel
NAMA_PEKERJA = "lkjip-pekerja"  # such a worker's process name (``ps``, psutil's name())
BATAS_PEKERJA = 120  # seconds a worker's request may wait (the zygote imports first, ~2 s)
MAKS_FD = 64  # fds a request may carry (a worker's: 6 + the pipes its pickled arguments hold)


def mungkin() -> bool:
    """Whether this system and setting allow a zygote (Linux with pidfds, not turned off)."""
    return (sys.platform == "linux" and hasattr(os, "pidfd_open")
            and hasattr(signal, "pidfd_send_signal")
            and os.environ.get("LKJIP_ZIGOT", "1") != "0")


class Zigot:
    """The zygote process of this worker, for kernels of spec argv `argv` (``[python,
    *options, *EKOR]``): it runs the same python with the same options; in a session of its
    own unless `sesi_sendiri` is false (a batch's, `bersama`)."""

    def __init__(self, argv: list[str], sesi_sendiri: bool = True):
        self.argv = list(argv)
        self.alamat = f"lkjip-zigot-{os.getpid()}-{secrets.token_hex(8)}"  # abstract socket
        env = dict(os.environ, **{JPY_INDUK: str(os.getpid())})  # as jupyter_client sets it
        env.setdefault(*MPL_INLINE)
        # the kernels' shared chart text layouts (`_tata_bersama`): made here, removed by
        # `tutup` (the zygote is killed, it cannot remove it) or, when this process was killed
        # first, by the next one (`_sapu_tata`); none when it cannot be made
        try:
            _sapu_tata(tempfile.gettempdir())
            self.tata: str | None = tempfile.mkdtemp(prefix=f"{AWALAN_TATA}{os.getpid()}-")
            env[ENV_TATA] = self.tata
        except OSError:
            self.tata = None
        # Listening before the zygote starts: launchers wait in the backlog while it imports.
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as srv:
                srv.bind("\0" + self.alamat)
                srv.listen(64)
                self.proses = subprocess.Popen(
                    [*argv[:-len(EKOR)], "-c", AWAL, TANDA, str(srv.fileno()),
                     str(os.getpid()), json.dumps(argv)],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, env=env, start_new_session=sesi_sendiri,
                    pass_fds=(srv.fileno(),))
        except BaseException:
            self._hapus_tata()
            raise

    def hidup(self) -> bool:
        return self.proses.poll() is None

    def spec(self, asli):
        """A copy of kernel spec `asli` whose argv launches the kernel through this zygote."""
        from jupyter_client.kernelspec import KernelSpec

        baru = KernelSpec(**asli.to_dict())
        baru.resource_dir = asli.resource_dir
        baru.argv = [asli.argv[0], "-S", "-c", PELUNCUR, self.alamat, *asli.argv]
        return baru

    def tutup(self) -> None:
        if self.hidup():
            self.proses.kill()
        self.proses.wait()
        self._hapus_tata()

    def _hapus_tata(self) -> None:
        """Remove the shared layouts' folder (after the zygote ended: its kernels may write
        there until they are killed; a kernel forked from it writes no more after the batch)."""
        if self.tata is not None:
            shutil.rmtree(self.tata, ignore_errors=True)
            self.tata = None

    def pekerja(self, fds: list[int]) -> int:
        """Have the zygote fork a pool worker (`lkjip.bangun.kumpulan`) with this process's
        stdin, stdout, stderr and environment and `fds` (multiprocessing's fork-server
        request: the worker's pipe ends, the resource tracker's fd, the pickled pipes' fds);
        its pid, or 0 when the zygote refused or could not be reached."""
        if not self.hidup() or len(fds) + 3 > MAKS_FD:
            return 0
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as s:
                s.settimeout(BATAS_PEKERJA)
                s.connect("\0" + self.alamat)
                minta = {"jenis": PEKERJA, "env": dict(os.environ)}
                socket.send_fds(s, [json.dumps(minta).encode()], [0, 1, 2, *fds])
                return int(json.loads(s.recv(4096) or b"{}").get("pid") or 0)
        except (OSError, ValueError):
            return 0


def _sapu_tata(folder: str) -> None:
    """Remove from `folder` the shared layouts' folders (`Zigot`) whose maker has ended without
    removing its own (killed: ``tutup`` did not run). A folder whose maker still runs, or may
    (another user's process), is left."""
    try:
        nama = [n for n in os.listdir(folder) if n.startswith(AWALAN_TATA)]
    except OSError:
        return
    for n in nama:
        try:
            pid = int(n[len(AWALAN_TATA):].split("-", 1)[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(folder, n), ignore_errors=True)
        except (ValueError, OSError):  # not such a name, or a process of another user
            pass


class ZigotBatch:
    """In a pool worker: the zygote of the batch process that spawned it (`bersama`), shared
    by all its workers; the batch process stops it."""

    def __init__(self, alamat: str, pid: int, argv: list[str]):
        self.alamat, self.pid, self.argv = alamat, pid, list(argv)

    def hidup(self) -> bool:
        try:
            os.kill(self.pid, 0)  # not reaped before the batch ends: the pid is still its
        except OSError:
            return False
        return True

    spec = Zigot.spec

    def tutup(self) -> None:
        pass


def _dari_batch() -> ZigotBatch | None:
    """The batch's zygote named in this process's environment, if another process's."""
    try:
        alamat, pid, argv = json.loads(os.environ.get(ENV_BERSAMA) or "null") or (0, 0, 0)
    except (ValueError, TypeError):
        return None
    if not alamat or not alamat.startswith("lkjip-zigot-") or \
            alamat.startswith(f"lkjip-zigot-{os.getpid()}-"):
        return None
    return ZigotBatch(alamat, int(pid), argv)


def aktifkan(kernel_name: str, sesi_sendiri: bool = True) -> Zigot | ZigotBatch | None:
    """This process's zygote for kernels of `kernel_name` if the system and the spec allow
    one (see `mungkin`; a spec that runs ``-m ipykernel_launcher -f {connection_file}``):
    the batch's (`bersama`) in a pool worker, else one started now (`Zigot`, `sesi_sendiri`);
    idempotent. Call it after setting the environment kernels get."""
    if not mungkin():
        return None
    if os.getpid() not in _AKTIF and (batch := _dari_batch()) is not None:
        _AKTIF[os.getpid()] = batch
    if os.getpid() not in _AKTIF:
        from jupyter_client.kernelspec import KernelSpecManager

        try:
            argv = (pencari_spek(kernel_name) or KernelSpecManager()
                    ).get_kernel_spec(kernel_name).argv
            if argv[-len(EKOR):] != EKOR:
                return None
            zigot = _AKTIF[os.getpid()] = Zigot(argv, sesi_sendiri)
        except Exception:  # no such spec, or it would not start: normal kernels then
            return None
        _tutup_saat_keluar(zigot)
    return _AKTIF[os.getpid()]


def pencari_spek(kernel_name: str):
    """A kernel spec manager that finds `kernel_name` in Jupyter's own kernel folders
    (``jupyter_path("kernels")``), or None (then use jupyter_client's default one).

    The default searches those folders first, then IPython's legacy ``<ipython dir>/kernels``,
    whose path it takes from IPython: importing IPython (~0,05-0,1 s, ~3 MB) in a build or
    batch process, its only use there (issue 15). When those folders have the spec (as ``make
    setup`` and ``pip install`` put it), both find the same."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_core.paths import jupyter_path

    pencari = KernelSpecManager(kernel_dirs=jupyter_path("kernels"), ensure_native_kernel=False)
    return pencari if kernel_name.lower() in pencari.find_kernel_specs() else None


def _tutup_saat_keluar(zigot: Zigot) -> None:
    """Stop and reap `zigot` when this process exits (atexit; a pool worker skips atexit and
    runs multiprocessing's finalizers instead). Reaped by its worker, the zygote's CPU time
    and that of every kernel it reaped count in the worker's children (``getrusage``), and
    so in the batch's: left to die with its worker (``PR_SET_PDEATHSIG``), an orphan would be
    reaped by init, and a batch's core-seconds (`make bench`) would miss its kernels."""
    import atexit
    from multiprocessing import util

    util.Finalize(zigot, zigot.tutup, exitpriority=50)
    atexit.register(zigot.tutup)


def milik_sini() -> Zigot | None:
    """The zygote this process started (a batch's, `bersama`), if it still runs."""
    zigot = _AKTIF.get(os.getpid())
    return zigot if isinstance(zigot, Zigot) and zigot.hidup() else None


def matikan() -> None:
    """Stop this process's zygote, if any."""
    zigot = _AKTIF.pop(os.getpid(), None)
    if zigot is not None:
        zigot.tutup()


@contextmanager
def bersama(kernel_name: str):
    """In a batch process, around its pool: ONE zygote for all its workers, started here
    (`aktifkan`, in this process's group: it forks the workers too, see the module) and named
    in the environment the workers inherit (`ENV_BERSAMA`), so that every worker forks its
    kernels from it (each zygote is ~100 MB of memory; issue 15); stopped and reaped here
    when the block ends, so the CPU of every kernel and worker it forked and reaped counts in
    this process's children. Call it after setting the environment kernels get."""
    zigot = aktifkan(kernel_name, sesi_sendiri=False)
    if not isinstance(zigot, Zigot):
        yield None
        return
    try:
        with lingkungan.variabel(ENV_BERSAMA, json.dumps([zigot.alamat, zigot.proses.pid,
                                                          zigot.argv])):
            yield zigot
    finally:
        matikan()


def pasang(km) -> bool:
    """Make kernel manager `km` start its kernel through this process's zygote, when one runs
    and `km`'s spec has the argv it serves; returns whether it did."""
    zigot = _AKTIF.get(os.getpid())
    if zigot is None or not mungkin() or not zigot.hidup():
        return False
    asli = km.kernel_spec
    if asli is None or asli.argv != zigot.argv:
        return False
    km._kernel_spec = zigot.spec(asli)
    return True


# ---------------------------------------------------------------- in the zygote


def malloc_hemat() -> None:
    """glibc's malloc in a batch process (Linux; elsewhere nothing): at most two arenas, and
    every block from 128 KiB up mapped on its own and given back when freed. A worker's
    threads (the export's, the print's, the kernel client's) each got an arena of their own,
    and the dynamic mmap threshold rose to the largest block freed (a report's HTML, its
    notebook's JSON), so freed megabytes stayed in the heaps between reports: ~50 MB PSS of
    a worker after four reports (220 -> 170 MB), at no CPU cost measured (issue 15). Set in
    the zygote too, before its imports, for the kernels and workers it forks (they inherit
    it): a kernel's threads (ipykernel's) and its charts' large blocks did the same, ~5 MB of
    its anonymous memory (the median kernel's peak 81-84 -> 77-78 MB over 3 alternated
    batches of 4 each way; CPU per report 12,22 -> 11,83, median, within the noise)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(-8, 2)  # M_ARENA_MAX
        libc.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD (fixed: no longer rises)
    except (OSError, AttributeError):  # no glibc (musl has mallopt as a no-op)
        pass


def _prctl_mati(induk: int) -> None:
    """Be killed when the parent's thread that started this process ends; exit now if the
    parent `induk` is already gone."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != induk:
        os._exit(1)


def _beda_env(env: dict[str, str], dibaca: set[str]) -> list[str]:
    """The names read while importing (`dibaca`, or read by C libraries: `PRAFIKS_C`) whose
    value in `env` differs from this process's; MPLBACKEND may be absent from `env`.

    >>> os.environ["LKJIP_CONTOH"] = "1"
    >>> _beda_env(dict(os.environ, LKJIP_CONTOH="2", LAIN="3"), {"LKJIP_CONTOH"})
    ['LKJIP_CONTOH']
    >>> _beda_env(dict(os.environ, LAIN="3", OMP_LKJIP_CONTOH="1"), set())
    ['OMP_LKJIP_CONTOH']
    >>> del os.environ["LKJIP_CONTOH"]
    """
    kini = dict(os.environ)
    if MPL_INLINE[0] not in env:
        kini.pop(MPL_INLINE[0], None)
    return sorted(k for k in set(kini) | set(env) if kini.get(k) != env.get(k)
                  and (k in dibaca or k.startswith(PRAFIKS_C)))


def _impor(modul: tuple[str, ...]) -> tuple[set[str], dict[str, str]]:
    """Import `modul` (as inside a kernel: see `AWAL`); return the environment variables
    Python code read meanwhile, and those it set (debugpy sets ``PYDEVD_USE_FRAME_EVAL``),
    with their values. The environment is then as before: what a launcher sends is compared
    with the one the modules were imported under (`_beda_env`), and each kernel sets again
    what the imports set (`_jadi_kernel`), as they would have in a kernel of its own."""
    import builtins

    awal = dict(os.environ)
    dibaca: set[str] = set()
    kelas = type(os.environ)
    asli = kelas.__getitem__

    def baca(self, nama):
        dibaca.add(nama)
        return asli(self, nama)

    kelas.__getitem__ = baca  # .get, `in` and os.getenv go through it
    try:
        for nama in modul:
            importlib.import_module(nama)
    finally:
        kelas.__getitem__ = asli
        builtins.__dict__.pop("get_ipython", None)  # IPython's shell sets its own in a kernel
    diset = {k: v for k, v in os.environ.items() if awal.get(k) != v}
    os.environ.clear()
    os.environ.update(awal)
    return {k for k in dibaca if isinstance(k, str)}, diset  # (os.environb's are bytes)


def _panaskan() -> None:
    """In the zygote, after its imports: the lkjip code's fingerprint
    (`lkjip.tembolok.sidik_kode`: a hash of every file of the package and a look-up of
    pandera's version, ~20-40 ms), which every kernel forked from it computed again at its
    first `lkjip.konteks` call; the kernels run the code the zygote loaded, which is what it
    hashes (issue 15). Forked kernels' konteks of bantarbolang 2023, alternated, medians of 5:
    0,332/0,312/0,346 -> 0,292/0,289/0,285 CPU-s (/tmp/kernel4/forkwarm.py, load ~2).

    Not warmed: matplotlib's fonts. A tiny chart drawn here loads them, but matplotlib empties
    its cache of loaded fonts in every forked child (``os.register_at_fork``: FreeType's
    objects are not shared across a fork), and the report's first charts cost the same
    after it (0,495/0,484/0,586 -> 0,495/0,487/0,467 CPU-s, same runs). A failure here is
    left to the kernel, which hashes the code itself when it first needs it."""
    try:
        importlib.import_module("lkjip.tembolok").sidik_kode()
    except Exception:
        pass


def _tata_bersama(folder: str | None, kernel: bool = False) -> None:
    """A batch's chart text layouts shared between its kernels (`lkjip.simpan_grafik`'s
    `muat_tata` and `bagikan_tata`; issue 15). A kernel used to lay out each of its charts'
    texts anew (~740-920 layouts a real report), though after other kecamatan's reports only
    ~95-300 of them are new (14 real reports: kernels' CPU 31,19 -> 29,96 s). Each kernel
    writes the layouts it makes to `folder` (made by `Zigot`, removed when it stops); the
    zygote, before forking a kernel, adds those written since its last fork to its own cache
    (`kernel` false), which the kernel inherits (`kernel` true: it starts writing its own).
    Each layout written is read once by the zygote, however many kernels follow, and the
    zygote's cache is bounded. simpan_grafik (a layer above this module, not imported here)
    is looked up in sys.modules: only a zygote that imported it (`MODUL`) shares. The
    zygote's new objects are frozen as its imports are (`main`), so that the kernels'
    collections skip them. Nothing happens without a folder, and a failure here is left
    alone: the kernel lays its texts out itself."""
    modul = sys.modules.get("lkjip.simpan_grafik")
    if folder is None or modul is None:
        return
    try:
        if kernel:
            modul.bagikan_tata(folder)
        elif modul.muat_tata(folder):
            gc.freeze()
    except Exception:
        pass


def _pengawas(pfd_peluncur: int) -> None:
    """In the kernel: a thread that kills this process when its launcher ends."""
    def tunggu() -> None:
        select.select([pfd_peluncur], [], [])
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=tunggu, name="lkjip-zigot-peluncur", daemon=True).start()


def _lepas(pilih: selectors.BaseSelector) -> None:
    """In the forked child: close the zygote's socket, its launchers' and its kernels' fds,
    its workers' status pipes."""
    for kunci in list(pilih.get_map().values()):
        if kunci.data is not None:
            os.close(kunci.fd)
            if isinstance(kunci.data[1], int):
                os.close(kunci.data[1])
            else:
                kunci.data[1].close()
        else:
            kunci.fileobj.close()
    pilih.close()


def _anak(langkah) -> None:
    """In a forked child: run `langkah()` and exit with the code it returns (1 when it raises
    anything but SystemExit, after printing the traceback), its output flushed; never
    returns to the zygote's loop."""
    kode = 1
    try:
        kode = langkah()
    except SystemExit as e:
        kode = e.code if isinstance(e.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        for arus in (sys.stdout, sys.stderr):
            try:
                arus.flush()
            except Exception:
                pass
        os._exit(kode)


def _seperti_baru(fds: list[int], env: dict[str, str]) -> None:
    """In a forked child: the requester's stdin, stdout and stderr (``fds[:3]``, closed after)
    and environment `env`, the signals as in a new process, numpy's global generator
    reseeded (Python's ``random`` reseeds itself on fork)."""
    for i in range(3):
        os.dup2(fds[i], i)
        os.close(fds[i])
    os.environ.clear()
    os.environ.update(env)
    for nomor in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(nomor, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    importlib.import_module("numpy.random").seed()


def _jadi_kernel(minta: dict, fds: list[int], zigot: int, pilih, conn, diset: dict[str, str],
                 tata: str | None = None) -> None:
    """In the forked child: become the report's kernel (see the module docstring), sharing its
    chart text layouts through folder `tata` (`_tata_bersama`); never returns."""
    def langkah() -> int:
        _prctl_mati(zigot)
        conn.close()
        _lepas(pilih)
        os.setsid()
        os.chdir(minta["cwd"])
        _seperti_baru(fds, dict(minta["env"], **diset))
        _tata_bersama(tata, kernel=True)
        _pengawas(fds[3])
        from ipykernel import kernelapp

        sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *minta["argv"][-2:],
                    *ARGUMEN_KERNEL]
        # parent_handle's default was read when ipykernel was imported (see `main`): the value
        # this kernel's manager gave instead
        kernelapp.launch_new_instance(parent_handle=int(os.environ.get(JPY_INDUK) or 0))
        return 0

    _anak(langkah)


def _jadi_pekerja(minta: dict, fds: list[int], pilih, conn) -> None:
    """In the forked child: become a batch's pool worker, as multiprocessing's fork server
    makes one (`multiprocessing.forkserver._serve_one`): with the batch's stdin, stdout and
    stderr and environment, Ctrl-C and the other signals as in a new process, pandas' text
    display as outside a kernel (see `AWAL`), then the worker that ``fds`` carry (the
    spawn pipe, the batch's resource tracker, the pickled pipes' fds); never returns."""
    def langkah() -> int:
        conn.close()
        _lepas(pilih)
        # the status pipe's write end (``fds[4]``) stays open here too: should the zygote end
        # first, the batch sees this worker end only when it does (as a spawned one)
        anak_r, _, pelacak, *warisan = fds[3:]
        _seperti_baru(fds, minta["env"])
        # pandas took its default for a kernel when the zygote imported it (`AWAL`): 20; a
        # process outside a kernel has 0 (fit the terminal)
        importlib.import_module("pandas").set_option("display.max_columns", 0)
        import ctypes

        ctypes.CDLL(None).prctl(15, NAMA_PEKERJA.encode())  # 15: PR_SET_NAME (`ps`, psutil)
        from multiprocessing import forkserver, resource_tracker, spawn

        resource_tracker._resource_tracker._fd = pelacak
        forkserver._forkserver._inherited_fds = warisan
        try:
            return spawn._main(anak_r, os.dup(anak_r))
        except EOFError:  # the batch gave up waiting for this worker (`Zigot.pekerja`)
            return 1

    _anak(langkah)


def _layani_pekerja(minta: dict, fds: list[int], pilih, conn, dibaca: set[str]) -> None:
    """Fork the pool worker `minta` asks for (`minta_pekerja`): its pid written on its status
    pipe (``fds[4]``, kept to write its exit code when reaped, `_tuai`) and sent on `conn`."""
    if len(fds) < 6 or _beda_env(minta["env"], dibaca):
        raise OSError("lingkungan berbeda")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _jadi_pekerja(minta, fds, pilih, conn)
    from multiprocessing.forkserver import write_signed

    status = os.dup(fds[4])
    pilih.register(os.pidfd_open(pid), selectors.EVENT_READ, (pid, status))
    try:
        write_signed(status, pid)
        conn.send(json.dumps({"pid": pid}).encode())
    except OSError:  # the batch is gone: the worker finds its pipe closed and ends
        pass
    conn.close()


def _layani(srv: socket.socket, pilih: selectors.BaseSelector, argv: list[str],
            dibaca: set[str], diset: dict[str, str], tata: str | None = None) -> None:
    """Answer one launcher: fork its kernel and send its pid, or refuse (pid 0); or fork a
    pool worker (`minta_pekerja`). Before a kernel's fork, the chart text layouts the
    kernels forked before wrote to folder `tata` are read (`_tata_bersama`)."""
    conn, _ = srv.accept()
    fds: list[int] = []
    try:
        conn.settimeout(10)
        kred = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
        if int.from_bytes(kred[4:8], sys.byteorder) != os.getuid():
            raise OSError("pengguna lain")
        data, fds, _, _ = socket.recv_fds(conn, 1 << 20, MAKS_FD)
        minta = json.loads(data)
        if minta.get("jenis") == PEKERJA:
            _layani_pekerja(minta, fds, pilih, conn, dibaca)
            return
        if len(fds) != 4 or minta["argv"][:-1] != argv[:-1] or _beda_env(minta["env"], dibaca):
            raise OSError("lingkungan berbeda")
        _tata_bersama(tata)
        sys.stdout.flush()
        sys.stderr.flush()
        zigot = os.getpid()
        pid = os.fork()
        if pid == 0:
            _jadi_kernel(minta, fds, zigot, pilih, conn, diset, tata)
        pfd = os.pidfd_open(pid)
        pilih.register(pfd, selectors.EVENT_READ, (pid, conn))
        socket.send_fds(conn, [json.dumps({"pid": pid}).encode()], [pfd])
    except (OSError, ValueError, KeyError):
        try:
            conn.send(json.dumps({"pid": 0}).encode())
        except OSError:
            pass
        conn.close()
    finally:
        for fd in fds:
            os.close(fd)


def _tuai(pfd: int, pid: int, conn: socket.socket | int, pilih: selectors.BaseSelector
          ) -> None:
    """A kernel ended: reap it and send its wait status to its launcher; or a pool worker:
    its exit code written on its status pipe (as multiprocessing's fork server does)."""
    pilih.unregister(pfd)
    os.close(pfd)
    _, status = os.waitpid(pid, 0)
    if isinstance(conn, int):
        from multiprocessing.forkserver import write_signed

        try:
            write_signed(conn, os.waitstatus_to_exitcode(status))
        except OSError:  # the batch is gone
            pass
        os.close(conn)
        return
    try:
        conn.send(json.dumps({"status": status}).encode())
    except OSError:  # the launcher is gone
        pass
    conn.close()


def main(fd: int, induk: int, argv: list[str]) -> None:
    """The zygote: import `MODUL`, then serve the launchers on listening socket `fd` kernels
    of spec argv `argv` (it was started as that python with those options) until the worker
    `induk` ends."""
    _prctl_mati(induk)
    tata = os.environ.pop(ENV_TATA, None)  # not the kernels' nor the workers'
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the worker's; it stops us
    malloc_hemat()
    srv = socket.socket(fileno=fd)
    # JPY_INDUK (the kernel manager's pid, a batch's zygote serves several) is not compared:
    # ipykernel reads it when imported, as IPKernelApp.parent_handle's default, which the
    # forked kernel sets again from its own environment (`_jadi_kernel`)
    dibaca, diset = _impor(MODUL)
    dibaca = (dibaca - {JPY_INDUK}) | {MPL_INLINE[0]}
    _panaskan()
    gc.collect()
    gc.freeze()  # the kernels' collections skip the imported objects: no copied pages for it
    pilih = selectors.DefaultSelector()
    pilih.register(srv, selectors.EVENT_READ)
    while True:
        for kunci, _ in pilih.select():
            if kunci.data is None:
                _layani(srv, pilih, argv, dibaca, diset, tata)
            else:
                _tuai(kunci.fd, *kunci.data, pilih)

