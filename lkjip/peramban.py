"""Chromium as the PDF engine: one headless browser, driven over the DevTools protocol (issue 15).

WeasyPrint lays out the 60-page report in ~6 core-seconds; Debian's Chromium prints the same
HTML in under one. `Peramban` starts the browser once per process and talks to it over a pipe
(``--remote-debugging-pipe``: the commands on its fd 3, the answers on its fd 4, each a JSON
message ended by a NUL byte), so nothing listens on a port and no client library is needed.

`cetak(html)` prints one HTML document (A4 from the sheet's ``@page``) and returns the PDF's
bytes. The page sees only what the HTML carries: scripts are off, every URL but ``data:`` is
blocked, and an image that did not load is an error (a chart missing from the PDF must never
pass unnoticed). The page layout the report needs beyond what Chromium prints (front matter
numbered i, ii, …, the body from 1, page numbers in the lists of contents) is assembled from
several prints by `lkjip.cetak_peramban`.

Where no browser is found (`cari`), or ``LKJIP_PDF=weasyprint``, the report is laid out by
WeasyPrint as before; ``LKJIP_PERAMBAN`` names a browser executable explicitly.
"""

from __future__ import annotations

import atexit
import base64
import glob
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

CALON = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
         "microsoft-edge", "microsoft-edge-stable")
BENDERA = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--no-default-browser-check", "--disable-extensions", "--disable-sync",
           "--disable-background-networking", "--disable-component-update",
           "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
           "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           "--remote-debugging-pipe",
           # the renderers as the browser's own children, not a zygote's: the browser reaps
           # them, so their CPU time is counted with the build's (getrusage, `make bench`),
           # and none outlives the browser
           "--no-zygote",
           # nothing a print does not need (issue 15; ~150 MB PSS less a browser): no WebUI
           # renderers for the omnibox popups the new headless mode preloads, no spare
           # renderer kept warm, the network service and the GPU process (software
           # compositing only, --disable-gpu) as threads of the browser process
           "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,"
           "SpareRendererForSitePerProcess",
           "--enable-features=NetworkServiceInProcess2", "--in-process-gpu")
DIBLOKIR = ["http:*", "https:*", "file:*", "ftp:*", "ws:*", "wss:*", "blob:*", "chrome:*"]
BATAS_DETIK = 120  # one print of a 60-page report takes about one second
# characters of HTML printed after which the page is emptied and its garbage collected
# (`Peramban._bersihkan`): the 60-page report (~0,55 MB) each time, its small prints together
BERSIHKAN_SETELAH = 250_000

# The embedded (data:) images that did not load, by the id of their figure (or their alt
# text), once every image of the page was decoded or failed. Any other URL is blocked: such an
# image is removed (no broken-image icon), as WeasyPrint's fetcher leaves it out.
_GAMBAR_GAGAL = """(async () => {
  const img = Array.from(document.images);
  await Promise.all(img.map(i => i.decode().catch(() => null)));
  const gagal = img.filter(i => !(i.complete && i.naturalWidth > 0));
  gagal.filter(i => !i.src.startsWith('data:')).forEach(i => i.remove());
  return gagal.filter(i => i.src.startsWith('data:'))
            .map(i => (i.closest('[id]') || {}).id || i.alt || '?');
})()"""


class GalatPeramban(RuntimeError):
    """The browser failed: it would not start, closed, or answered with an error."""


def cari() -> str | None:
    """The browser to print with: ``LKJIP_PERAMBAN``, else the first of `CALON` on PATH; None
    when ``LKJIP_PDF=weasyprint``, on Windows (no inheritable fd 3/4 for the pipe), or when
    none is found."""
    if os.environ.get("LKJIP_PDF", "").lower() == "weasyprint" or sys.platform == "win32":
        return None
    pilihan = os.environ.get("LKJIP_PERAMBAN")
    if pilihan:
        return shutil.which(pilihan) or (pilihan if os.access(pilihan, os.X_OK) else None)
    return next((p for p in map(shutil.which, CALON) if p), None)


def _pipa_tinggi() -> tuple[int, int]:
    """A pipe whose two ends are above fd 9 (the child's fds 3 and 4 are set from them, which
    a low end could be) and closed on exec (they do not leak into other children). POSIX
    only, as the pipe itself (`cari` finds no browser on Windows)."""
    import fcntl

    hasil = []
    for fd in os.pipe():
        hasil.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return hasil[0], hasil[1]


class Peramban:
    """One headless browser and one page in it; `cetak` prints HTML to PDF bytes."""

    def __init__(self, program: str):
        self.program, self._id, self._sisa, self._kotor = program, 0, b"", 0
        # a short path: Chromium's singleton socket lives under TMPDIR, and a socket path
        # over 107 bytes (a deep TMPDIR) stops the browser at start
        pendek = "/tmp" if os.access("/tmp", os.W_OK) else None
        _buang_folder_yatim(pendek or tempfile.gettempdir())
        self._folder = tempfile.mkdtemp(prefix=f"lkjip-peramban-{os.getpid()}-", dir=pendek)
        baca_anak, self._tulis = _pipa_tinggi()  # the browser reads commands from its fd 3
        self._baca, tulis_anak = _pipa_tinggi()  # and answers on its fd 4

        def fd_anak():
            os.dup2(baca_anak, 3)
            os.dup2(tulis_anak, 4)
            _mati_bersama_induk()

        try:
            self.proses = subprocess.Popen(
                [program, *BENDERA, f"--user-data-dir={self._folder}", "about:blank"],
                env={**os.environ, "TMPDIR": pendek or tempfile.gettempdir()},
                preexec_fn=fd_anak, close_fds=False, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        finally:
            os.close(baca_anak)
            os.close(tulis_anak)
        self._kunci = threading.Lock()
        # the tab the browser opened on about:blank (a second tab would be a second renderer)
        halaman = [t for t in self._kirim("Target.getTargets", {})["targetInfos"]
                   if t["type"] == "page"]
        target = (halaman[0]["targetId"] if halaman else
                  self._kirim("Target.createTarget", {"url": "about:blank"})["targetId"])
        self._sesi = self._kirim("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for metode, param in (("Page.enable", {}), ("Network.enable", {}),
                              ("Network.setBlockedURLs", {"urls": DIBLOKIR}),
                              ("Emulation.setScriptExecutionDisabled", {"value": True})):
            self._kirim(metode, param, self._sesi)
        self._bingkai = self._kirim("Page.getFrameTree", {}, self._sesi)["frameTree"]["frame"]["id"]

    # ------------------------------------------------------------ protocol

    def _kirim(self, metode: str, param: dict, sesi: str | None = None) -> dict:
        """Send one command and return its result (events in between are dropped)."""
        self._id += 1
        pesan = {"id": self._id, "method": metode, "params": param}
        if sesi:
            pesan["sessionId"] = sesi
        try:
            os.write(self._tulis, json.dumps(pesan).encode() + b"\0")
        except OSError as e:
            raise GalatPeramban(f"peramban {self.program} tertutup ({e})") from e
        while True:
            jawab = self._terima()
            if jawab.get("id") == self._id:
                if "error" in jawab:
                    raise GalatPeramban(f"{metode}: {jawab['error'].get('message')}")
                return jawab["result"]

    def _terima(self) -> dict:
        while b"\0" not in self._sisa:
            if not select.select([self._baca], [], [], BATAS_DETIK)[0]:
                raise GalatPeramban(f"peramban {self.program} tidak menjawab "
                                    f"dalam {BATAS_DETIK} detik")
            potong = os.read(self._baca, 1 << 20)
            if not potong:
                raise GalatPeramban(f"peramban {self.program} berhenti tanpa jawaban")
            self._sisa += potong
        satu, _, self._sisa = self._sisa.partition(b"\0")
        return json.loads(satu)

    # ------------------------------------------------------------ printing

    def cetak(self, html: str) -> bytes:
        """The PDF of `html` (A4 as its ``@page`` says, backgrounds printed, the headings as
        the PDF's outline left to the caller). An image that did not load raises."""
        with self._kunci:
            self._kirim("Page.setDocumentContent", {"frameId": self._bingkai, "html": html},
                        self._sesi)
            gagal = self._kirim("Runtime.evaluate", {
                "expression": _GAMBAR_GAGAL, "awaitPromise": True, "returnByValue": True},
                self._sesi)["result"].get("value") or []
            if gagal:
                raise RuntimeError(f"{len(gagal)} gambar tidak masuk ke PDF: {', '.join(gagal)}")
            hasil = self._kirim("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True,
                "displayHeaderFooter": False, "generateDocumentOutline": False,
                # no structure tree: building it took ~25 % of a print's CPU (0,89 -> 0,66
                # CPU-s for the report's body) and made the PDF 4x larger for pypdf to
                # read, and the parts joined by lkjip.cetak_peramban never carried it
                "generateTaggedPDF": False}, self._sesi)
            self._kotor += len(html)
            if self._kotor >= BERSIHKAN_SETELAH:
                self._bersihkan()
        return base64.b64decode(hasil["data"])

    def _bersihkan(self) -> None:
        """Empty the page and collect its garbage. The renderer keeps a printed document's
        memory until a full collection, which comes late: over a batch a browser grew from
        ~460 to ~730 MB PSS (issue 15). Emptied and collected after each large print it stays
        near its size after the first; the collection of an empty page costs ~0,05 s."""
        self._kirim("Page.setDocumentContent", {"frameId": self._bingkai, "html": ""},
                    self._sesi)
        self._kirim("HeapProfiler.collectGarbage", {}, self._sesi)
        self._kotor = 0

    def tutup(self) -> None:
        """Close the browser and remove its profile folder (safe to call twice)."""
        if self.proses.poll() is None:
            try:
                self._kirim("Browser.close", {})
            except (GalatPeramban, OSError):
                pass
            try:
                self.proses.wait(5)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait()
        for fd in (self._tulis, self._baca):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._folder, ignore_errors=True)


def _buang_folder_yatim(induk: str) -> None:
    """Remove the profile folders of browsers whose process is gone (a build killed with
    SIGKILL cannot remove its own): ``lkjip-peramban-<pid>-*`` of a pid that no longer runs."""
    for folder in glob.glob(os.path.join(induk, "lkjip-peramban-*-*")):
        pid = os.path.basename(folder).split("-")[2]
        if pid.isdigit() and not _hidup(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _mati_bersama_induk() -> None:
    """In the browser's process, before it runs: be killed when the thread that started it
    ends (Linux ``PR_SET_PDEATHSIG``), so a build killed with SIGKILL leaves no browser
    behind (Chromium does not stop when its pipe closes). Elsewhere nothing."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG


_SATU: dict[int, Peramban] = {}  # this process's browser (a forked child starts its own)
_GAGAL: dict[int, str] = {}  # the browser that would not start in this process
_KUNCI_SATU = threading.Lock()


def _mulai(program: str) -> Peramban:
    """Start the browser from a thread that lives as long as this process: the death signal
    (`_mati_bersama_induk`) follows the thread that started it, which must not be a build's
    short-lived worker thread. It is closed cleanly at exit (atexit in a process, the
    multiprocessing finalizers in a pool worker, which skips atexit), so its CPU time is
    counted with its parent's children."""
    from multiprocessing import util

    hasil: dict = {}
    siap = threading.Event()

    def jalan() -> None:
        try:
            hasil["p"] = Peramban(program)
        except BaseException as e:  # raised in the caller
            hasil["e"] = e
        siap.set()
        threading.Event().wait()

    threading.Thread(target=jalan, name="lkjip-peramban", daemon=True).start()
    siap.wait()
    if "e" in hasil:
        raise hasil["e"]
    util.Finalize(hasil["p"], hasil["p"].tutup, exitpriority=50)
    atexit.register(hasil["p"].tutup)
    return hasil["p"]


def peramban() -> Peramban | None:
    """This process's browser, started on first use and closed when the process exits; None
    when there is none to use (`cari`) or it would not start (said once on stderr: the PDFs
    are then WeasyPrint's)."""
    program = cari()
    if program is None:
        return None
    with _KUNCI_SATU:
        ada = _SATU.get(os.getpid())
        if ada is None or ada.program != program or ada.proses.poll() is not None:
            if _GAGAL.get(os.getpid()) == program:
                return None
            try:
                ada = _SATU[os.getpid()] = _mulai(program)
            except (GalatPeramban, OSError) as e:  # told once; WeasyPrint makes the PDFs
                _GAGAL[os.getpid()] = program
                print(f"peringatan: peramban {program} tidak dapat dijalankan ({e}); PDF dibuat "
                      f"dengan WeasyPrint (lebih lambat).", file=sys.stderr)
                return None
        return ada
