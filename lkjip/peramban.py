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
import socket
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager

from lkjip import layanan, lingkungan

# Chromium's performance class of the device for its on-device AI model, given so that it is
# not measured: 8, "GPU blocklisted" (Chromium's OnDeviceModelPerformanceClass; the browser
# runs with --disable-gpu), so no model is ever wanted either. Without it Chromium (156)
# measures it ~3 minutes after the browser's start (`on_device_startup_metric_delay`) in an
# OnDeviceModelService, and in a ``--single-process`` browser that service runs as a thread
# of the browser from then on, after which no print answers: every Page.printToPDF waits
# for good while the browser answers everything else (issue 15). A batch's print service
# (`LayananCetak`) waited BATAS_DETIK (120 s) for it, then started its browser again:
# a batch of 14 stalled ~130 s between its 12th and 13th report, each time its browser was
# ~180 s old. A browser of several processes prints on beside that service, but starts it
# (a utility process) for nothing.
KELAS_KINERJA = 8
# CSS px of a tab's viewport (``--window-size``; see `TINGGI_LAYAR`): without it 780 x 437 in
# headless Chromium 156, 800 x 600 in its headless shell
UKURAN_TAB = (800, 400)
# The browsers to print with, the first found (`cari`: an absolute path if it is executable,
# a name on PATH). Chromium's headless shell first
# (Debian's chromium-headless-shell, Chrome for Testing's chrome-headless-shell): the same
# Blink, Skia and print code as the browser, built without its user interface. Its PDFs are
# byte-identical to the browser's (Chromium 156: the example's edition and working paper,
# every report of `make bench`'s batch of 14), from ~100 MB less memory (a batch's print
# service: peak RSS 359 -> 259 MB, the binary's pages 212 -> 131 MB PSS) and less CPU (issue 15).
# Debian's program itself first: its /usr/bin/chromium-headless-shell is a script that runs it
# as a child without exec, so a browser killed (`Peramban.tutup`, a stalled print) would be
# the script only, the browser left running with the protocol's pipes open.
CALON = ("/usr/lib/chromium/chromium-headless-shell", "chromium-headless-shell",
         "chrome-headless-shell", "chromium", "chromium-browser", "google-chrome",
         "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable")
BENDERA = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--no-default-browser-check", "--disable-extensions", "--disable-sync",
           "--disable-background-networking", "--disable-component-update",
           "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
           "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           "--remote-debugging-pipe",
           # glyphs placed as the browser places them: the headless shell hints them to whole
           # pixels by default (a 16 px text's advances rounded, lines breaking elsewhere)
           "--font-render-hinting=none",
           # the tab's viewport, below `TINGGI_LAYAR` in every browser of `CALON`
           "--window-size={},{}".format(*UKURAN_TAB),
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
           "--enable-features=NetworkServiceInProcess2", "--in-process-gpu",
           # no evaluation of the device for Chrome's on-device AI model (`KELAS_KINERJA`)
           f"--optimization-guide-performance-class={KELAS_KINERJA}")
# A --single-process browser runs without a crash handler: Debian's build otherwise starts two
# chrome_crashpad_handler processes for it, writing a minidump (~0,4 MB) of each crash into
# one folder of the user's home shared by every Chromium, and a crashed browser dies at once,
# not seconds later once its dump is written (it kept answering meanwhile, so a crash at
# start showed only after the browser was handed out: `Peramban._tenang`). Not for a browser
# of several processes: with this flag it never answers (its children wait for the handler).
TANPA_CRASHPAD = "--disable-crashpad-for-testing"
DIBLOKIR = ["http:*", "https:*", "file:*", "ftp:*", "ws:*", "wss:*", "blob:*", "chrome:*"]
BATAS_DETIK = 120  # one print of a 60-page report takes about one second
# seconds `Peramban.tutup` waits for the browser's answer to Browser.close, then for its end,
# before it kills it; and `LayananCetak.tutup` for a start of its browser under way
TUTUP_DETIK = 10
MULAI_LAGI = 1  # starts again, each with a new profile, when a browser ended while starting
# characters of HTML printed after which the page is emptied and its garbage collected
# (`Peramban._bersihkan`): the 60-page report (~0,55 MB) each time, its small prints together
BERSIHKAN_SETELAH = 250_000
# seconds without a print after which the batch's print service empties a tab it printed in
# since it was last emptied (`LayananCetak._bila_diam`)
JEDA_DIAM = 1.0
# The page lays a document out for print only (`untuk_cetak`): on screen it shows nothing, nor
# in print media laid out as one long page (`TINGGI_LAYAR`).
# Before it paginates a print, Chromium lays the document out once in print media at the tab's
# own size, unpaginated (its "beforeprint" step, for scripts, which are off here): a full style
# and layout of the report (~0,18 of the body's ~1,0 CPU-s in the renderer, traced) that no page
# of the PDF uses. Media queries see the tab's viewport there (`UKURAN_TAB`), and the page
# area while paginating (A4 with the sheet's margins: 624 x 933; even a landscape A4's area is
# over 600 px high), so a height at most `TINGGI_LAYAR` hides the document from that layout
# only. Were a viewport taller (the headless shell's own is 600 px high), the rule would not
# apply: the PDF is the same either way, only that layout is done.
TINGGI_LAYAR = 500
HANYA_CETAK = (f"<style>@media screen, print and (max-height: {TINGGI_LAYAR}px) "
               "{ html { display: none !important; } }</style>")

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


class TakMenjawab(GalatPeramban):
    """The browser did not answer a command within `BATAS_DETIK` seconds."""


def cari() -> str | None:
    """The browser to print with: ``LKJIP_PERAMBAN``, else the first of `CALON` found; None
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
    """One headless browser; `cetak` prints HTML to PDF bytes in its first tab, `halaman_baru`
    opens another tab to print in (prints in different tabs may run at once, from different
    threads: each command waits for its own answer, `_pembaca`)."""

    def __init__(self, program: str, bendera: tuple[str, ...] = ()):
        self.program, self._id, self._putus = program, 0, ""
        self.satu_proses = "--single-process" in bendera
        if self.satu_proses and TANPA_CRASHPAD not in bendera:
            bendera = (*bendera, TANPA_CRASHPAD)
        self._tunggu: dict[int, list] = {}  # command id -> [answered, answer]
        self._kunci_kirim = threading.Lock()
        # `_tunggu` and `_putus` together: a command is registered before the reader's end
        # (and answered by it) or refused after (`_kirim`)
        self._kunci_tunggu = threading.Lock()
        # a short path: Chromium's singleton socket lives under TMPDIR, and a socket path
        # over 107 bytes (a deep TMPDIR) stops the browser at start
        pendek = "/tmp" if os.access("/tmp", os.W_OK) else None
        _buang_folder_yatim(pendek or tempfile.gettempdir())
        self._folder = tempfile.mkdtemp(prefix=f"lkjip-peramban-{os.getpid()}-", dir=pendek)
        baca_anak, self._tulis = _pipa_tinggi()  # the browser reads commands from its fd 3
        self._baca, tulis_anak = _pipa_tinggi()  # and answers on its fd 4
        os.set_blocking(self._tulis, False)  # a command's write waits within its bound

        def fd_anak():
            os.dup2(baca_anak, 3)
            os.dup2(tulis_anak, 4)
            _mati_bersama_induk()

        try:
            self.proses = subprocess.Popen(
                [program, *BENDERA, *bendera, f"--user-data-dir={self._folder}", "about:blank"],
                env={**os.environ, "TMPDIR": pendek or tempfile.gettempdir()},
                preexec_fn=fd_anak, close_fds=False, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        finally:
            os.close(baca_anak)
            os.close(tulis_anak)
        self._benang = threading.Thread(target=self._pembaca, name="lkjip-peramban-baca",
                                        daemon=True)
        self._benang.start()
        try:
            # the tab the browser opened on about:blank (a second tab would be a second
            # renderer)
            halaman = [t for t in self._kirim("Target.getTargets", {})["targetInfos"]
                       if t["type"] == "page"]
            self._utama = Halaman(self, halaman[0]["targetId"] if halaman else None)
            if self.satu_proses:
                self._tenang()
        except BaseException as e:
            self.tutup()  # its profile folder too: a pid that still runs keeps it otherwise
            sebab = self.sebab_akhir()
            if isinstance(e, GalatPeramban) and not isinstance(e, TakMenjawab) and sebab:
                raise GalatPeramban(f"{e} ({sebab})") from e
            raise

    def _tenang(self) -> None:
        """Return once a ``--single-process`` browser is past its start's race. In one process
        Chromium keeps one allocator of discardable memory for all (a process-wide pointer,
        `base::DiscardableMemoryAllocator`), set by its in-process renderer thread as that starts; a
        raster worker thread (CompositorTileWorker) that draws the first frame before then
        dereferences the null pointer: SIGSEGV, 0,6-3 s after the start (caught in gdb: the worker's
        read of the pointer 1 ms before the renderer thread's store). Of the 24 minidumps Chromium
        wrote here on Dec 1, all of ``--single-process`` browsers, 16 are this (14 at that null
        pointer, 2 a check just after it), each 0,6-3 s after its start; the other 8 a check in the
        VizCompositorThread, 5 within 6 s of the start, 3 later (21 s to 12 min: left to
        `LayananCetak`'s restarts). The order of the two threads is the scheduler's, and any busy
        neighbour on the CPUs reverses it more often: started one after another and printing at
        once, 12 of 100 died beside a Chromium printing, 1 of 30 beside two CPU-bound processes, 0
        of 30 with neither; the other build's Chromium shares nothing with it (with a HOME of its
        own: 3 of 40, against 4 of 40). A 1x1 screenshot of the first tab makes the browser draw a
        frame, rastered by those workers once the renderer thread has started: a browser that
        answers it is past the race (none of 75 died after it, beside a printing Chromium; 3 ended
        in it), and one that lost it has ended already (no crash handler, `TANPA_CRASHPAD`) and is
        started again (`_mulai`)."""
        self._utama._kirim("Page.captureScreenshot", {
            "format": "png", "clip": {"x": 0, "y": 0, "width": 1, "height": 1, "scale": 1}})

    def sebab_akhir(self) -> str:
        """How the browser's process ended, in words ('' while it runs)."""
        kode = self.proses.poll()
        if kode is None:
            return ""
        if kode < 0:
            try:
                nama = signal.Signals(-kode).name
            except ValueError:
                nama = f"sinyal {-kode}"
            return f"dihentikan oleh {nama}"
        return f"keluar dengan kode {kode}"

    @property
    def _sesi(self) -> str:
        return self._utama._sesi

    # ------------------------------------------------------------ protocol

    def _kirim(self, metode: str, param: dict, sesi: str | None = None,
               batas: float | None = None) -> dict:
        """Send one command and return its result (events are dropped); any thread. No answer
        within `batas` seconds (`BATAS_DETIK`): TakMenjawab. Once the answers' pipe closed
        (`_pembaca` ended), at once the error how it closed: no answer can come then, and a
        command sent after the reader's end waited `BATAS_DETIK` for none (a browser that
        closed its pipe without ending yet, under load, took its `tutup` over 120 s)."""
        batas = BATAS_DETIK if batas is None else batas
        pesan = {"method": metode, "params": param}
        if sesi:
            pesan["sessionId"] = sesi
        # a browser that stopped reading holds another thread's write (and this lock)
        if not self._kunci_kirim.acquire(timeout=batas):
            raise TakMenjawab(f"peramban {self.program} tidak menerima perintah dalam "
                              f"{batas} detik")
        try:
            self._id += 1
            pesan["id"] = nomor = self._id
            tunggu = [threading.Event(), None]
            with self._kunci_tunggu:
                if self._putus:
                    raise GalatPeramban(f"peramban {self.program} {self._putus}")
                self._tunggu[nomor] = tunggu
            try:
                if not _tulis_semua(self._tulis, json.dumps(pesan).encode() + b"\0", batas):
                    # part of the command may be in the pipe: no later one can be read whole
                    with self._kunci_tunggu:
                        self._tunggu.pop(nomor, None)
                        self._putus = self._putus or f"tidak membaca perintah dalam {batas} detik"
                    raise TakMenjawab(f"peramban {self.program} {self._putus}")
            except OSError as e:  # EPIPE: the browser's end of the pipe closed for good
                with self._kunci_tunggu:
                    self._tunggu.pop(nomor, None)
                    # said here too, not only when the reader sees the pipe's end (it may
                    # lag): `_berakhir` reads it to print once more in a restarted browser
                    self._putus = self._putus or f"tertutup ({e})"
                raise GalatPeramban(f"peramban {self.program} {self._putus}") from e
        finally:
            self._kunci_kirim.release()
        if not tunggu[0].wait(batas):
            self._tunggu.pop(nomor, None)
            raise TakMenjawab(f"peramban {self.program} tidak menjawab {metode} dalam {batas} "
                              f"detik")
        jawab = tunggu[1]
        if jawab is None:
            raise GalatPeramban(f"peramban {self.program} {self._putus}")
        if "error" in jawab:
            raise GalatPeramban(f"{metode}: {jawab['error'].get('message')}")
        return jawab["result"]

    def _pembaca(self) -> None:
        """A thread: hand each answer to the command waiting for it, until the pipe closes
        (then every waiting command fails)."""
        sisa, putus = b"", "berhenti tanpa jawaban"
        try:
            while True:
                potong = os.read(self._baca, 1 << 20)
                if not potong:
                    break
                sisa += potong
                while b"\0" in sisa:
                    satu, _, sisa = sisa.partition(b"\0")
                    jawab = json.loads(satu)
                    tunggu = self._tunggu.pop(jawab.get("id"), None) if "id" in jawab else None
                    if tunggu is not None:
                        tunggu[1] = jawab
                        tunggu[0].set()
        except (OSError, ValueError) as e:
            putus = f"tertutup ({e})"
        with self._kunci_tunggu:
            self._putus = putus
            for tunggu in self._tunggu.values():
                tunggu[0].set()
            self._tunggu.clear()

    # ------------------------------------------------------------ printing

    def cetak(self, html: str) -> bytes:
        """The PDF of `html`, printed in the browser's first tab (see `Halaman.cetak`)."""
        return self._utama.cetak(html)

    def halaman_baru(self) -> Halaman:
        """A new tab to print in (its own renderer process)."""
        return Halaman(self, None)

    def tutup(self) -> None:
        """Close the browser and remove its profile folder (safe to call twice, from any
        thread), within ~`TUTUP_DETIK` + 15 seconds whatever the browser does: one that does
        not answer Browser.close in `TUTUP_DETIK` seconds (or whose pipe closed already) and
        has not ended 5 seconds later is killed (SIGKILL)."""
        if self.proses.poll() is None:
            try:
                self._kirim("Browser.close", {}, batas=TUTUP_DETIK)
            except (GalatPeramban, OSError):
                pass
            try:
                self.proses.wait(5)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                try:
                    self.proses.wait(5)
                except subprocess.TimeoutExpired:  # reaped by Popen later
                    pass
        self._benang.join(5)  # the browser's end closed the pipe: the reader has stopped
        # closed once: a second call would close whatever has these numbers by then
        with self._kunci_tunggu:
            fd, self._tulis, self._baca = (self._tulis, self._baca), -1, -1
        for f in fd:
            if f >= 0:
                try:
                    os.close(f)
                except OSError:
                    pass
        shutil.rmtree(self._folder, ignore_errors=True)


class Halaman:
    """One tab of a `Peramban`, printing one document at a time (`cetak`)."""

    def __init__(self, peramban: Peramban, target: str | None):
        self.peramban, self._kotor, self._kunci = peramban, 0, threading.Lock()
        self._nomor = 0  # prints the batch's print service made in it (`LayananCetak`)
        kirim = peramban._kirim
        if target is None:
            target = kirim("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._sesi = kirim("Target.attachToTarget", {"targetId": target, "flatten": True}
                           )["sessionId"]
        for metode, param in (("Page.enable", {}), ("Network.enable", {}),
                              ("Network.setBlockedURLs", {"urls": DIBLOKIR}),
                              ("Emulation.setScriptExecutionDisabled", {"value": True})):
            kirim(metode, param, self._sesi)
        self._bingkai = kirim("Page.getFrameTree", {}, self._sesi)["frameTree"]["frame"]["id"]

    def _kirim(self, metode: str, param: dict) -> dict:
        return self.peramban._kirim(metode, param, self._sesi)

    def cetak(self, html: str) -> bytes:
        """The PDF of `html` (A4 as its ``@page`` says, backgrounds printed, the headings as
        the PDF's outline left to the caller). An image that did not load raises."""
        with self._kunci:
            self._kirim("Page.setDocumentContent", {"frameId": self._bingkai,
                                                    "html": untuk_cetak(html)})
            gagal = self._kirim("Runtime.evaluate", {
                "expression": _GAMBAR_GAGAL, "awaitPromise": True, "returnByValue": True}
            )["result"].get("value") or []
            if gagal:
                raise RuntimeError(f"{len(gagal)} gambar tidak masuk ke PDF: {', '.join(gagal)}")
            hasil = self._kirim("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True,
                "displayHeaderFooter": False, "generateDocumentOutline": False,
                # no structure tree: building it took ~25 % of a print's CPU (0,89 -> 0,66
                # CPU-s for the report's body) and made the PDF 4x larger for pypdf to
                # read, and the parts joined by lkjip.cetak_peramban never carried it
                "generateTaggedPDF": False})
            self._kotor += len(html)
            if self._kotor >= BERSIHKAN_SETELAH:
                self._bersihkan()
        return base64.b64decode(hasil["data"])

    def _bersihkan(self) -> None:
        """Empty the page and collect its garbage. The renderer keeps a printed document's
        memory until a full collection, which comes late: over a batch a browser grew from
        ~460 to ~730 MB PSS (issue 15). Emptied and collected after each large print it stays
        near its size after the first; the collection of an empty page costs ~0,05 s.
        A ``--single-process`` browser is also told of critical memory pressure (its caches
        dropped): without it, it grew ~9 MB a report (anonymous PSS after each of 8 prints of
        the report 74 -> 140 MB; with it 73-76), as the separate processes do not."""
        self._kirim("Page.setDocumentContent", {"frameId": self._bingkai, "html": ""})
        self._kirim("HeapProfiler.collectGarbage", {})
        if self.peramban.satu_proses:
            self._kirim("Memory.simulatePressureNotification", {"level": "critical"})
        self._kotor = 0


def untuk_cetak(html: str) -> str:
    """`html` shown on screen as nothing (`HANYA_CETAK` before ``</head>``; a document without
    one as it is), so the tab lays it out only for the print (issue 15). Else the page laid
    the document out on screen as it loaded, and ``printToPDF`` laid it out again for print:
    the screen's layout was a third of the print's CPU and its garbage, collected only after
    the print, part of its peak. Printing the report's body (Bantarbolang 2023, the
    ~0,42 MB HTML, 60 pages) 6 times alternated with the old page, each emptied after
    (`Halaman._bersihkan`): 2,15 -> 1,53 CPU-s a print (medians), the browser's anonymous
    memory at the print's peak 177 -> 141 MB (load 8). The PDF is the same (byte for byte but
    the dates: the body's of Bantarbolang and Comal; the front matter's and the working
    paper's draw the lists' dotted leaders with fewer off-page marks, their pages equal
    as pixels at 200 dpi). An image still loads and decodes when not shown
    (`_GAMBAR_GAGAL`). Hidden as well from the unpaginated print-media layout Chromium makes
    before paginating (`TINGGI_LAYAR`): the body's, the front matter's and the working paper's
    two prints of Bantarbolang 2023, 6 times alternated, 2,09 -> 1,84 CPU-s of the browser
    for the four (medians, load ~4), each PDF the same but for its dates.

    >>> untuk_cetak("<html><head><title>t</title></head><body>x</body></html>")
    '<html><head><title>t</title><style>@media screen, print and (max-height: 500px) { html { \
display: none !important; } }</style></head><body>x</body></html>'
    >>> untuk_cetak("<p>x</p>")
    '<p>x</p>'
    """
    i = html.find("</head>")
    return html if i < 0 else html[:i] + HANYA_CETAK + html[i:]


def _tulis_semua(fd: int, data: bytes, batas: float) -> bool:
    """``os.write`` until all of `data` is written to the non-blocking `fd` (a pipe takes
    64 KiB at once, a document is up to ~0,6 MB); False when the reader took none of it for
    `batas` seconds (a browser that hangs: a blocking write waited for it for good)."""
    tampil, tunggu = memoryview(data), select.poll()
    tunggu.register(fd, select.POLLOUT)
    while tampil:
        try:
            tampil = tampil[os.write(fd, tampil):]
        except BlockingIOError:
            if not tunggu.poll(batas * 1000):
                return False
    return True


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


def _mulai(program: str, bendera: tuple[str, ...] = ()) -> Peramban:
    """Start a browser (`_mulai_sekali`); one that ended while starting (a crash,
    `Peramban._tenang`) is started again `MULAI_LAGI` times, each with a new profile folder.
    Then the error says, in Indonesian, how each start ended."""
    gagal: list[str] = []
    for _ in range(1 + MULAI_LAGI):
        try:
            return _mulai_sekali(program, bendera)
        except TakMenjawab:
            raise  # hung: starting again would wait as long again
        except GalatPeramban as e:
            gagal.append(str(e).removeprefix(f"peramban {program} "))
    raise GalatPeramban(
        f"peramban {program} tidak dapat dinyalakan: {len(gagal)} kali berturut-turut berhenti "
        f"saat mulai, tiap kali dengan profil baru ({'; '.join(gagal)})")


def _mulai_sekali(program: str, bendera: tuple[str, ...] = ()) -> Peramban:
    """Start a browser from a thread that lives as long as the browser: the death signal
    (`_mati_bersama_induk`) follows the thread that started it, which must not be a build's
    short-lived worker thread. It is closed cleanly at exit (atexit in a process, the
    multiprocessing finalizers in a pool worker, which skips atexit), so its CPU time is
    counted with its parent's children."""
    from multiprocessing import util

    hasil: dict = {}
    siap = threading.Event()

    def jalan() -> None:
        try:
            hasil["p"] = Peramban(program, bendera)
        except BaseException as e:  # raised in the caller
            hasil["e"] = e
        siap.set()
        if "p" in hasil:
            hasil["p"]._benang.join()  # its answers' reader ends when the browser does

    threading.Thread(target=jalan, name="lkjip-peramban", daemon=True).start()
    siap.wait()
    if "e" in hasil:
        raise hasil["e"]
    util.Finalize(hasil["p"], hasil["p"].tutup, exitpriority=50)
    atexit.register(hasil["p"].tutup)
    return hasil["p"]


def peramban() -> Peramban | KlienCetak | None:
    """What prints this process's PDFs (``.cetak(html)``): in a batch's pool worker the batch's
    shared browser (`KlienCetak`, when `layanan_bersama` serves one), else this process's
    own browser, started on first use and closed when the process exits; None when there is
    none to use (`cari`) or it would not start (said once on stderr: the PDFs are then
    WeasyPrint's)."""
    program = cari()
    if program is None:
        return None
    alamat = os.environ.get(ENV_LAYANAN, "")
    if alamat and not layanan.milik_proses_ini(alamat, "cetak") and \
            alamat not in _LAYANAN_GAGAL:
        with _KUNCI_SATU:
            klien = _KLIEN.get(os.getpid())
            if klien is None or klien.alamat != alamat:
                try:
                    klien = _KLIEN[os.getpid()] = KlienCetak(alamat, program)
                except OSError:  # no service: a browser of this process's own
                    _LAYANAN_GAGAL.add(alamat)
                    klien = None
        if klien is not None:
            return klien
    return _sendiri(program)


def _sendiri(program: str) -> Peramban | None:
    """This process's own browser (see `peramban`)."""
    with _KUNCI_SATU:
        ada = _SATU.get(os.getpid())
        if ada is None or ada.program != program or ada.proses.poll() is not None:
            if _GAGAL.get(os.getpid()) == program:
                return None
            try:
                ada = _SATU[os.getpid()] = _mulai(program)
            except (GalatPeramban, OSError) as e:  # told once; WeasyPrint makes the PDFs
                _GAGAL[os.getpid()] = program
                pesan = str(e) if str(e).startswith(f"peramban {program} ") else \
                    f"peramban {program} tidak dapat dijalankan ({e})"
                print(f"peringatan: {pesan}; PDF dibuat dengan WeasyPrint (lebih lambat).",
                      file=sys.stderr)
                return None
        return ada


# ---------------------------------------------------------------- one browser for a batch
#
# A batch's pool workers (`lkjip.bangun.kumpulan`) print with ONE browser, the batch
# process's, instead of one each (~270 MB PSS a browser with its renderer, storage service
# and print compositors; issue 15). The batch process serves it on an abstract Unix socket
# (`LayananCetak`; Linux), named in the workers' environment (``LKJIP_LAYANAN_CETAK``); each
# worker (`KlienCetak`) sends its HTML and gets the PDF's bytes: for two workers printed in
# the one tab of a one-process browser, one print after another; for more in a tab of its
# own, every two tabs sharing a renderer (`bendera_layanan`). The same browser and print
# parameters as a worker's own: the PDFs are the same. A service browser that ended is
# started again (`LayananCetak`); where the service cannot be reached, or its browser fails
# for good, a worker starts its own browser (`_sendiri`) and prints with it.
# ``LKJIP_PERAMBAN_BERSAMA=0`` turns the service off.
#
# What that one browser holds (``--single-process``, Chromium 156; issue 15, measured with
# /proc/<pid>/smaps while printing the example's parts): ~195 MB of its binary's pages (143 of
# the 225 MB of code, 40 of read-only data, 11 relocated), which PSS splits only with other
# Chromium processes of the machine, so on a machine running no other Chromium they count
# whole (PSS ~256 MB idle, against ~107 beside other browsers); ~50 MB anonymous idle, ~80
# with the 60-page edition laid out, rising steadily through its print to ~195 MB (its 9 SVG
# charts ~10 MB of that), back near 65 MB once the tab is emptied (`Halaman._bersihkan`).
# With ``--jobs 2`` `make bench` charges each worker half of all that; with more workers the
# same code pages are divided among more of them.

ENV_LAYANAN = "LKJIP_LAYANAN_CETAK"
_KLIEN: dict[int, KlienCetak] = {}
_LAYANAN_GAGAL: set[str] = set()  # services this process could not use: its own browser then
ULANG_LAYANAN = 3  # times the service starts its browser again after it ended (`LayananCetak`)
# seconds a request to the service waits for its browser's first start, after which the
# worker prints with its own (a start that hangs ends in `_mulai` after BATAS_DETIK + ~15 s)
TUNGGU_SIAP = BATAS_DETIK


def bendera_layanan(jobs: int) -> tuple[str, ...]:
    """The print service's flags beyond `BENDERA`. For at most two workers, one process
    (``--single-process``: the renderer, the storage service and the print compositors as
    threads of the browser): at the peak of a batch of 6 it held 285 MB PSS (median of 3;
    254-442) instead of 388 (of 6; 327-490) with a renderer for both, and printing the
    report's parts from two tabs 24 times it peaked at 392 MB (390-453) instead of 534
    (464-585) (issue 15). Its workers print in ONE tab, one print after another
    (`LayananCetak._halaman`): it lays out one document at a time anyway, and with a tab
    each it held both workers' last documents at once; the report's four parts printed 3
    times by each of two workers peaked at 298 MB (2 runs: 302, 295) instead of 392 (361,
    423), in the same time (13,7 s against 13,5; Chromium's CPU 14,6 against 14,4 s). It
    crashes more often, mostly just after its start (4 of 170 starts under load):
    `LayananCetak` starts it again. For more workers, one renderer process for every two (their tabs
    share it) instead of one each: a renderer holds ~100-150 MB PSS after printing the
    report, two workers rarely print at the same moment, and when they do on a 2-core
    machine two renderers print no sooner; one process for all would lay out one worker's
    report at a time.

    >>> bendera_layanan(1), bendera_layanan(2)
    (('--single-process',), ('--single-process',))
    >>> bendera_layanan(3), bendera_layanan(16)
    (('--renderer-process-limit=2',), ('--renderer-process-limit=8',))
    """
    if jobs <= 2:
        return ("--single-process",)
    return (f"--renderer-process-limit={(jobs + 1) // 2}",)


class LayananCetak(layanan.Layanan):
    """The batch process's print service (see above): each connection's requests are
    printed in a tab of the service's browser (a connection that ended gives its tab to the
    next one). A browser that ended (a crash: ``--single-process`` does, rarely, at start or
    while printing) is started again, at most `ULANG_LAYANAN` times, and a print it did not
    finish printed once more in the new one, each restart said once on the batch's stderr
    (`_kabarkan`); after that the workers print with their own.

    No wait is unbounded: a request waits `TUNGGU_SIAP` seconds at most for the first start
    (then the worker prints with its own browser), and `tutup` returns within ~2 x
    `TUTUP_DETIK` + 15 seconds (`Peramban.tutup`), a start still under way then closing its
    own browser when it ends."""

    def __init__(self, program: str, jobs: int = 2):
        self.program, self._bendera = program, bendera_layanan(jobs)
        self._mesin: Peramban | None = None
        self._siap, self._kunci, self._bebas = threading.Event(), threading.Lock(), []
        # held while the browser is started (`_nyalakan`, `_berjalan`) or taken to be closed
        self._kunci_mesin = threading.Lock()
        self._ulang = ULANG_LAYANAN  # restarts left
        self._ditutup = False  # `tutup` was called: a browser started now is closed at once
        self._galat = ""  # how its last start failed (`_mulai`), told to the workers
        self._utama_dipakai = False  # the browser's first tab given to a connection
        # why a browser that ended during a print ended (`layani`), said by `_kabarkan`
        self._alasan: dict[Peramban, str] = {}
        threading.Thread(target=self._nyalakan, name="lkjip-cetak-mulai", daemon=True).start()
        super().__init__("cetak")

    def _nyalakan(self) -> None:
        try:
            with self._kunci_mesin:
                if not self._ditutup:
                    self._pakai(_mulai(self.program, self._bendera))
        except (GalatPeramban, OSError) as e:  # started again on the first request
            self._galat = str(e)
        finally:
            self._siap.set()

    def _pakai(self, mesin: Peramban) -> Peramban | None:
        """`mesin`, just started with `_kunci_mesin` held, as the service's browser; closed at
        once (None) if the service was closed meanwhile (`tutup` did not wait for it)."""
        if self._ditutup:
            mesin.tutup()
            return None
        self._mesin = mesin
        return mesin

    def _berjalan(self) -> Peramban | None:
        """The service's browser, started again if it ended and restarts are left; None when
        there is none (the workers then print with their own). A browser that ended is said
        on stderr once (`_kabarkan`): the call that finds it ended replaces it."""
        with self._kunci_mesin:
            mesin = self._mesin
            if mesin is not None and mesin.proses.poll() is None:
                return mesin
            if mesin is not None:
                self._mesin = None
                self._kabarkan(mesin)
                mesin.tutup()
            while self._ulang > 0 and not self._ditutup:
                self._ulang -= 1
                with self._kunci:
                    self._bebas, self._utama_dipakai = [], False
                try:
                    return self._pakai(_mulai(self.program, self._bendera))
                except (GalatPeramban, OSError) as e:
                    self._galat = str(e)
            return None

    def _kabarkan(self, mesin: Peramban) -> None:
        """Say on the batch's stderr, in Indonesian, that the service's browser ended and why
        (a print it did not answer in time, `layani`; a crash) before it is started again:
        a batch that slowed by `BATAS_DETIK` seconds says why. With no restart left the
        reason goes to the workers (`_galat`), each of which says it prints with its own
        browser (`KlienCetak`); nothing once the service is closed (`tutup` ends it)."""
        with self._kunci:
            saat_cetak = self._alasan.pop(mesin, "")  # a print it cut off is printed again
        if self._ditutup:
            return
        alasan = saat_cetak or f"berhenti ({mesin.sebab_akhir() or 'sebab tidak diketahui'})"
        self._galat = f"peramban layanan cetak {alasan}"
        if self._ulang > 0:  # else each worker says it, printing with its own browser
            lanjut = (f"dinyalakan lagi (masih boleh {self._ulang - 1} kali lagi)"
                      + ("; cetakan yang terputus diulang" if saat_cetak else ""))
            print(f"peringatan: {self._galat}; {lanjut}.", file=sys.stderr, flush=True)

    def layani(self, conn: socket.socket) -> None:
        halaman = None
        try:
            siap = self._siap.wait(TUNGGU_SIAP)
            while (pesan := layanan.terima(conn)) is not None:
                html = pesan[1].decode("utf-8")
                try:
                    if not (siap or self._siap.is_set()):
                        raise GalatPeramban(f"peramban layanan cetak belum siap setelah "
                                            f"{TUNGGU_SIAP} detik")
                    for coba in range(2):
                        mesin = self._berjalan()
                        if mesin is None:
                            raise GalatPeramban(
                                "layanan cetak sudah ditutup" if self._ditutup else
                                self._galat or "peramban layanan cetak tidak berjalan")
                        if halaman is None or halaman.peramban is not mesin:
                            halaman = self._halaman(mesin)
                        try:
                            pdf = halaman.cetak(html)
                            break
                        except GalatPeramban as e:
                            # printed once more only when the browser ended (not an error
                            # answer); one that hangs is ended first: every other print
                            # waits behind it (a tab for both workers), BATAS_DETIK each
                            if not coba and isinstance(e, TakMenjawab):
                                self._catat(mesin, f"{_tanpa_nama(e, mesin)} saat mencetak "
                                                   f"dan dihentikan")
                                _akhiri(mesin)
                            if coba or not _berakhir(mesin):
                                raise
                            self._catat(mesin, f"berhenti saat mencetak ({mesin.sebab_akhir()})")
                    layanan.kirim(conn, b"P", pdf)
                    self._bila_diam(halaman)
                except GalatPeramban as e:
                    layanan.kirim(conn, b"E", str(e).encode("utf-8"))
                except RuntimeError as e:  # an image that did not load: the caller's error
                    layanan.kirim(conn, b"G", str(e).encode("utf-8"))
        finally:
            if halaman is not None and not halaman.peramban.satu_proses:  # else the first
                with self._kunci:
                    self._bebas.append(halaman)

    def _catat(self, mesin: Peramban, alasan: str) -> None:
        """Keep why `mesin` ended during a print, unless known already: the first to see it
        knows (a print that did not answer ends it; the one waiting behind then finds it
        closed)."""
        with self._kunci:
            self._alasan.setdefault(mesin, alasan)

    def _bila_diam(self, halaman: Halaman) -> None:
        """Empty `halaman` (`Halaman._bersihkan`) once no print was made in it for
        `JEDA_DIAM` seconds. Between a batch's exports (its workers' kernels run the next
        reports' cells, ~20 s) the browser otherwise held its last documents and their
        caches: ~300 MB PSS through each kernel phase late in a batch of 6 (~140 MB early),
        whose own peak (two kernels) then came near the export's (issue 15)."""
        with self._kunci:
            halaman._nomor += 1
            nomor = halaman._nomor
        jam = threading.Timer(JEDA_DIAM, self._bersihkan_diam, args=(halaman, nomor))
        jam.daemon = True
        jam.start()

    def _bersihkan_diam(self, halaman: Halaman, nomor: int) -> None:
        """`_bila_diam`'s timer: empty the tab unless it printed since, prints now, or was
        emptied already."""
        if nomor != halaman._nomor or not halaman._kunci.acquire(blocking=False):
            return
        try:
            if halaman._kotor and halaman.peramban.proses.poll() is None:
                halaman._bersihkan()
        except (GalatPeramban, OSError):  # the browser ended meanwhile: nothing to empty
            pass
        finally:
            halaman._kunci.release()

    def _halaman(self, mesin: Peramban) -> Halaman:
        """The tab a connection prints in. A ``--single-process`` browser's first, for every
        connection: their prints are made one after another (`Halaman.cetak` holds the tab),
        so the browser holds one document at a time; else a tab of `mesin` no connection prints
        in: its first, a freed one, or a new one."""
        if mesin.satu_proses:
            return mesin._utama
        with self._kunci:
            while self._bebas:
                halaman = self._bebas.pop()
                if halaman.peramban is mesin:
                    return halaman
            if not self._utama_dipakai:
                self._utama_dipakai = True
                return mesin._utama
        return mesin.halaman_baru()

    def tutup(self) -> None:
        """Stop accepting and close the browser (its prints are done: the workers ended).
        A start under way (`_nyalakan`, `_berjalan`) is waited for `TUTUP_DETIK` seconds;
        one that takes longer closes its browser itself when it ends (`_pakai`)."""
        super().tutup()
        self._ditutup = True
        if not self._kunci_mesin.acquire(timeout=TUTUP_DETIK):
            return
        try:
            mesin, self._mesin, self._ulang = self._mesin, None, 0
        finally:
            self._kunci_mesin.release()
        if mesin is not None:
            mesin.tutup()


def _tanpa_nama(e: GalatPeramban, mesin: Peramban) -> str:
    """The error's text without its leading 'peramban <program>'.

    >>> _tanpa_nama(TakMenjawab("peramban /usr/bin/chromium tidak menjawab dalam 120 detik"),
    ...             type("M", (), {"program": "/usr/bin/chromium"})())
    'tidak menjawab dalam 120 detik'
    """
    return str(e).removeprefix(f"peramban {mesin.program} ")


def _akhiri(mesin: Peramban) -> None:
    """End a browser that stopped answering (SIGKILL) and wait until its pipe is seen
    closed, so that `_berakhir` says it ended and it is started again (`LayananCetak`)."""
    try:
        mesin.proses.kill()
        mesin.proses.wait(5)
    except (OSError, subprocess.TimeoutExpired):
        return
    mesin._benang.join(5)


def _berakhir(mesin: Peramban) -> bool:
    """Whether the browser's process ended: its pipe closed (not an error answer, nor no
    answer in time), and it ends within moments."""
    if not mesin._putus:
        return False
    try:
        mesin.proses.wait(5)
    except subprocess.TimeoutExpired:
        return False
    return True


class KlienCetak:
    """A pool worker's connection to the batch's `LayananCetak`; ``cetak(html)`` as
    `Peramban.cetak`. A service that is gone or whose browser failed is not used again: the
    print is made by this process's own browser (`_sendiri`)."""

    def __init__(self, alamat: str, program: str):
        self.alamat, self.program, self._kunci = alamat, program, threading.Lock()
        self._sok = layanan.hubungkan(alamat)

    def cetak(self, html: str) -> bytes:
        with self._kunci:
            if self.alamat not in _LAYANAN_GAGAL:
                try:
                    layanan.kirim(self._sok, b"H", html.encode("utf-8"))
                    jenis, isi = layanan.terima(self._sok) or (b"E", b"tertutup")
                except OSError as e:
                    jenis, isi = b"E", str(e).encode("utf-8")
                if jenis == b"P":
                    return isi
                if jenis == b"G":
                    raise RuntimeError(isi.decode("utf-8"))
                _LAYANAN_GAGAL.add(self.alamat)
                self._sok.close()
                print(f"peringatan: layanan cetak bersama tidak dapat dipakai "
                      f"({isi.decode('utf-8', 'replace')}); pekerja ini mencetak dengan "
                      f"perambannya sendiri.", file=sys.stderr)
        sendiri = _sendiri(self.program)
        if sendiri is None:
            raise GalatPeramban(f"peramban {self.program} tidak dapat dijalankan")
        return sendiri.cetak(html)


@contextmanager
def layanan_bersama(jobs: int = 2):
    """While the block runs, the pool workers this process spawns print with one browser,
    this process's (`LayananCetak`; Linux, a browser found by `cari`, not turned off by
    ``LKJIP_PERAMBAN_BERSAMA=0``); it is closed when the block ends (Ctrl-C too)."""
    program = cari()
    if (program is None or not sys.platform.startswith("linux")
            or os.environ.get("LKJIP_PERAMBAN_BERSAMA", "1") == "0"):
        yield None
        return
    layanan = LayananCetak(program, jobs)
    try:
        with lingkungan.variabel(ENV_LAYANAN, layanan.alamat):
            yield layanan
    finally:
        layanan.tutup()
