"""Agg's glyphs drawn by `simpan_grafik._gambar_glif`: the same PNG bytes as matplotlib's own
drawing, for every kind of text a chart may hold."""

import contextlib
import io

import matplotlib
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from lkjip import simpan_grafik


def _gambar() -> Figure:
    """Plain, bold, large and small texts; rotated by 90, 45 and 30 degrees; math text with
    rules (a fraction's bar, a square root: the boxes) and italic glyphs (slant); non-ASCII
    letters; a legend; text drawn without antialiasing (MONO glyphs)."""
    fig = Figure(figsize=(4, 3), layout="constrained")
    ax = fig.subplots()
    ax.bar(["Camat", "Sekretaris", "Pelaksana"], [1, 2, 7], label="orang")
    ax.legend()
    ax.set_title("Jumlah Pegawai (orang) – 2023", fontweight="bold")
    ax.set_ylabel("jumlah", rotation=90)
    for teks in ax.get_xticklabels():
        teks.set(rotation=45, ha="right")
    ax.text(0.1, 5, r"$\frac{a}{b} + \sqrt{x_1^2}$ é ñ", fontsize=12)
    ax.text(1, 4, r"$\mathit{miring}\ \mathrm{tegak}$", rotation=30)
    ax.text(2, 6, "tanpa antialias", antialiased=False, fontsize=7)
    return fig


def _png(fig, cara) -> bytes:
    isi = io.BytesIO()
    with cara():
        fig.savefig(isi, format="png", dpi=simpan_grafik.DPI_PNG)
    return isi.getvalue()


def test_png_sama_dengan_gambar_matplotlib_sendiri():
    # a new figure each time: a constrained layout laid out again moves things a little
    asli = RendererAgg.__dict__["_draw_text_glyphs_and_boxes"]
    sendiri = _png(_gambar(), contextlib.nullcontext)
    assert _png(_gambar(), contextlib.nullcontext) == sendiri  # the comparison is fair
    assert _png(_gambar(), simpan_grafik._glif_agg) == sendiri
    assert RendererAgg.__dict__["_draw_text_glyphs_and_boxes"] is asli  # restored


def test_metode_matplotlib_yang_dikenal():
    # this matplotlib's method is the one _gambar_glif was written from; a matplotlib whose
    # method differs draws its own way (nothing replaced), and this test says so
    asli = RendererAgg.__dict__["_draw_text_glyphs_and_boxes"]
    assert simpan_grafik._glif_dikenal(asli), matplotlib.__version__


def test_metode_lain_tidak_diganti(monkeypatch):
    def lain(self, gc, x, y, angle, glyphs, boxes):
        raise AssertionError("not called here")

    monkeypatch.setattr(RendererAgg, "_draw_text_glyphs_and_boxes", lain)
    with simpan_grafik._glif_agg():
        assert RendererAgg._draw_text_glyphs_and_boxes is lain
