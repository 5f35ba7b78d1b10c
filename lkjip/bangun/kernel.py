"""A report's kernel, started early: it boots while the build process does other work.

Starting a kernel (~0.5 s) and importing pandas, matplotlib and lkjip in it (~0.7 s) is most of
what a small report's execution costs, and all of it happens in the kernel process. So a build
starts its kernel first and queues those imports in it (a silent execute: no output, no
execution count), then loads and checks the data, joins the chapters and imports papermill in
the build process while the kernel gets ready; papermill then runs the report's cells in that
kernel. Each report still gets a new kernel of its own that no other report has used, started
from the kernel spec as papermill would start it: reports stay isolated. In a batch worker on
Linux (`siapkan_pekerja`) that spec's kernel is forked from the worker's zygote instead of
started and imported anew (`lkjip.zigot`); the kernel manager sees the same process interface.
Both kinds run with `lkjip.zigot.ARGUMEN_KERNEL` (no IPython history database: nothing written
to ~/.ipython per cell).

Transport: on Linux the kernel talks over Unix sockets in the abstract namespace (ZeroMQ's
``ipc://@name``, `_angkutan`): names of this kernel's own (the manager's pid and 64 random
bits), so no TCP port at all. Over TCP, jupyter_client picks each "free" port by binding port 0
and closing it, in each process on its own, and the kernel binds it a moment later: another
process starting a kernel then (a batch's two workers, tests beside a build) or any connection
taking an ephemeral port could get the same one, and the kernel died at start with "Address
already in use" (seen: tests/test_zigot.py under load; in a batch, one kecamatan's report
failed for nothing). Abstract sockets leave no file behind (nothing to remove after the build
or after a SIGKILL) and have no path length limit; like localhost TCP, any local process may
connect, so the channels stay encrypted with CurveZMQ keys the kernel manager provisions when
the kernel spec declares support (``transport_encryption="auto"``, jupyter_client ≥ 8.10 with
an ipykernel that declares it); messages are signed with the key in the connection file
(mode 0600) as before. Elsewhere (Windows, macOS: no abstract namespace), or with a ZeroMQ
built without ipc, TCP as before, and a kernel that died at start because a port it was given
is taken is started again with new ports, at most `COBA_PORT` times in all (`buka_klien`);
a kernel that died of anything else is not. Encryption also keeps ipykernel from printing
"Kernel is running over TCP without encryption" on every build, which also chopped the batch
progress bar. Older jupyter_client: plain TCP/ipc, as before.

Ctrl-C: starting the kernel and its clients creates ZeroMQ sockets, and a KeyboardInterrupt
inside a socket's construction leaves a socket its context does not know of, so the context's
term (at close, or at exit) waits for it forever. Those steps are quick and run with Ctrl-C
held back (`lkjip.bangun.sinyal.tahan_ctrl_c`); waiting for the kernel and running cells stay
interruptible. The client papermill executes with is made here too (`buka_klien`,
`tutup_klien`) for the same reason. Closing (`KernelAwal.tutup`) also holds Ctrl-C back (a
kill and a wait of at most a few seconds), always removes the connection file, also when the
kernel is already dead or the shutdown failed, kills a kernel process that a failed shutdown
left running, and ends the ZeroMQ contexts itself (`akhiri_konteks`): sockets closed with
linger 0, after an interrupted start also those the context does not know of (an interrupt
not held back: SIGTERM raised KeyboardInterrupt directly before `lkjip.bangun.kumpulan`
turned it into a SIGINT), and the term never waited for more than `BATAS_TERM` seconds.

Signals reach the kernel only (`jaga_sinyal`): jupyter_client's local provisioner signals
the process group it recorded when it launched the kernel, ``os.getpgid(pid)`` just after
``Popen(start_new_session=True)``, and does so as long as it holds the process object, even
after the kernel ended. Both went wrong in a batch stopped with Ctrl-C (a terminal's SIGINT
to the whole process group): when the SIGINT lands while a worker is launching a kernel, the
child dies of it between fork and its ``setsid()`` (CPython's vfork child resets handlers to
the default and unblocks signals first), so ``getpgid`` gives the WORKER's own group; the
worker's KeyboardInterrupt then shut that "kernel" down with ``killpg(<own group>, SIGINT)``
and ``SIGKILL``: the batch process and all its workers died with -9 and no message (seen
under load in tests/test_interupsi.py, traced to the worker's ``killpg`` of its own group).
A group recorded for an ended kernel may also have been given to another process since (pids
are reused). So every signal the kernel manager sends goes through `kirim_sinyal`: nothing
once the kernel process has ended (``poll()``: its pid cannot be reused before it is reaped,
and only this process reaps it), to its group only when it leads a group of its own (checked
then), else to the process alone.
"""

from __future__ import annotations

import errno
import gc
import os
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path

from lkjip import zigot
from lkjip.bangun.sinyal import tahan_ctrl_c

# What every report's cells import first; not matplotlib.pyplot (lkjip's charts are Figure
# objects: pyplot and its inline backend cost ~0,2 s), not pandera (only a load that misses the
# cache validates, `lkjip.tembolok`).
PRAIMPOR = "import pandas, matplotlib.figure, lkjip, lkjip.tampil"
# With an older ipykernel (6.29.0, the lower bound) and Python >= 3.11, debugpy (imported by
# ipykernel.kernelspec when jupyter_client looks up the "python3" spec in THIS process, and
# again by the kernel) prints four "Debugger warning: ... frozen modules ..." lines on stderr,
# i.e. the user's terminal. This variable turns off only that check; a build attaches no
# debugger.
SENYAP = ("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def siapkan_pekerja(kernel_name: str = "python3") -> None:
    """In a batch worker: the zygote its reports' kernels are forked from (`lkjip.zigot`;
    Linux): the batch's (`zigot_batch`), else one started now, with the environment those
    kernels get."""
    os.environ.setdefault(*SENYAP)
    zigot.aktifkan(kernel_name)


def zigot_batch(kernel_name: str = "python3"):
    """In a batch process, around its spawn pool: one zygote for all its workers
    (`lkjip.zigot.bersama`), with the environment their kernels get; a context manager."""
    os.environ.setdefault(*SENYAP)
    return zigot.bersama(kernel_name)


def _pengelola(kernel_name: str):
    """An ``AsyncKernelManager`` with transport encryption where the installed one has it,
    looking its spec up with `lkjip.zigot.pencari_spek`."""
    from jupyter_client.manager import AsyncKernelManager

    kw = {"kernel_name": kernel_name, **_angkutan()}
    if "transport_encryption" in AsyncKernelManager.class_trait_names():
        kw["transport_encryption"] = "auto"
    pencari = zigot.pencari_spek(kernel_name)
    if pencari is not None:
        kw["kernel_spec_manager"] = pencari
    return AsyncKernelManager(**kw)


# The kernel's five channels, numbered as ipc names: ``ipc://@<name>-1`` ... ``-5``.
SALURAN = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")
COBA_PORT = 3  # over TCP: starts of a kernel whose port was taken, the first included


def ipc_mungkin() -> bool:
    """Whether kernels talk over abstract Unix sockets here (Linux, ZeroMQ with ipc)."""
    import zmq

    return sys.platform == "linux" and bool(zmq.has("ipc"))


def _angkutan() -> dict:
    """The kernel manager's transport settings: abstract ipc names of this kernel's own where
    possible (see the module docstring), else nothing (TCP, ports picked by jupyter_client)."""
    if not ipc_mungkin():
        return {}
    nama = f"@lkjip-kernel-{os.getpid()}-{secrets.token_hex(8)}"
    return {"transport": "ipc", "ip": nama, **{s: i for i, s in enumerate(SALURAN, 1)}}


class KernelAwal:
    """``with KernelAwal(cwd).mulai() as kernel: papermill.execute_notebook(..., km=kernel.km)``.

    The kernel is shut down (immediately) on leaving the block, whatever happened.
    """

    def __init__(self, cwd: Path, kernel_name: str = "python3", praimpor: str = PRAIMPOR):
        self.cwd, self.kernel_name, self.praimpor = Path(cwd), kernel_name, praimpor
        self.km = self._klien = None

    def mulai(self) -> KernelAwal:
        """Start the kernel and queue the imports; returns at once, the kernel boots meanwhile."""
        from jupyter_core.utils import run_sync

        try:
            with tahan_ctrl_c():
                os.environ.setdefault(*SENYAP)  # before the spec lookup; the kernel inherits it
                self.km = _pengelola(self.kernel_name)
                # a batch worker's kernel: forked from its zygote, which adds the options
                lain = [] if zigot.pasang(self.km) else list(zigot.ARGUMEN_KERNEL)
                run_sync(self.km.start_kernel)(cwd=str(self.cwd), extra_arguments=lain)
                jaga_sinyal(self.km)
                self._klien = self.km.blocking_client()
                self._klien.start_channels(iopub=False, stdin=False, hb=False, control=False)
                self._klien.execute(self.praimpor, silent=True, store_history=False)
        except BaseException:
            self._tutup(sapu=True)
            raise
        return self

    def siapkan(self, kode: str) -> None:
        """Queue `kode` (a silent execute, like the pre-imports) before the first cell; never
        raises: the cells report what it could not do."""
        if self._klien is not None and kode:
            try:
                with tahan_ctrl_c():
                    self._klien.execute(kode, silent=True, store_history=False)
            except Exception:
                pass

    def tutup(self) -> None:
        """Shut the kernel down now and remove its connection file; again is a no-op."""
        self._tutup(sapu=False)

    def _tutup(self, sapu: bool) -> None:
        """`tutup`; `sapu` after an interrupted `mulai`: also close the sockets its ZeroMQ
        contexts do not know of (`akhiri_konteks`)."""
        from jupyter_core.utils import run_sync

        klien, self._klien = self._klien, None
        km, self.km = self.km, None
        # the manager's context is ended here, not by its shutdown (an unbounded term)
        konteks_km = km is not None and km._created_context
        if konteks_km:
            km._created_context = False
        with tahan_ctrl_c():
            try:
                if klien is not None:
                    hentikan_saluran(klien, sapu)
                if km is not None and km.has_kernel:
                    jaga_sinyal(km)  # also when the start failed before `mulai` could
                    _bunuh(km)
                    run_sync(km.shutdown_kernel)(now=True)
            finally:
                if km is not None:
                    _hentikan_proses(km)
                    km.cleanup_connection_file()
                if konteks_km:
                    akhiri_konteks(km.context, sapu)

    def __enter__(self) -> KernelAwal:
        return self

    def __exit__(self, *exc) -> None:
        self.tutup()


def jaga_sinyal(km) -> None:
    """Make `km`'s provisioner send every signal through `kirim_sinyal` (POSIX; a provisioner
    without a local process, or one already guarded, is left as it is)."""
    prov = getattr(km, "provisioner", None)
    if os.name != "posix" or prov is None or not hasattr(prov, "process") or \
            getattr(prov, "lkjip_sinyal_aman", False):
        return

    async def send_signal(signum: int) -> None:
        kirim_sinyal(prov.process, signum)

    prov.send_signal = send_signal
    prov.lkjip_sinyal_aman = True


def kirim_sinyal(proses, signum: int) -> None:
    """Send `signum` to a kernel process that still runs: to its process group when it leads
    one of its own (a kernel's subprocesses are in it), else to the process alone; nothing
    when it has ended (see the module docstring).

    >>> import signal, subprocess, sys
    >>> selesai = subprocess.Popen([sys.executable, "-c", "pass"])
    >>> _ = selesai.wait()
    >>> kirim_sinyal(selesai, signal.SIGKILL)  # ended: nothing is sent to its old pid
    >>> kirim_sinyal(None, signal.SIGKILL)
    """
    if proses is None or proses.poll() is not None:
        return
    if os.getpgid(proses.pid) == proses.pid:  # still running, so the pid is still its own
        os.killpg(proses.pid, signum)
    else:
        proses.send_signal(signum)


def _bunuh(km) -> None:
    """Kill the kernel's process (`kirim_sinyal`, as jupyter_client's forced shutdown does)
    and wait for its end, blocking. jupyter_client's shutdown then finds it ended at once: its
    own wait polls every 0,1 s, and the first poll, right after the kill, came too soon, so
    every report waited ~0,1 s more for a kernel already dead (issue 15)."""
    proses = getattr(km.provisioner, "process", None)
    if proses is None:
        return
    if os.name == "posix":
        import signal

        kirim_sinyal(proses, signal.SIGKILL)
    else:
        proses.kill()
    try:
        proses.wait(timeout=5)
    except subprocess.TimeoutExpired:  # the shutdown kills and waits again, as before
        pass


def _hentikan_proses(km) -> None:
    """Kill the kernel's process if a shutdown cut short left it running."""
    proses = getattr(km.provisioner, "process", None) if km.provisioner else None
    if proses is not None and proses.poll() is None:
        proses.kill()
        proses.wait(timeout=5)


def buka_klien(km, batas: float = 60):
    """A started client of `km`'s kernel for papermill to execute with, ready (its iopub
    connected) when returned; the sockets are made with Ctrl-C held back. A TCP kernel that
    died at start because a port it was given is taken is started again with new ports (see
    the module docstring)."""
    from jupyter_core.utils import run_sync

    for coba in range(1, COBA_PORT + 1):
        klien = km.client()  # no socket yet
        try:
            with tahan_ctrl_c():
                klien.start_channels()
            run_sync(klien.wait_for_ready)(timeout=batas)
        except RuntimeError:
            tutup_klien(klien)
            if coba == COBA_PORT or not _port_direbut(km):
                raise
            _mulai_lagi(km)
            continue
        except BaseException:
            tutup_klien(klien, sapu=True)  # maybe interrupted inside a socket's making
            raise
        klien.allow_stdin = False
        return klien


def _port_direbut(km) -> bool:
    """Whether `km`'s TCP kernel has ended and a port it was given is now bound by another
    socket: the kernel could not bind it ("Address already in use"), another process got it
    between jupyter_client's pick and the kernel's bind. (A kernel that ended for another
    reason while another socket happened to hold one of its ports is started again too, at
    most `COBA_PORT` times in all, and then fails as before.)"""
    proses = getattr(km.provisioner, "process", None) if km.provisioner else None
    if km.transport != "tcp" or proses is None or proses.poll() is None:
        return False
    return any(_terpakai(km.ip, port) for port in km.ports)


def _terpakai(ip: str, port: int) -> bool:
    """Whether binding `port` on `ip` fails because it is in use, bound as ZeroMQ binds a
    kernel's port (``SO_REUSEADDR`` on POSIX: a connection of the ended kernel left in
    TIME_WAIT does not count; the kernel would have bound the port despite it).

    >>> with socket.socket() as s:
    ...     s.bind(("127.0.0.1", 0))
    ...     _terpakai("127.0.0.1", s.getsockname()[1])
    True
    """
    with socket.socket() as s:
        if os.name == "posix":
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError as e:
            return e.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", None))
    return False


def _mulai_lagi(km) -> None:
    """Start `km`'s ended kernel again as it was started, with new ports: the provisioner
    that picked the old ones is dropped (they stay taken in this process's
    ``LocalPortCache``: not picked again here) and the connection file written anew."""
    from jupyter_core.utils import run_sync

    with tahan_ctrl_c():
        run_sync(km.shutdown_kernel)(now=True, restart=True)  # keeps the ZeroMQ context
        km.cleanup_connection_file()
        km.provisioner = None
        run_sync(km.start_kernel)(**km._launch_args)
        jaga_sinyal(km)


def tutup_klien(klien, sapu: bool = False) -> None:
    """Stop a client's channels and end the ZeroMQ context it made (`hentikan_saluran`);
    Ctrl-C held back."""
    if klien is None:
        return
    with tahan_ctrl_c():
        hentikan_saluran(klien, sapu)


# seconds a ZeroMQ context's term is waited for (`akhiri_konteks`); with its sockets closed
# it takes ~0,1 ms
BATAS_TERM = 10.0


def hentikan_saluran(klien, sapu: bool = False) -> None:
    """Stop a kernel client's channels and end the ZeroMQ context it made with
    `akhiri_konteks`, not with jupyter_client's own ``destroy`` (a term without a bound); its
    ``__del__`` will not try again."""
    milik = getattr(klien, "_created_context", False)
    klien._created_context = False
    try:
        klien.stop_channels()
    finally:
        if milik:
            akhiri_konteks(klien.context, sapu)


def akhiri_konteks(konteks, sapu: bool = False, batas: float = BATAS_TERM) -> None:
    """Close the sockets of ZeroMQ context `konteks` at once (linger 0: no message is
    waited for; the kernel is being killed) and terminate it, never waiting forever.

    A context's term waits until every socket made in it is closed, also one it does not
    know of: an interrupt (KeyboardInterrupt from a signal not held back by `tahan_ctrl_c`)
    landing inside ``Context.socket`` after libzmq made the socket and before the context
    tracks it leaves such a socket, kept alive by the traceback; ``destroy`` closes only the
    tracked ones, so the term hung the process for good (seen: a batch stopped with SIGTERM,
    `KernelAwal.mulai` interrupted, py-spy in ``Context.term``). With `sapu` (after an
    interrupted start) the sockets found referring to the context (``gc.get_referrers``,
    ~15 ms in a build process) are closed too. The term runs in a daemon thread waited for
    at most `batas` seconds; one still blocked then is left to end when its socket is closed,
    or with the process."""
    if konteks is None or konteks.closed:
        return
    import zmq

    soket = list(getattr(konteks, "_sockets", None) or ())
    if sapu:
        soket += [s for s in gc.get_referrers(konteks) if isinstance(s, zmq.Socket)]
    for s in soket:
        if not s.closed:
            s.close(linger=0)
    t = threading.Thread(target=konteks.term, name="lkjip-zmq-term", daemon=True)
    t.start()
    t.join(batas)
