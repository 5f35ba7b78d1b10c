"""Charts of the quarterly monitoring report, in the style of `lkjip.grafik`.

- `jalur_indikator`: per indicator, the realisasi s.d. each quarter against the TW target path,
  and the year-end projection (small multiples, up to six indicators a figure);
- `jalur_anggaran`: the anggaran kas s.d. each quarter against the realisasi s.d. each quarter;
- `penyerapan_pejabat`: penyerapan against the anggaran kas per pejabat.

Every label is Bahasa Indonesia; numbers go through `lkjip.format`. Text from data is shown
as plain text (matplotlib's math text is off for it).

>>> from decimal import Decimal
>>> fig = penyerapan_pejabat({"Camat": Angka(Decimal("87.69"))})
>>> [t.get_text() for t in fig.axes[0].texts]
['87,69 %']
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib
from matplotlib.figure import Figure

from lkjip.angka import Angka
from lkjip.format import format_angka, formatter_sumbu
from lkjip.grafik import (
    GAYA,
    LEBAR,
    WARNA,
    WARNA_2,
    WARNA_MERAH,
    WARNA_REDUP,
    _bungkus,
    _kanvas,
    sumbu_hitungan,
)
from lkjip.skema import STATUS_TW

SUMBU_TW = ("TW I", "TW II", "TW III", "TW IV")
WARNA_STATUS = {STATUS_TW[0]: "#2e7d32", STATUS_TW[1]: WARNA_2, STATUS_TW[2]: WARNA_MERAH}
PER_GAMBAR = 6


def _f(a) -> float:
    return math.nan if a is None or a.nilai is None else float(a.nilai)


def _polos(teks: str) -> str:
    """Text from data without matplotlib math ('$' would start it)."""
    return str(teks).replace("$", r"\$")


def _satu_indikator(ax, i) -> None:
    target = [_f(t) for t in i.jalur]
    real = [_f(t.realisasi) for t in i.titik]
    warna = WARNA_STATUS.get(i.proyeksi.status, WARNA)
    ax.plot(range(4), target, color=WARNA_REDUP, linestyle="--", marker="o", markersize=3,
            label="target s.d. triwulan")
    ax.plot(range(len(real)), real, color=warna, marker="o", markersize=4, linewidth=1.8,
            label="realisasi s.d. triwulan")
    p = _f(i.proyeksi.nilai)
    if not math.isnan(p) and len(real) < 4 and not math.isnan(real[-1]):
        ax.plot([len(real) - 1, 3], [real[-1], p], color=warna, linestyle=":", linewidth=1.2)
        ax.plot([3], [p], marker="o", markersize=5, markerfacecolor="white", color=warna,
                label="proyeksi akhir tahun")
    ax.set_title(_polos(_bungkus(i.indikator, 34)), fontsize=7.5, loc="left")
    ax.set_xticks(range(4), SUMBU_TW, fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.yaxis.set_major_formatter(formatter_sumbu(0))  # decimals as the ticks' step needs
    ax.set_ylabel(_polos(i.satuan), fontsize=7)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    for sisi in ("top", "right"):
        ax.spines[sisi].set_visible(False)


def jalur_indikator(indikator: list) -> list[Figure]:
    """Realisasi against the TW target path, one small chart per indicator, six a figure.

    Indicators that cannot be drawn (a/b, no target) are left out; the tables show them.
    """
    daftar = [i for i in indikator if i.target.nilai is not None]
    gambar = []
    for awal in range(0, len(daftar), PER_GAMBAR):
        bagian = daftar[awal:awal + PER_GAMBAR]
        baris = math.ceil(len(bagian) / 3)
        with matplotlib.rc_context(GAYA | {"text.usetex": False}):
            fig = Figure(figsize=(LEBAR, 1.95 * baris + 0.45), layout="constrained")
            sumbu = fig.subplots(baris, 3, squeeze=False).ravel()
            for ax, i in zip(sumbu, bagian, strict=False):
                _satu_indikator(ax, i)
            for ax in sumbu[len(bagian):]:
                ax.set_visible(False)
            pegangan, label = sumbu[0].get_legend_handles_labels()
            fig.legend(pegangan, label, loc="outside lower center", frameon=False, ncols=3,
                       fontsize=7.5)
        gambar.append(fig)
    return gambar


def jalur_anggaran(jalur: tuple, realisasi: tuple) -> Figure:
    """Anggaran kas s.d. each quarter (plan) against realisasi s.d. each quarter (juta Rupiah)."""
    fig, ax = _kanvas(2.8)
    with matplotlib.rc_context(GAYA):
        kas = [_f(a) / 1e6 for a in jalur]
        real = [_f(a) / 1e6 for a in realisasi]
        lebar = 0.38
        ax.bar([x - lebar / 2 for x in range(4)], kas, width=lebar, color=WARNA_REDUP,
               label="anggaran kas s.d. triwulan")
        ax.bar([x + lebar / 2 for x in range(len(real))], real, width=lebar, color=WARNA,
               label="realisasi s.d. triwulan")
        for x, (k, r) in enumerate(zip(kas, real, strict=False)):
            if k and not math.isnan(r):
                ax.annotate(f"{format_angka(r / k * 100, 2)} %", (x + lebar / 2, r),
                            xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8)
        ax.set_xticks(range(4), SUMBU_TW)
        ax.set_ylabel("juta Rupiah")
        ax.yaxis.set_major_formatter(formatter_sumbu(0))  # 0,2 … 1,0 juta for a small budget
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.legend(loc="outside upper center", frameon=False, ncols=2)
    return fig


def penyerapan_pejabat(penyerapan: Mapping[str, Angka]) -> Figure:
    """Penyerapan against the anggaran kas per pejabat (%), with the 100 % line."""
    ada = {k: v for k, v in penyerapan.items() if v.nilai is not None}
    label = [_polos(_bungkus(k, 32)) for k in ada]
    nilai = [float(v.nilai) for v in ada.values()]
    fig, ax = _kanvas(max(1.8, 0.42 * len(nilai) + 0.8))
    with matplotlib.rc_context(GAYA):
        ax.barh(label, nilai, color=WARNA, height=0.6)
        ax.invert_yaxis()
        for y, v in enumerate(nilai):
            ax.annotate(f"{format_angka(v, 2)} %", (v, y), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=8.5)
        ax.axvline(100, color=WARNA_MERAH, linewidth=0.8, linestyle="--")
        ax.set_xlabel("% dari anggaran kas s.d. triwulan")
        ax.xaxis.set_major_formatter(formatter_sumbu(0))
        ax.set_xlim(0, max(nilai + [100]) * 1.18)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig


def status_per_kecamatan(jumlah: Mapping[str, Mapping[str, int]]) -> Figure:
    """Indicators by status per kecamatan, as stacked horizontal bars (counts)."""
    nama = [_polos(_bungkus(k, 28)) for k in jumlah]
    fig, ax = _kanvas(max(2.0, 0.36 * len(nama) + 1.0))
    warna = [WARNA_STATUS[s] for s in STATUS_TW] + ["#c8c8c8"]
    with matplotlib.rc_context(GAYA):
        kiri = [0] * len(nama)
        for status, w in zip(list(STATUS_TW) + ["belum dinilai"], warna, strict=True):
            nilai = [j.get(status, 0) for j in jumlah.values()]
            ax.barh(nama, nilai, left=kiri, color=w, height=0.6, label=status)
            kiri = [a + b for a, b in zip(kiri, nilai, strict=True)]
        ax.invert_yaxis()
        ax.set_xlabel("jumlah indikator PK")
        sumbu_hitungan(ax.xaxis)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.legend(loc="outside upper center", frameon=False, ncols=4, fontsize=7.5)
    return fig
