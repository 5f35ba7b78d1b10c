"""Charts of the kabupaten view (`lkjip.kabupaten` tables → matplotlib Figures).

Same conventions as `lkjip.grafik`: ``Figure`` objects (never pyplot), the A4 text width,
Indonesian numbers via `lkjip.format`; `lkjip.tampil.grafik` captions them.

>>> import pandas as pd
>>> df = pd.DataFrame({"nama": ["B", "A"], "capaian": [101.25, 95.5], "sintetis": [True, False]})
>>> [t.get_text() for t in capaian(df).axes[0].texts]  # ranked table in, first bar on top
['95,50', '101,25']
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lkjip.format import format_angka, formatter_sumbu
from lkjip.grafik import (
    WARNA,
    WARNA_REDUP,
    _kanvas,  # one canvas (size, style, spines) for every report chart
    teks_grafik,
)
from lkjip.ikm import UNSUR

PALET = "tab20"
# short unsur labels for the heatmap's columns
SINGKAT = {u.nama: ("Biaya/Tarif" if u.kunci == "biaya" else u.kunci.capitalize()) for u in UNSUR}


def capaian(rekap: pd.DataFrame) -> Figure:
    """Capaian kinerja per kecamatan, highest on top; synthetic data in a lighter colour,
    a dashed line at 100 %."""
    df = rekap.dropna(subset=["capaian"]).iloc[::-1]
    fig, ax = _kanvas(0.8 + 0.27 * max(len(df), 1))
    warna = [WARNA_REDUP if s else WARNA for s in df["sintetis"]]
    ax.barh([teks_grafik(n) for n in df["nama"]], df["capaian"], color=warna, height=0.65)
    for y, x in enumerate(df["capaian"]):
        ax.text(x + 0.5, y, format_angka(x), va="center", fontsize=8)
    ax.axvline(100, color="#555555", linestyle="--", linewidth=0.8)
    ax.set_xlim(min(60.0, float(df["capaian"].min()) - 5) if len(df) else 60,
                max(110.0, float(df["capaian"].max()) + 8) if len(df) else 110)
    ax.xaxis.set_major_formatter(formatter_sumbu(0))
    ax.set_xlabel("Capaian kinerja (%)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig


def ikm_unsur(tabel: pd.DataFrame) -> Figure:
    """Heatmap of nilai unsur (rows kecamatan, columns the 9 unsur), values written in."""
    fig, ax = _kanvas(1.6 + 0.3 * max(len(tabel), 1))
    nilai = tabel.to_numpy(dtype=float)
    gambar = ax.imshow(nilai, cmap="RdYlGn", vmin=60, vmax=95, aspect="auto")
    ax.set_yticks(range(len(tabel)), [teks_grafik(n) for n in tabel.index])
    judul = [SINGKAT.get(k, k) for k in tabel.columns]
    ax.set_xticks(range(len(tabel.columns)), judul, fontsize=8, rotation=35, ha="left",
                  rotation_mode="anchor")
    ax.xaxis.tick_top()
    if len(tabel) <= 40:
        for (i, j), v in np.ndenumerate(nilai):
            ax.text(j, i, format_angka(v), ha="center", va="center", fontsize=6.5)
    for sisi in ("left", "bottom"):
        ax.spines[sisi].set_visible(False)
    batang = fig.colorbar(gambar, ax=ax, shrink=0.6, pad=0.01)
    batang.ax.yaxis.set_major_formatter(formatter_sumbu(0))
    batang.set_label("nilai unsur (NRR × 25)", fontsize=8)
    return fig


def _warna(i: int):
    """Distinct colours first (tab20's dark half), then the light half."""
    peta = matplotlib.colormaps[PALET]
    return peta((2 * i) % 20 + (i // 10) % 2)


def tren(df_tren: pd.DataFrame, kode: str, tahun_laporan: int | None = None) -> Figure:
    """One indicator's realisasi over the years, one line per kecamatan; a hollow marker is a
    typed (not computed) value; a dotted line marks the report's year."""
    df = df_tren[df_tren["kode_indikator"] == kode]
    fig, ax = _kanvas(3.4)
    for i, (nama, g) in enumerate(df.groupby("nama", sort=True)):
        warna = _warna(i)
        ax.plot(g["tahun"], g["realisasi"], color=warna, linewidth=1.2, label=teks_grafik(nama),
                linestyle="-" if i < 10 else "--")
        for sumber, isi in (("dihitung", warna), ("tertulis", "white")):
            titik = g[g["sumber"] == sumber]
            ax.scatter(titik["tahun"], titik["realisasi"], s=14, color=isi, edgecolor=warna,
                       zorder=3)
    tahun = sorted(df["tahun"].unique())
    ax.set_xticks(tahun, [str(t) for t in tahun])
    if tahun_laporan is not None:
        ax.axvline(tahun_laporan, color="#888888", linestyle=":", linewidth=1)
    bulat = bool((df["realisasi"] % 1 == 0).all())
    ax.yaxis.set_major_formatter(formatter_sumbu(0 if bulat or df["realisasi"].max() > 20 else 1))
    satuan = df["satuan"].mode().iloc[0] if len(df) else ""
    ax.set_ylabel(teks_grafik(f"Realisasi ({satuan})"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=7)
    return fig


def semua_tren(df_tren: pd.DataFrame, bab: str = "3", tahun_laporan: int | None = None) -> list:
    """One captioned chart per indicator (Grafik <bab>.1, <bab>.2, …), in kode order."""
    from lkjip.kabupaten import nama_indikator
    from lkjip.tampil import grafik

    tahun = sorted(df_tren["tahun"].unique())
    rentang = f"{tahun[0]}–{tahun[-1]}" if tahun else ""
    sumber = "data tahunan tiap kecamatan (dihitung lkjip) dan renstra/realisasi.csv"
    return [grafik(tren(df_tren, kode, tahun_laporan), f"{bab}.{i}",
                   f"Realisasi {nama} per kecamatan, {rentang}", sumber=sumber)
            for i, (kode, nama) in enumerate(nama_indikator(df_tren).items(), start=1)]
