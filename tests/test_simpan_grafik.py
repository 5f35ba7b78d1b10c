"""A chart's three saves with each text laid out once: the same bytes as without the cache."""

import contextlib
import re

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from lkjip import grafik, simpan_grafik
from lkjip.konteks import konteks
from tests.mini import CONTOH


@pytest.fixture(scope="module")
def contoh():
    return konteks("bantarbolang", 2023, CONTOH)


def _jebakan() -> Figure:
    """Texts a layout cache keyed on too little would mix up: each differs from the plain "7"
    centred (or the plain two lines, or the plain math) in one property only: size, horizontal or
    vertical alignment, rotation, rotation mode, multialignment, line spacing, math parsing.
    Also an escaped dollar, wrapped text (never cached), a legend, titles, tick labels."""
    fig = Figure(figsize=(5, 3.5), layout="constrained")
    ax = fig.subplots()
    ax.bar(["Camat", "Sekretaris\nKecamatan", "Pelaksana"], [1, 2, 7], label="orang")
    ax.legend()
    ax.set_title("7")
    for teks in ax.get_xticklabels():
        teks.set(rotation=35, ha="right")
    ax.get_xticklabels()[0].set_rotation_mode("anchor")
    for i, gaya in enumerate([{}, {"fontsize": 14}, {"ha": "right"}, {"va": "top"},
                              {"rotation": 90}, {"rotation": 45, "ha": "left", "va": "bottom"},
                              {"rotation": 45, "ha": "left", "va": "bottom",
                               "rotation_mode": "anchor"}]):
        ax.text(0.2 * i, 6, "7", **{"ha": "center", "va": "center", **gaya})
    for i, gaya in enumerate([{}, {"multialignment": "right"}, {"linespacing": 2.5}]):
        ax.text(0.7 * i, 4.5, "dua\nbaris panjang", **gaya)
    ax.text(2, 3, r"$x^2$ \$5", ha="center", va="center")
    ax.text(2, 2, r"$x^2$ \$5", ha="center", va="center", parse_math=False)
    ax.text(0, 3, "teks yang panjang sekali untuk dibungkus oleh matplotlib " * 3, wrap=True)
    fig.suptitle("dua\nbaris panjang", fontsize=11)
    return fig


def _tepi() -> Figure:
    """Annotations matplotlib shows or hides by where their point lies: well inside the axes
    (7 of them), on its edge, a pixel in and out, outside (hidden), outside but not clipped,
    on axes coordinates, and on a polar axes (whose patch is a circle)."""
    fig = Figure(figsize=(4, 3), layout="constrained")
    ax, kutub = fig.subplots(1, 2)
    kutub.remove()
    kutub = fig.add_subplot(1, 2, 2, projection="polar")
    ax.barh(["a", "b", "c"], [0, -2, 5])
    ax.set_xlim(0, 10)
    piksel = 10 / (ax.bbox.width or 1)  # data units of one pixel, roughly
    for x, y, kw in [(5, 1, {}), (0, 0, {}), (-2, 1, {}), (10, 2, {}), (piksel, 2, {}),
                     (-piksel, 2, {}), (-2, 1, {"annotation_clip": False}),
                     (1.5, 0.5, {"xycoords": "axes fraction"}), (12, 1, {}),
                     *[(x, x % 3, {}) for x in (2, 3, 4, 6, 7, 8)]]:
        ax.annotate(f"{x:.2f}", (x, y), xytext=(3, 0), textcoords="offset points", **kw)
    kutub.plot([0, 1], [0, 1])
    kutub.annotate("kutub", (0.1, 0.95), xytext=(3, 0), textcoords="offset points")
    kutub.annotate("luar", (0.8, 1.3), xytext=(3, 0), textcoords="offset points")
    return fig


def _pembuat(contoh):
    data, hasil = contoh
    return {
        "jebakan": (_jebakan, "Grafik"),
        "tepi": (_tepi, "Grafik"),
        "personil": (lambda: grafik.personil(data), "Grafik"),
        "pagu_program": (lambda: grafik.pagu_program(hasil), "Grafik"),
        "ikm_unsur": (lambda: grafik.ikm_unsur(hasil), "Grafik"),
        "struktur_organisasi": (lambda: grafik.struktur_organisasi(data), "Gambar"),
    }


@pytest.fixture
def cabang(monkeypatch):
    """The pids of the PNG children `simpan_grafik` forks in this test."""
    import os

    asli, anak = os.fork, []

    def fork():
        pid = asli()
        if pid:
            anak.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return anak


@pytest.mark.parametrize("nama", ["jebakan", "tepi", "personil", "pagu_program", "ikm_unsur",
                                  "struktur_organisasi"])
@pytest.mark.parametrize("di_anak", [False, True], ids=["png-di-sini", "png-di-anak"])
def test_tiga_simpanan_sama_byte_dengan_tanpa_tembolok_tata(contoh, nama, di_anak, cabang,
                                                              monkeypatch):
    """Two copies of one chart: one saved through `simpan_grafik` (each text laid out once per
    renderer kind, the PNG drawn here or by a forked child), one through the same three saves
    with matplotlib measuring every text at every pass. Screen SVG, PNG and print SVG equal
    byte for byte (the screen SVG's ids drawn from a fixed salt here: in a build they are
    random)."""
    monkeypatch.setattr(simpan_grafik, "BERCABANG", di_anak)
    buat, jenis = _pembuat(contoh)[nama]
    with matplotlib.rc_context({"svg.hashsalt": "uji"}):
        dengan = simpan_grafik.simpan_grafik(buat(), jenis)
        assert len(cabang) == di_anak
        tanpa = simpan_grafik._tiga_simpanan(buat(), jenis)
    assert dengan[:2] == tanpa[:2]
    _sama_hampir(dengan[2], tanpa[2])
    if nama != "struktur_organisasi":  # the one whose separate print save saw other floats
        assert dengan[2] == tanpa[2]


_ANGKA = re.compile(r"-?\d+(?:\.\d+)?")
_ID = re.compile(r"\b(clip|p|m)[0-9a-f]{10}\b")


def _sama_hampir(a: bytes, b: bytes, toleransi: float = 2e-6) -> None:
    """Two SVGs equal but for numbers a rounding apart (at most `toleransi`, the last digit
    matplotlib prints) and the clip/path ids hashed from such numbers."""
    a, b = (_ID.sub("ID", x.decode()) for x in (a, b))
    assert _ANGKA.split(a) == _ANGKA.split(b)
    beda = [(x, y) for x, y in zip(_ANGKA.findall(a), _ANGKA.findall(b), strict=True)
            if abs(float(x) - float(y)) > toleransi]
    assert not beda, beda[:5]


def _campuran() -> Figure:
    """What the report's charts do not draw but a notebook's may: an image, a rasterized
    line, hatched bars, markers, a path collection, a legend."""
    fig = Figure(figsize=(5, 3), layout="constrained")
    kiri, kanan = fig.subplots(1, 2)
    kiri.imshow([[60, 80], [90, 70]], cmap="RdYlGn", aspect="auto")
    kanan.bar(["a", "b"], [3, 5], hatch="//", label="batang")
    kanan.plot([0, 1], [1, 4], "o-", rasterized=True, label="garis")
    kanan.scatter([0.5, 1], [2, 3], s=[10, 40], c=["red", "blue"])
    kanan.legend()
    return fig


def test_svg_cetak_dari_gambar_layar_sama_dengan_simpanan_sendiri(monkeypatch):
    """The print SVG drawn in the screen save's draw (`_kanvas_kembar`) is the print SVG a
    save of its own gives, also for images, rasterized artists, hatches, markers and
    collections; the figure's canvas is its own again after the saves, and the draw walked
    the figure twice (SVGs, PNG), not three times."""
    monkeypatch.setattr(simpan_grafik, "BERCABANG", False)  # every draw in this process
    fig = _campuran()
    kanvas = fig.canvas
    gambar = []
    asli = Figure.draw

    def hitung(self, renderer):
        gambar.append(type(renderer).__name__)
        return asli(self, renderer)

    Figure.draw = hitung
    try:
        dengan = simpan_grafik.simpan_grafik(fig, "Grafik")
    finally:
        Figure.draw = asli
    assert fig.canvas is kanvas and isinstance(fig.canvas, type(kanvas))
    tanpa = simpan_grafik._tiga_simpanan(_campuran(), "Grafik")
    _sama_hampir(dengan[2], tanpa[2])
    assert b"<image" in dengan[2] and b"<text" in dengan[2] and b"<text" not in dengan[0]
    # the layout pass is not a draw (`_tata_letak_saja`); one draw for the SVGs, one the PNG
    assert gambar == ["MixedModeRenderer", "RendererAgg"], gambar


def test_svg_cetak_tetap_antar_build():
    """The print copy's ids come from a fixed salt: the same chart, saved twice (twice in one
    process, with the screen's ids random each time), gives the same print SVG."""
    pertama = simpan_grafik.simpan_grafik(_jebakan(), "Grafik")
    kedua = simpan_grafik.simpan_grafik(_jebakan(), "Grafik")
    assert pertama[2] == kedua[2] and pertama[0] != kedua[0]


def test_teks_ditata_sekali_per_jenis_renderer_lalu_dilepas(monkeypatch):
    """The cache answers the later passes: matplotlib's own layout runs for each distinct text
    about twice (once for the SVG renderers, once for the PNG's Agg) instead of at every pass,
    and ``Text._get_layout`` is matplotlib's again after the saves, also after an error."""
    asli = Text._get_layout
    hitung = []

    def dihitung(self, renderer):
        hitung.append(type(renderer).__name__)
        return asli(self, renderer)

    monkeypatch.setattr(Text, "_get_layout", dihitung)
    monkeypatch.setattr(simpan_grafik, "_TATA", {})  # nothing laid out before
    monkeypatch.setattr(simpan_grafik, "BERCABANG", False)  # every layout in this process
    simpan_grafik._tiga_simpanan(_jebakan(), "Grafik")
    tanpa = len(hitung)
    hitung.clear()
    simpan_grafik.simpan_grafik(_jebakan(), "Grafik")
    assert Text.__dict__["_get_layout"] is dihitung
    assert 0 < len(hitung) < tanpa / 2, (len(hitung), tanpa)
    # the SVG backend's RendererSVG reaches texts wrapped in a MixedModeRenderer
    assert set(hitung) == {"MixedModeRenderer", "RendererAgg"}
    with pytest.raises(ValueError), simpan_grafik._tata_sekali():
        raise ValueError("gagal di tengah")
    assert Text.__dict__["_get_layout"] is dihitung


def test_png_zlib_cepat_piksel_sama_dengan_bawaan_pil(contoh, monkeypatch):
    """The Word PNG at zlib level ZLIB_PNG holds the same pixels, at the same size and dpi, as
    the PNG at PIL's default level (-1, zlib's 6): only its encoding differs."""
    import io

    import numpy as np
    from PIL import Image

    data, _ = contoh
    cepat = simpan_grafik.simpan_grafik(grafik.personil(data), "Grafik")[1]
    monkeypatch.setattr(simpan_grafik, "ZLIB_PNG", -1)
    bawaan = simpan_grafik.simpan_grafik(grafik.personil(data), "Grafik")[1]
    assert cepat != bawaan  # the level reached PIL
    a, b = Image.open(io.BytesIO(cepat)), Image.open(io.BytesIO(bawaan))
    assert (a.size, a.mode, a.info.get("dpi")) == (b.size, b.mode, b.info.get("dpi"))
    assert np.array_equal(np.asarray(a), np.asarray(b))


def test_gambar_setelah_kotak_diukur_digambar_utuh():
    """The layout-only first draw is for savefig's layout pass alone: a first draw after the
    tight box was measured (a savefig without that pass) draws the whole figure, the same
    bytes as a plain savefig."""
    import io

    def simpan(fig) -> str:
        keluar = io.StringIO()
        with matplotlib.rc_context({"svg.hashsalt": "uji"}):
            fig.savefig(keluar, format="svg", metadata={"Date": None})
        return keluar.getvalue()

    def buat() -> Figure:
        fig = Figure(figsize=(3, 2))
        fig.subplots().bar(["Camat"], [1])
        return fig

    fig, kotak = buat(), simpan_grafik._Kotak()
    kotak.diukur = True
    with simpan_grafik._tata_letak_saja(fig, True, kotak):
        utuh = simpan(fig)
    assert utuh == simpan(buat()) and "<path" in utuh
    assert "draw" not in vars(fig)


def test_titik_anotasi_jelas_di_dalam_tanpa_uji_patch(monkeypatch):
    """Annotations whose points lie plainly inside the axes skip matplotlib's point-in-patch
    test; the others (on the edge, outside, on a polar axes) still get it, and the outputs are
    those of the plain saves (test_tiga_simpanan_sama_byte_dengan_tanpa_tembolok_tata[tepi])."""
    from matplotlib.axes import Axes

    diuji = []
    asli = Axes.contains_point
    monkeypatch.setattr(Axes, "contains_point",
                        lambda self, titik: diuji.append(self.name) or asli(self, titik))
    with monkeypatch.context() as m:
        m.setattr(simpan_grafik, "_titik_dalam_sumbu", contextlib.nullcontext)
        simpan_grafik.simpan_grafik(_tepi(), "Grafik")
    tanpa = list(diuji)
    diuji.clear()
    simpan_grafik.simpan_grafik(_tepi(), "Grafik")
    assert "polar" in diuji and "rectilinear" in diuji  # the edge, the outside, the circle
    assert len(diuji) < len(tanpa) * 0.6, (len(diuji), len(tanpa))


def _umum() -> Figure:
    """Texts in the generic family, whose font rcParams choose."""
    fig = Figure(figsize=(3, 2), layout="constrained")
    ax = fig.subplots()
    ax.barh(["Camat", "Pelaksana"], [1, 7])
    ax.set_xlabel("orang", family="sans-serif")
    ax.annotate("tujuh", (7, 1), xytext=(3, 0), textcoords="offset points", family="sans-serif")
    return fig


def test_tata_teks_dipakai_lagi_antar_grafik_selama_lingkungan_sama(monkeypatch):
    """A text laid out for one chart is not laid out again for the next (the kernel keeps
    the layouts), unless what its layout depends on beyond the text changed: here the font a
    generic family names (rcParams). Every save the same bytes as the plain saves under the
    same settings."""
    asli = Text._get_layout
    hitung = []
    monkeypatch.setattr(Text, "_get_layout",
                        lambda self, r: hitung.append(self.get_text()) or asli(self, r))
    monkeypatch.setattr(simpan_grafik, "_TATA", {})
    # the PNG in this process for both charts: drawn in a child for one chart (a CPU idle
    # then, `cpu_luang`) and here for the other, the second's Agg layouts were new here
    monkeypatch.setattr(simpan_grafik, "BERCABANG", False)
    for gaya in ({"font.sans-serif": ["DejaVu Sans"]}, {"font.sans-serif": ["DejaVu Serif"]}):
        with matplotlib.rc_context({**gaya, "svg.hashsalt": "uji"}):
            hitung.clear()
            pertama = simpan_grafik.simpan_grafik(_umum(), "Grafik")
            assert "tujuh" in hitung  # laid out: new text, or new settings
            hitung.clear()
            kedua = simpan_grafik.simpan_grafik(_umum(), "Grafik")
            assert hitung == []  # all from the first chart
            tanpa = simpan_grafik._tiga_simpanan(_umum(), "Grafik")
        assert pertama == kedua
        assert pertama[:2] == tanpa[:2]
        _sama_hampir(pertama[2], tanpa[2])


def test_ukuran_teks_svg_sekali_per_teks_dan_font_lalu_dilepas(monkeypatch):
    """The SVG renderers' measure of a plain text runs once per text, font and size for the
    kernel's life (`_ukur_sekali`): a second chart with the same texts (its layouts emptied,
    so every text is measured again) asks matplotlib for no plain text's measure, only for
    the math text's. Each answer is matplotlib's own for that text and font: the same "7" at
    another size is measured anew and differs. Matplotlib's method again after the saves,
    also after an error."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    asli = TextToPath.get_text_width_height_descent
    diukur = []

    def ukur(self, s, prop, ismath):
        diukur.append((s, prop.get_size_in_points(), ismath))
        return asli(self, s, prop, ismath)

    monkeypatch.setattr(TextToPath, "get_text_width_height_descent", ukur)
    monkeypatch.setattr(simpan_grafik, "_UKURAN", {})
    monkeypatch.setattr(simpan_grafik, "_TATA", {})
    monkeypatch.setattr(simpan_grafik, "BERCABANG", False)
    with matplotlib.rc_context({"svg.hashsalt": "uji"}):
        pertama = simpan_grafik.simpan_grafik(_jebakan(), "Grafik")
        polos = [u for u in diukur if u[2] is False]
        assert polos and len(polos) == len(set(polos))  # each plain text measured once
        diukur.clear()
        simpan_grafik._TATA.clear()
        kedua = simpan_grafik.simpan_grafik(_jebakan(), "Grafik")
    assert diukur and all(u[2] is not False for u in diukur), diukur  # math text only
    assert pertama == kedua
    assert TextToPath.__dict__["get_text_width_height_descent"] is ukur
    tp = TextToPath()
    with simpan_grafik._ukur_sekali():
        kecil, besar = (tp.get_text_width_height_descent("7", FontProperties(size=u), False)
                        for u in (8.5, 14))
        assert tp.get_text_width_height_descent("7", FontProperties(size=8.5), False) == kecil
    assert kecil == asli(tp, "7", FontProperties(size=8.5), False) != besar
    assert besar == asli(tp, "7", FontProperties(size=14), False)
    with pytest.raises(ValueError), simpan_grafik._ukur_sekali():
        raise ValueError("gagal di tengah")
    assert TextToPath.__dict__["get_text_width_height_descent"] is ukur


def _png_anak(monkeypatch, aksi):
    """`simpan_grafik._simpan_png` that does `aksi()` first in a forked child only."""
    import os

    induk, asli = os.getpid(), simpan_grafik._simpan_png

    def simpan(fig, ketat):
        if os.getpid() != induk:
            aksi()
        return asli(fig, ketat)

    monkeypatch.setattr(simpan_grafik, "_simpan_png", simpan)
    monkeypatch.setattr(simpan_grafik, "BERCABANG", True)


def _sudah_dituai(pid: int) -> bool:
    import os

    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped: no zombie, nothing running
    return False


def _simpan_jebakan():
    with matplotlib.rc_context({"svg.hashsalt": "uji"}):
        return simpan_grafik.simpan_grafik(_jebakan(), "Grafik")


def _tanpa_anak():
    with matplotlib.rc_context({"svg.hashsalt": "uji"}):
        return simpan_grafik._tiga_simpanan(_jebakan(), "Grafik")


def test_anak_yang_memperingatkan_png_digambar_di_sini(monkeypatch, cabang):
    """A child that would have shown a warning (in a kernel it would be lost with the child)
    exits with a failure; this process draws the PNG itself, the same bytes as always."""
    import warnings

    _png_anak(monkeypatch, lambda: warnings.warn("hanya di anak", UserWarning, stacklevel=1))
    dengan = _simpan_jebakan()
    assert len(cabang) == 1 and _sudah_dituai(cabang[0])
    assert dengan[:2] == _tanpa_anak()[:2]


def test_anak_yang_macet_diakhiri_png_digambar_di_sini(monkeypatch, cabang):
    """A child stuck for longer than BATAS_ANAK is killed and reaped, and the PNG drawn here."""
    import time

    monkeypatch.setattr(simpan_grafik, "BATAS_ANAK", 0.5)
    _png_anak(monkeypatch, lambda: time.sleep(120))
    mulai = time.monotonic()
    dengan = _simpan_jebakan()
    assert time.monotonic() - mulai < 60  # did not wait for the stuck child
    assert len(cabang) == 1 and _sudah_dituai(cabang[0])
    assert dengan[:2] == _tanpa_anak()[:2]


def test_ctrl_c_saat_menunggu_anak_tidak_meninggalkan_proses(monkeypatch, cabang):
    """Ctrl-C (a kernel interrupt is SIGINT) while this process waits for the child: the save
    stops with KeyboardInterrupt and the child is killed and reaped."""
    import os
    import signal
    import threading
    import time

    _png_anak(monkeypatch, lambda: time.sleep(120))
    pengatur = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    pengatur.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            _simpan_jebakan()
    finally:
        pengatur.cancel()
    assert len(cabang) == 1 and _sudah_dituai(cabang[0])


def test_kunci_tata_bermakna_sama_di_proses_lain(monkeypatch):
    """A layout's key names the renderer class that measures: the screen SVG's renderer class
    (`_kelas_kembar`, which each kernel makes anew) is keyed as RendererSVG. Two saves of one
    chart, the second with that class made again (as in another kernel of a batch), give the
    same keys, which pickle (another process can read them, `bagikan_tata`); the key has the
    length a shared file is checked against."""
    import pickle

    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_svg import RendererSVG

    asli, kunci = simpan_grafik._kunci_tata, []
    monkeypatch.setattr(simpan_grafik, "_kunci_tata",
                        lambda t, r: kunci.append(asli(t, r)) or kunci[-1])
    monkeypatch.setattr(simpan_grafik, "BERCABANG", False)
    hasil = []
    for _ in range(2):
        monkeypatch.setattr(simpan_grafik, "_TATA", {})
        simpan_grafik._kelas_kembar.cache_clear()
        kunci.clear()
        simpan_grafik.simpan_grafik(_umum(), "Grafik")
        hasil.append(list(kunci))
    assert hasil[0] == hasil[1]
    assert {k[0] for k in hasil[0]} == {RendererSVG, RendererAgg}
    assert pickle.loads(pickle.dumps(hasil[0])) == hasil[0]
    assert {len(k) for k in hasil[0]} == {simpan_grafik._PANJANG_KUNCI}
