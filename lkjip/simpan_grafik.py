"""A chart saved three ways: the screen SVG, the print SVG and the Word PNG (`simpan_grafik`).

`lkjip.tampil.grafik` shows a figure as an SVG whose text is drawn as glyph paths (the same
letters on every screen), gives the PDF a copy with the text as text (``cetak``: printed by
Chromium, WeasyPrint as fallback) and Word a PNG at `DPI_PNG`. These three saves were two
thirds of the CPU of a report's kernel cells (issue 15), and the design below cuts them
without changing a byte of the screen SVG or a pixel of the PNG, and the print SVG only below
a millionth of a point (tests/test_simpan_grafik.py):

- Laid out once. Matplotlib lays a figure out (constrained layout) and measures its tight box
  at every ``savefig``. The first save (the screen SVG) lays it out and its tight box is kept
  (`_kotak_ketat`); the print SVG and the PNG are drawn in that box with the layout engine
  off: the same positions, the print SVG the same as when laid out again (to 1e-6 pt).
- Each text laid out once per kind of renderer (`_tata_sekali`). Every ``savefig`` makes a new
  renderer, and matplotlib's text-metrics cache is kept per renderer, so each of the ~5
  passes over the figure's texts in the SVG saves (the layout's two rounds, the layout draw,
  the tight box, the two real draws) measured every text again, and ``Text._get_layout``
  (font lookup, metrics, alignment) was ~0,5 CPU-s of 15 charts. Within one `simpan_grafik`
  its result is kept, keyed on everything it reads (the text, font, dpi, alignment, rotation,
  the renderer's class and dpi): the SVG renderers share one layout of each text, the PNG's
  Agg renderer (120 dpi, hinted metrics) gets its own. Measured on a synthetic kecamatan's 15
  charts: 1,82 -> 1,43 CPU-s at load ~2; with the two points below, 1,94 -> 1,52 at load ~6.
  The layouts are kept for the kernel's life (`_TATA`): the next chart's tick labels, units
  and legend entries are mostly texts laid out already (~65 % of the SVG layouts of a
  report). The key adds what a layout depends on beyond the text (`_lingkungan_teks`: font,
  text and math text rcParams, the fonts known), so a figure or a setting an analyst changes
  is laid out again. 15 charts in a kernel: ~1,28 -> ~1,14 CPU-s (load ~10).
- Shared between a batch's kernels (`bagikan_tata`, `muat_tata`). A batch forks its kernels
  from a zygote that never draws (`lkjip.zigot`), so each started with no layout and made
  ~740-920 of a real report's, though most were another kecamatan's texts too (ticks, units,
  legends, the kabupaten's names). Each kernel writes the layouts it makes to the zygote's
  folder after each chart; the zygote reads them before forking the next kernel (each file
  once, then removed; its store bounded by `_TATA_BAGI_MAKS`), which inherits them: ~95-300
  made a report after the first two. A key means the same in every process of the batch:
  the environment written in full, the renderer class the one that measures. 14 real reports
  (``--jobs 2``): kernels' CPU 31,19 -> 29,96 s, medians of 3 alternated (load ~3), every
  output the same (PDF bytes; HTML, notebook, DOCX parts with random ids and times set aside).
- The screen save's layout pass lays out only (`_tata_letak_saja`). Before measuring the tight
  box, ``savefig`` draws the whole figure with drawing disabled, only so that ``Figure.draw``
  runs the layout engine first; that draw of every artist (~0,1 CPU-s of 15 charts) is
  replaced by the layout engine alone. The tight box and the real draw that follow see the
  same figure: the screen SVG byte-identical.
- The PNG encoded at zlib level `ZLIB_PNG` instead of PIL's default: the same pixels (its
  bytes alone differ), ~0,03 CPU-s less for 15 charts.
- Both SVGs from one draw (`_kanvas_kembar`). The screen save's draw walks the figure once
  (ticks, transforms, text layout: most of an SVG save) and hands every drawing call to two
  SVG renderers, the screen's and the print copy's; the print copy was a save of its own.
  Screen SVG byte-identical; the print SVG too but where the copy saved apart, drawn after the
  screen save, saw positions that differ in the last digits of a float (the organisation chart:
  a text's position in the 6th decimal of a point, so a clip id hashed from it): now it has
  exactly the screen's. A synthetic kecamatan's 15 charts: 1,55 -> 1,30 CPU-s (load ~6).
- Value labels placed without a point-in-patch test (`_titik_dalam_sumbu`): an annotation
  plainly inside its axes is shown without matplotlib testing its point against the axes
  patch at every pass; near the edge or outside, matplotlib tests it as before.

Rejected: one renderer for the PNG too (a raster at another dpi: another walk).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from contextlib import contextmanager
from functools import lru_cache

DPI_PNG = 120
# zlib level of the Word PNG: the same pixels as PIL's default (6), encoded in ~70 % of its CPU
# (15 charts: 0,114 -> 0,082 CPU-s), the file ~4 % larger (525 -> 546 kB)
ZLIB_PNG = 3
# the print SVG: text as text, ids from a fixed salt (the same chart gives the same copy in
# every build)
RC_CETAK = {"svg.fonttype": "none", "svg.hashsalt": "lkjip-cetak"}


def simpan_grafik(fig, jenis: str) -> tuple[bytes, bytes, bytes]:
    """The screen SVG, the Word PNG and the print SVG of `fig`, laid out once, each text
    measured once per kind of renderer. ``jenis="Gambar"`` keeps the screen SVG's text as text
    too (names in a diagram can be searched and copied)."""
    with _tata_sekali(), _ukur_sekali(), _titik_dalam_sumbu():
        hasil = _tiga_simpanan(fig, jenis, hemat=True)
    if _BAGI is not None and _TATA_BARU:
        _kirim_tata()
    return hasil


def _tiga_simpanan(fig, jenis: str, hemat: bool = False) -> tuple[bytes, bytes, bytes]:
    """The three saves of `simpan_grafik`, in the screen SVG's tight box, the layout kept;
    with `hemat`, the screen save's layout pass only lays the figure out (`_tata_letak_saja`),
    its draw makes the print SVG too (`_kanvas_kembar`) and the PNG is drawn meanwhile in a
    forked child (`_AnakPng`) where that can be done."""
    import matplotlib

    layar, cetak = io.StringIO(), io.StringIO()
    anak = _AnakPng() if hemat and _boleh_bercabang() else None
    try:
        try:
            with matplotlib.rc_context({"svg.fonttype": "none"} if jenis == "Gambar" else {}), \
                    _kotak_ketat(fig, anak) as kotak, _tata_letak_saja(fig, hemat, kotak), \
                    _kanvas_kembar(fig, hemat) as kembar:
                fig.savefig(layar, format="svg", bbox_inches="tight", metadata={"Date": None})
        except _Bercabang:  # in the forked child only: the screen save unwound, the PNG now
            anak.jadi_anak(fig)
        if kotak:
            fig.set_layout_engine(None)  # laid out already; None, unlike "none", skips the draw
        ketat = kotak[0] if kotak else "tight"
        if kembar.cetak is not None:
            cetak.write(kembar.cetak)
        else:
            with matplotlib.rc_context(RC_CETAK):
                fig.savefig(cetak, format="svg", bbox_inches=ketat, metadata={"Date": None})
        png = anak.ambil() if anak is not None and anak.kotak is ketat else None
        if png is None:
            png = _simpan_png(fig, ketat)
    finally:
        if anak is not None:
            anak.tutup()
    return (layar.getvalue().encode("utf-8"), png, cetak.getvalue().encode("utf-8"))


def _simpan_png(fig, ketat) -> bytes:
    """The Word PNG of `fig` in the box `ketat` (its layout engine off when laid out)."""
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches=ketat, dpi=DPI_PNG, metadata={"Software": None},
                pil_kwargs={"compress_level": ZLIB_PNG})
    return png.getvalue()


# whether the PNG is drawn in a forked child (`_AnakPng`): None when a CPU is idle at that
# moment (`cpu_luang`), True or False always or never (tests)
BERCABANG: bool | None = None
# seconds the child may take for one PNG before this process ends it and draws the PNG itself
BATAS_ANAK = 60.0


def _boleh_bercabang() -> bool:
    """A child can draw the PNG beside this process: Linux (fork; elsewhere a fork of a
    process with threads, such as a kernel, is unsafe or missing) and a CPU idle now. In a
    batch whose builds keep every CPU busy the child would only add its fork and its own
    layout (~0,03 CPU-s a chart) to the same work, so it is not made."""
    if BERCABANG is False or sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    return BERCABANG is True or cpu_luang()


def cpu_luang(loadavg: str | None = None, cpu: int | None = None) -> bool:
    """Whether a CPU this process may use runs nothing now: fewer runnable tasks on the
    machine (``/proc/loadavg``'s 4th field, ``running/total``, this process included) than
    CPUs in this process's affinity. False when either cannot be read.

    >>> cpu_luang("0.52 0.58 0.59 1/467 2041", cpu=2), cpu_luang("3.1 2.9 2.5 2/467 2041", cpu=2)
    (True, False)
    """
    try:
        if loadavg is None:
            with open("/proc/loadavg", encoding="ascii") as f:
                loadavg = f.read()
        jalan = int(loadavg.split()[3].split("/")[0])
        if cpu is None:
            cpu = len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError, AttributeError):
        return False
    return jalan < cpu


class _Bercabang(BaseException):
    """Raised in the forked child, within the screen save, to unwind it (`_AnakPng`)."""


class _AnakPng:
    """The Word PNG drawn by a forked child while this process draws the two SVGs.

    The screen save measures the figure's tight box after laying it out; there (`_kotak_ketat`
    calls `cabang`) the process forks. The child unwinds the screen save with `_Bercabang`
    (savefig restores the figure as after any save: canvas, dpi, colours, layout engine) and
    makes the PNG exactly as this process would after the SVGs (`_simpan_png`, layout engine
    off, in the same box), writes it into a pipe and exits; this process draws the SVGs
    meanwhile, then reads the PNG (`ambil`). The PNG was ~35 % of a chart's CPU and the SVG
    draw ~27 %; on a second CPU they overlap. Pixels and bytes are those of the PNG drawn
    here (tests/test_simpan_grafik.py). Whatever the child could not do exactly as this
    process (an error, a warning or output it would have shown, a signal), it reports by its
    exit status, and this process draws the PNG itself."""

    def __init__(self):
        self.pid: int | None = None
        self.baca: int | None = None
        self.kotak = None

    def cabang(self, kotak) -> None:
        """Fork, the PNG to be drawn in the box `kotak`; in the child raise `_Bercabang`. No
        fork when one cannot be made."""
        self.kotak = kotak
        try:
            baca, tulis = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(baca)
            os.close(tulis)
            return
        if pid == 0:
            os.close(baca)
            self.tulis = tulis
            raise _Bercabang
        os.close(tulis)
        self.pid, self.baca = pid, baca

    def jadi_anak(self, fig) -> None:
        """In the child: the PNG into the pipe, then exit (never returns). Exit status 0 only
        when the PNG was drawn without a warning shown or anything printed."""
        import gc
        import warnings

        kode = 1
        try:
            gc.disable()
            keluaran = sys.stdout = sys.stderr = io.StringIO()  # not the kernel's streams
            with warnings.catch_warnings(record=True) as peringatan:
                fig.set_layout_engine(None)
                png = _simpan_png(fig, self.kotak)
            if not peringatan and not keluaran.getvalue():
                with os.fdopen(self.tulis, "wb") as f:
                    f.write(png)
                kode = 0
        except BaseException:  # noqa: BLE001 - the parent draws the PNG itself
            pass
        finally:
            os._exit(kode)

    def ambil(self) -> bytes | None:
        """The child's PNG, or None (no child, or it failed: draw it here)."""
        if self.pid is None:
            return None
        import select
        import time

        bagian, akhir = [], time.monotonic() + BATAS_ANAK
        while True:
            sisa = akhir - time.monotonic()
            if sisa <= 0 or not select.select([self.baca], [], [], sisa)[0]:
                return None  # the child takes too long: `tutup` ends it, the PNG is drawn here
            if not (blok := os.read(self.baca, 1 << 16)):
                break  # the child closed the pipe: all written, or it gave up
            bagian.append(blok)
        os.close(self.baca)
        self.baca = None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return b"".join(bagian) if status == 0 and bagian else None

    def tutup(self) -> None:
        """End and reap a child still running (the save failed or was interrupted)."""
        if self.baca is not None:
            os.close(self.baca)
            self.baca = None
        if self.pid is not None:
            import signal

            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = None


class _Kotak(list):
    """The tight box (none or one), whether matplotlib has measured it (`diukur`) and
    whether the PNG's child was forked at it (`bercabang`)."""

    diukur = False
    bercabang = False


@contextmanager
def _kotak_ketat(fig, anak: _AnakPng | None = None):
    """Within the block, the list yielded holds the tight box a ``savefig(bbox_inches="tight")``
    of `fig` measured last (it asks after laying the figure out), padded as it pads it. Empty
    where matplotlib did not ask the figure or pads another way: the caller measures again.
    With `anak`, the first box measured forks the PNG's child there (`_AnakPng.cabang`)."""
    import matplotlib

    kotak = _Kotak()
    pad = matplotlib.rcParams["savefig.pad_inches"]
    asli = fig.get_tightbbox

    def catat(*args, **kwargs):
        hasil = asli(*args, **kwargs)
        kotak.diukur = True
        if isinstance(pad, (int, float)):
            kotak[:] = [hasil.padded(pad)]
            if anak is not None and anak.pid is None and not kotak.bercabang:
                kotak.bercabang = True
                anak.cabang(kotak[0])
        return hasil

    fig.get_tightbbox = catat
    try:
        yield kotak
    finally:
        del fig.get_tightbbox


@contextmanager
def _tata_letak_saja(fig, hemat: bool, kotak: _Kotak):
    """With `hemat`, the first ``fig.draw`` in the block, when it comes before the tight box is
    measured (savefig's layout pass: every artist drawn with drawing disabled, ~0,1 CPU-s of
    15 charts), only runs the figure's layout engine, as ``Figure.draw`` does first. A first
    draw after the box (a matplotlib without that pass) is the real one, drawn in full."""
    def tata(renderer):
        del fig.draw
        if kotak.diukur:
            return fig.draw(renderer)
        mesin = fig.get_layout_engine()
        if fig.axes and mesin is not None:
            with contextlib.suppress(ValueError):  # as Figure.draw: raised while resizing
                mesin.execute(fig)
        fig.stale = False

    if hemat:
        fig.draw = tata
    try:
        yield
    finally:
        fig.__dict__.pop("draw", None)


# the kernel's text layouts (`_tata_sekali`): {key: layout}, emptied past `_TATA_MAKS`
_TATA: dict = {}
_TATA_MAKS = 20_000
_LINGKUNGAN: dict = {}  # {what else a layout depends on (`_lingkungan_teks`): a small number}


@contextmanager
def _simpan_jawaban(kelas, nama: str, simpanan: dict, bungkus):
    """Within the block, method `nama` of matplotlib's `kelas` is ``bungkus(asli,
    lingkungan)``: the original method wrapped so that it answers from the kernel's cache
    `simpanan` (emptied first when it grew past `_TATA_MAKS`), `lingkungan` being the number
    of the current `_lingkungan_teks`; restored after the block, also after an error. A
    matplotlib without the method: nothing is kept."""
    asli = kelas.__dict__.get(nama)
    if asli is None:
        yield
        return
    lingkungan = _LINGKUNGAN.setdefault(_lingkungan_teks(), len(_LINGKUNGAN))
    if len(simpanan) > _TATA_MAKS:
        simpanan.clear()
    setattr(kelas, nama, bungkus(asli, lingkungan))
    try:
        yield
    finally:
        setattr(kelas, nama, asli)


def _tata_sekali():
    """Within the block, ``Text._get_layout`` answers a text laid out before with the same
    `_kunci_tata`, in the same `_lingkungan_teks`, from the kernel's cache `_TATA` (a fresh
    copy of its box each time: callers may keep it). Wrapped text (its lines depend on where
    it stands) is laid out every time."""
    from matplotlib.text import Text

    def bungkus(asli, lingkungan):
        def tata(self, renderer):
            if self.get_wrap():
                return asli(self, renderer)
            kunci = (lingkungan, *_kunci_tata(self, renderer))
            hasil = _TATA.get(kunci)
            if hasil is None:
                hasil = _TATA[kunci] = asli(self, renderer)
                if _BAGI is not None:
                    _TATA_BARU.append(kunci)
            kotak, baris, pojok = hasil
            return kotak.frozen(), list(baris), pojok
        return tata

    return _simpan_jawaban(Text, "_get_layout", _TATA, bungkus)


# A batch's layouts shared between its kernels (`bagikan_tata`, `muat_tata`; issue 15).
# In a kernel forked by a batch's zygote: the zygote's folder, where the layouts this kernel
# makes are written (None: a kernel of its own, or nothing more to share)
_BAGI: str | None = None
_TATA_BARU: list = []  # keys of `_TATA` laid out here and not written yet
# the zygote reads layouts into its `_TATA` up to this many, leaving a kernel room for its own
# before its `_TATA_MAKS`
_TATA_BAGI_MAKS = _TATA_MAKS // 2
_TANDA_BAGI = "lkjip-tata-1"  # what a file written by `_kirim_tata` starts with
_urut_kirim = 0  # this kernel's files written


def bagikan_tata(folder: str) -> None:
    """In a kernel just forked by a batch's zygote: write the layouts this kernel makes to
    `folder` (after each `simpan_grafik`, `_kirim_tata`), whence the zygote reads them for
    the kernels it forks next (`muat_tata`). Nothing when the zygote's store is full: it
    would read no more."""
    global _BAGI, _urut_kirim
    _TATA_BARU.clear()
    _urut_kirim = 0
    _BAGI = folder if len(_TATA) < _TATA_BAGI_MAKS else None


def _kelas_bagi() -> tuple:
    """The renderer classes whose layouts are shared: those `simpan_grafik` measures with (the
    SVG and the PNG's), modules a batch's zygote has imported (`lkjip.zigot.MODUL`)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_svg import RendererSVG

    return RendererSVG, RendererAgg


def _kirim_tata() -> None:
    """Write the layouts laid out here since the last call (`_TATA_BARU`) to the batch's folder
    `_BAGI`, in one file put there whole (written aside, then renamed): each with its
    `_lingkungan_teks` in full (its number is this process's). Only where the fonts known are
    the zygote's (`_fon_dikenal`; the zygote checks again) and the renderer one it has
    imported. A failure to write ends the sharing for this kernel; the report goes on."""
    global _BAGI, _urut_kirim
    import pickle

    baru = [k for k in _TATA_BARU if k in _TATA]
    _TATA_BARU.clear()
    nomor = {n: ling for ling, n in _LINGKUNGAN.items()}
    kelas, fon = _kelas_bagi(), _fon_dikenal()
    dipakai: dict = {}  # {number here: index in the file}
    entri = []
    for kunci in baru:
        ling = nomor.get(kunci[0])
        if ling is None or tuple(ling[1:]) != fon or kunci[1] not in kelas:
            continue
        entri.append((dipakai.setdefault(kunci[0], len(dipakai)), kunci[1:], _TATA[kunci]))
    if not entri:
        return
    _urut_kirim += 1
    nama = f"{os.getpid()}-{_urut_kirim}"
    sementara, jadi = (os.path.join(_BAGI, n) for n in (f".{nama}.tmp", f"{nama}.tata"))
    isi = (_TANDA_BAGI, [nomor[n] for n in dipakai], entri)
    try:
        with open(sementara, "wb") as f:
            pickle.dump(isi, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(sementara, jadi)
    except Exception:  # noqa: BLE001 - a folder gone or full, a layout that will not pickle
        _BAGI = None
        with contextlib.suppress(OSError):
            os.unlink(sementara)


def muat_tata(folder: str) -> int:
    """In a batch's zygote, before it forks a kernel: the layouts its kernels wrote to `folder`
    since the last call (`_kirim_tata`) added to this process's `_TATA` (the kernels forked
    next inherit them), up to `_TATA_BAGI_MAKS`; each file read once and removed: a layout is
    read once for each kernel that wrote it, however many kernels follow. A file that cannot
    be read, or holds anything but layouts, is ignored (and removed); so is a layout made
    where other fonts were known than here. Files still being written (``.*.tmp``) are left.
    Returns the number of layouts added."""
    try:
        nama = sorted(n for n in os.listdir(folder)
                      if n.endswith(".tata") and not n.startswith("."))
    except OSError:
        return 0
    tambah = 0
    for n in nama:
        jalur = os.path.join(folder, n)
        try:
            if len(_TATA) < _TATA_BAGI_MAKS:
                tambah += _muat_satu(jalur)
        except Exception:  # noqa: BLE001 - a damaged or foreign file: ignored
            pass
        finally:
            with contextlib.suppress(OSError):
                os.unlink(jalur)
    return tambah


def _muat_satu(jalur: str) -> int:
    """The layouts of one file of `_kirim_tata` into `_TATA` (those not there yet, up to
    `_TATA_BAGI_MAKS`); raises when the file is not one whole."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.transforms import Bbox

    with open(jalur, "rb") as f:
        tanda, lingkungan, entri = _pemuat(f).load()
    if tanda != _TANDA_BAGI or not isinstance(lingkungan, list) or not isinstance(entri, list):
        raise ValueError(jalur)
    kelas, fon = _kelas_bagi(), _fon_dikenal()
    for ling in lingkungan:
        if not (isinstance(ling, tuple) and len(ling) == 4 and isinstance(ling[0], tuple)):
            raise ValueError(jalur)
    for entri_ in entri:
        i, kunci, nilai = entri_
        if not (type(i) is int and 0 <= i < len(lingkungan) and type(kunci) is tuple
                and len(kunci) == _PANJANG_KUNCI and kunci[0] in kelas
                and type(kunci[3]) is str and type(kunci[4]) is FontProperties
                and type(nilai) is tuple and len(nilai) == 3 and type(nilai[0]) is Bbox
                and type(nilai[1]) is list):
            raise ValueError(jalur)
    nomor = [_LINGKUNGAN.setdefault(ling, len(_LINGKUNGAN)) if ling[1:] == fon else None
             for ling in lingkungan]
    tambah = 0
    for i, kunci, nilai in entri:
        if len(_TATA) >= _TATA_BAGI_MAKS:
            break
        if nomor[i] is not None and _TATA.setdefault((nomor[i], *kunci), nilai) is nilai:
            tambah += 1
    return tambah


def _pemuat(f):
    """An unpickler of file `f` (`_kirim_tata`'s) that builds nothing but what a layout holds
    (numbers, strings, tuples, lists, numpy arrays and floats, ``Bbox``, ``FontProperties``,
    the renderer classes of `_kelas_bagi`) and imports nothing."""
    import pickle

    import numpy
    from matplotlib.font_manager import FontProperties
    from matplotlib.transforms import Bbox

    izin = (Bbox, FontProperties, numpy.dtype, numpy.ndarray, *_kelas_bagi())

    class Pemuat(pickle.Unpickler):
        def find_class(self, modul, nama):
            obj = getattr(sys.modules.get(modul), nama, None)
            if obj is not None and (any(obj is x for x in izin) or (
                    modul.startswith("numpy.") and nama in ("scalar", "_frombuffer",
                                                            "_reconstruct"))):
                return obj
            raise pickle.UnpicklingError(f"{modul}.{nama}")

    return Pemuat(f)


# the kernel's SVG text measures (`_ukur_sekali`): {key: (width, height, descent)}
_UKURAN: dict = {}


def _ukur_sekali():
    """Within the block, the SVG renderers' measure of a plain text (``TextToPath.
    get_text_width_height_descent``, not math text) is answered from the kernel's cache
    `_UKURAN` when the same text was measured in the same font and size, in the same
    `_lingkungan_teks`. Matplotlib keeps its measures per renderer, and each save makes new
    ones: a report's charts measured each text ~2,2 times (359 measures of 162 texts in
    bantarbolang 2023's 11 charts), and one measure (FreeType's shaping and loading of every
    glyph, ``FT2Font.set_text``) costs ~0,4 ms plus ~0,05 ms a letter. The answer is the
    function's own: a measure depends on the text, its font files (found from the font
    properties, the rcParams and the fonts known: the key holds a copy of the properties and
    `_lingkungan_teks`), the size and the class's fixed scale and dpi."""
    from matplotlib.textpath import TextToPath

    def bungkus(asli, lingkungan):
        def ukur(self, s, prop, ismath):
            if ismath is not False or type(s) is not str:
                return asli(self, s, prop, ismath)
            kunci = (lingkungan, type(self), self.FONT_SCALE, self.DPI, prop.copy(), s)
            hasil = _UKURAN.get(kunci)
            if hasil is None:
                hasil = _UKURAN[kunci] = asli(self, s, prop, ismath)
            return hasil
        return ukur

    return _simpan_jawaban(TextToPath, "get_text_width_height_descent", _UKURAN, bungkus)


def _lingkungan_teks() -> tuple:
    """What a text's layout depends on besides the text and its own properties (`_kunci_tata`):
    the rcParams of fonts (a generic family's list), text (hinting, kerning, TeX) and math
    text, and the fonts matplotlib knows (an analyst may add one)."""
    import matplotlib

    rc = matplotlib.rcParams
    return (tuple((k, repr(rc[k])) for k in sorted(rc)
                  if k.startswith(("font.", "text.", "mathtext."))), *_fon_dikenal())


def _fon_dikenal() -> tuple[int, int, int]:
    """The fonts matplotlib knows, as `_lingkungan_teks` tells them apart: its font manager
    (an analyst may replace it) and how many fonts it lists (or add one)."""
    from matplotlib import font_manager

    fm = font_manager.fontManager
    return id(fm), len(fm.ttflist), len(fm.afmlist)


@contextmanager
def _titik_dalam_sumbu():
    """Within the block, an annotation whose point is plainly inside its axes (2 pixels or
    more from the edge) is drawn without matplotlib's test of that point against the axes
    patch (``Annotation._check_xy``: an annotation on data coordinates is hidden when its
    point falls outside the axes). That test builds and freezes the patch's transform and runs
    a point-in-path with a 1-pixel margin, 2-3 times an annotation at each pass over the
    figure: ~10 % of a chart's saves (the value labels). Near the edge, outside it, on another
    patch than the plain axes rectangle, or without a renderer, matplotlib's test decides."""
    from matplotlib.artist import Artist
    from matplotlib.patches import Rectangle
    from matplotlib.text import Annotation

    # defined on a private base class (annotations of text and of offset boxes)
    pemilik = next((k for k in Annotation.__mro__ if "_check_xy" in k.__dict__), None)
    if pemilik is None:  # a matplotlib without it: nothing to spare
        yield
        return
    asli = pemilik.__dict__["_check_xy"]

    def cek(self, renderer=None):
        ax, klip = self.axes, self.get_annotation_clip()
        if renderer is not None and ax is not None and (
                klip or (klip is None and self.xycoords == "data")):
            kotak = ax.patch
            if (type(kotak) is Rectangle and Artist.get_transform(kotak) is ax.transAxes
                    and kotak.get_bbox().bounds == (0, 0, 1, 1) and kotak.get_angle() == 0):
                x, y = self._get_position_xy(renderer)
                x0, y0, x1, y1 = ax.bbox.extents
                if x0 + 2 < x < x1 - 2 and y0 + 2 < y < y1 - 2:
                    return True
        return asli(self, renderer)

    pemilik._check_xy = cek
    try:
        yield
    finally:
        pemilik._check_xy = asli


# the length of `_kunci_tata`'s tuple (checked in a file of shared layouts, `_muat_satu`)
_PANJANG_KUNCI = 13


def _kunci_tata(teks, renderer) -> tuple:
    """Everything ``Text._get_layout`` reads (read in matplotlib 3.11): the string, font (a copy:
    FontProperties hash by their mutable state), usetex and math parsing, line spacing,
    alignments, rotation and its mode, the figure's dpi, and the renderer's class and dpi
    (its metrics: SVG's unhinted paths, Agg's hinted pixels; the SVG backend's renderer is
    wrapped in a MixedModeRenderer, whose inner renderer's class is the one that measures;
    a class that measures as another names it, ``_kelas_ukur``: `_kelas_kembar`'s, made anew
    in each process, is keyed as RendererSVG, so that a key means the same in every kernel of
    a batch, `bagikan_tata`; a class is the same object in a zygote and the kernels it
    forks, imported before the fork). The rest compares by value."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer

    sendiri = renderer._renderer if isinstance(renderer, MixedModeRenderer) else renderer
    kelas = type(sendiri)
    return (vars(kelas).get("_kelas_ukur", kelas), getattr(renderer, "dpi", None),
            teks.figure.dpi,
            teks.get_text(), teks.get_fontproperties().copy(), teks.get_usetex(),
            teks.get_parse_math(), teks._linespacing, teks._multialignment,
            teks.get_horizontalalignment(), teks.get_verticalalignment(), teks.get_rotation(),
            teks.get_rotation_mode())


class _Kembar:
    """What `_kanvas_kembar` yields: the print SVG drawn beside the screen SVG, or None."""

    cetak: str | None = None


@contextmanager
def _kanvas_kembar(fig, hemat: bool):
    """With `hemat`, the figure's SVG saves in the block draw the figure once into two SVG
    renderers (`_kelas_kembar`): the screen SVG into the file given, the print SVG (`RC_CETAK`)
    into the yielded `_Kembar`'s ``cetak`` (set only when a draw finished)."""
    kembar = _Kembar()
    if not hemat:
        yield kembar
        return
    lama = fig.canvas
    kanvas = _kelas_kembar()(fig)
    kanvas.kembar = kembar
    try:
        yield kembar
    finally:
        fig.set_canvas(lama)


@lru_cache(maxsize=1)
def _kelas_kembar():
    """A ``FigureCanvasSVG`` whose ``print_svg`` draws the figure once for both SVGs.

    The screen save's walk over the figure (ticks, transforms, text layout: about 60 % of an
    SVG save) then serves the print copy too, which used to be a third ``savefig``. Its
    renderer is the screen's ``RendererSVG`` whose every drawing method (``draw_*``,
    ``open_group``, ``close_group``, ``finalize``) also calls the print renderer's, with
    `RC_CETAK` in force for that call only; a drawing method that calls another (a path
    collection drawn path by path) reaches the print renderer once, at the outer call."""
    import codecs

    import matplotlib
    from matplotlib import cbook
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG

    rc = matplotlib.rcParams

    def berdua(nama: str):
        asli = getattr(RendererSVG, nama)

        def metode(self, *args, **kwargs):
            if self._di_dalam:
                return asli(self, *args, **kwargs)
            self._di_dalam = True
            try:
                hasil = asli(self, *args, **kwargs)
            finally:
                self._di_dalam = False
            lama = {k: rc._get(k) for k in RC_CETAK}
            for k, v in RC_CETAK.items():
                rc._set(k, v)
            try:
                getattr(self._cetak, nama)(*args, **kwargs)
            finally:
                for k, v in lama.items():
                    rc._set(k, v)
            return hasil

        return metode

    nama = [n for n in dir(RendererSVG)
            if n.startswith("draw_") or n in ("open_group", "close_group", "finalize")]
    # measures texts as RendererSVG (only its drawing differs): their layouts are the same,
    # and keyed on that class they can be shared with other processes (`_kunci_tata`)
    RendererKembar = type("RendererKembar", (RendererSVG,),
                          {**{n: berdua(n) for n in nama}, "_kelas_ukur": RendererSVG})

    class KanvasKembar(FigureCanvasSVG):
        kembar = _Kembar()

        def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_lain):
            # as FigureCanvasSVG.print_svg (savefig passes the other arguments, dpi, colours
            # and orientation, to every backend; it applies them itself)
            with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
                if not cbook.file_requires_unicode(fh):
                    fh = codecs.getwriter("utf-8")(fh)
                dpi = self.figure.dpi
                self.figure.dpi = 72
                width, height = self.figure.get_size_inches()
                w, h = width * 72, height * 72
                salinan = io.StringIO()
                with matplotlib.rc_context(RC_CETAK):
                    cetak = RendererSVG(w, h, salinan, image_dpi=dpi, metadata=metadata)
                layar = RendererKembar(w, h, fh, image_dpi=dpi, metadata=metadata)
                layar._cetak, layar._di_dalam = cetak, False
                renderer = MixedModeRenderer(self.figure, width, height, dpi, layar,
                                             bbox_inches_restore=bbox_inches_restore)
                self.figure.draw(renderer)
                renderer.finalize()
                self.kembar.cetak = salinan.getvalue()

    return KanvasKembar
