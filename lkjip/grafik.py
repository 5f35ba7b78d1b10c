"""The report's charts, as matplotlib Figures sized for an A4 page.

Figures are made with ``matplotlib.figure.Figure`` directly, never through pyplot, so nothing
stays registered in a long-running kernel; `lkjip.tampil.grafik` turns one into a numbered,
captioned SVG. Axis numbers use `lkjip.format.formatter_sumbu` (Indonesian style, as many
decimals as the ticks' step needs: a tick at 72,5 never prints "73"); bar labels
use `lkjip.format`. No gridlines beyond a light value grid, no 3-D, no legends where the axis
says it.

>>> import pandas as pd
>>> fig = batang({"Camat": 1, "Pelaksana": 7}, "orang")
>>> [t.get_text() for t in fig.axes[0].texts]
['1', '7']
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib
from matplotlib.figure import Figure

from lkjip import pegawai as peg
from lkjip.angka import ke_decimal
from lkjip.format import format_angka, format_nilai, format_target, formatter_sumbu
from lkjip.ikm import UNSUR

LEBAR = 6.3  # inch: the A4 text width (16 cm)
WARNA = "#2f5d8a"
WARNA_2 = "#e39b3b"
WARNA_REDUP = "#9fb3c8"
WARNA_MERAH = "#b00020"
GAYA = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "svg.fonttype": "path",
}


def _kanvas(tinggi: float, lebar: float = LEBAR) -> tuple[Figure, object]:
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(lebar, tinggi), layout="constrained")
        ax = fig.subplots()
    for sisi in ("top", "right"):
        ax.spines[sisi].set_visible(False)
    return fig, ax


def teks_grafik(teks) -> str:
    r"""Text from the data as a chart shows it: every ``$`` escaped, so matplotlib never reads
    it as math text (a program named ``$\Urusan$`` would otherwise stop the build).

    >>> print(teks_grafik(r"Biaya $5 dan $\Urusan$"))
    Biaya \$5 dan \$\Urusan\$
    """
    return str(teks).replace("$", r"\$")


def _bungkus(teks: str, lebar: int = 34) -> str:
    teks = str(teks)
    return teks_grafik("\n".join(textwrap.wrap(teks, lebar)) or teks)


def _label(ax, x: float, y: float, teks: str, **kw) -> None:
    """A value label just right of a bar's end."""
    ax.annotate(teks, (x, y), xytext=(3, 0), textcoords="offset points", va="center", **kw)


def sumbu_hitungan(sumbu) -> None:
    """An axis of counts (people, indicators): ticks on whole numbers only, printed without
    decimals; matplotlib's default would put a tick at 2,5 orang."""
    from matplotlib.ticker import MaxNLocator

    sumbu.set_major_locator(MaxNLocator(integer=True))
    sumbu.set_major_formatter(formatter_sumbu(0))


def _float(x) -> float | None:
    d = ke_decimal(x)
    return None if d is None else float(d)


def batang(nilai: Mapping[str, float], satuan: str, desimal: int = 0,
           tinggi: float | None = None) -> Figure:
    """A horizontal bar chart, labelled at each bar's end: counts with ``desimal=0`` (whole
    ticks, `sumbu_hitungan`), values with more."""
    label = [_bungkus(k) for k in nilai]
    angka = [float(v) for v in nilai.values()]
    fig, ax = _kanvas(tinggi or max(1.8, 0.38 * len(angka) + 0.8))
    with matplotlib.rc_context(GAYA):
        ax.barh(label, angka, color=WARNA, height=0.6)
        ax.invert_yaxis()
        for y, v in enumerate(angka):
            _label(ax, v, y, format_angka(v, desimal), fontsize=8.5)
        ax.set_xlabel(satuan)
        if desimal == 0:
            sumbu_hitungan(ax.xaxis)
        else:
            ax.xaxis.set_major_formatter(formatter_sumbu(desimal))
        ax.set_xlim(0, max(angka + [1]) * 1.15)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig


# ---------------------------------------------------------------- Bab I: personnel


def personil(data) -> Figure:
    """Grafik 1.1: personnel per jabatan."""
    df = peg.tabel_jabatan(data.pegawai).drop(index=peg.JUMLAH)
    return batang(df[peg.JUMLAH].to_dict(), "orang")


def pendidikan(data) -> Figure:
    """Grafik 1.2: personnel per level of education (all jabatan)."""
    df = peg.tabel_pendidikan(data.pegawai).drop(columns=peg.JUMLAH)
    return batang(df.loc[peg.JUMLAH].to_dict(), "orang")


def golongan(data) -> Figure:
    """Grafik 1.3: PNS per golongan ruang."""
    df = peg.tabel_golongan(data.pegawai).drop(columns=peg.JUMLAH)
    return batang({f"Golongan {k}": v for k, v in df.loc[peg.JUMLAH].items()}, "orang")


# ---------------------------------------------------------------- Bab II: budget


RASIO_SKALA = 30  # values further apart than this do not share one linear axis


def kelompok_skala(nilai: list[float], rasio: float = RASIO_SKALA) -> list[list[int]]:
    """Positions of `nilai` (positive), largest first, cut into groups that each fit one
    linear axis: while a group's largest is over `rasio` times its smallest, it is cut at
    the widest step between neighbours. One group when all fit.

    >>> kelompok_skala([2507.7, 2.8, 16.0, 1.6, 39.4, 2.0])  # 2507,7 / 39,4 is the widest step
    [[0], [4, 2, 1, 5, 3]]
    >>> kelompok_skala([10, 8, 3]), kelompok_skala([1000, 900, 5, 4, 0.1])
    ([[0, 1, 2]], [[0, 1], [2, 3], [4]])
    """
    urut = sorted(range(len(nilai)), key=lambda i: -nilai[i])
    kelompok, antre = [], [urut]
    while antre:
        k = antre.pop(0)
        if nilai[k[0]] <= rasio * max(nilai[k[-1]], 1e-12):
            kelompok.append(k)
            continue
        langkah = [nilai[a] / max(nilai[b], 1e-12) for a, b in zip(k, k[1:], strict=False)]
        potong = langkah.index(max(langkah)) + 1
        antre[:0] = [k[:potong], k[potong:]]
    return kelompok


def pagu_program(hasil) -> Figure:
    """Pagu murni against pagu perubahan per program (juta Rupiah), labelled.

    Every axis is linear. Programs whose pagu differ by more than `RASIO_SKALA` times go to
    separate panels (`kelompok_skala`), each with its own linear axis, so no bar is a sliver.
    """
    tree = hasil.anggaran
    program = tree[tree["tingkat"] == "program"]
    label = [_bungkus(n, 38) for n in program["nama"]]
    murni = [int(v) / 1e6 for v in program["pagu_murni"]]
    ubah = [int(v) / 1e6 for v in program["pagu_perubahan"]]
    kelompok = kelompok_skala([max(m, u) for m, u in zip(murni, ubah, strict=True)])
    tinggi = [0.62 * len(k) + 0.45 for k in kelompok]
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(LEBAR, sum(tinggi) + 0.6), layout="constrained")
        semua_ax = fig.subplots(len(kelompok), 1, squeeze=False,
                                height_ratios=tinggi)[:, 0]
        for ax, k in zip(semua_ax, kelompok, strict=True):
            _panel_pagu(ax, [label[i] for i in k], [murni[i] for i in k], [ubah[i] for i in k])
        fig.legend(*semua_ax[0].get_legend_handles_labels(), loc="outside upper center",
                   frameon=False, ncols=2)
    return fig


def _panel_pagu(ax, label, murni, ubah) -> None:
    """One linear panel of `pagu_program`: murni and perubahan bars, labelled."""
    for sisi in ("top", "right"):
        ax.spines[sisi].set_visible(False)
    y = range(len(label))
    ax.barh([i - 0.2 for i in y], murni, height=0.38, color=WARNA_REDUP,
            label="Sebelum perubahan (murni)")
    ax.barh([i + 0.2 for i in y], ubah, height=0.38, color=WARNA, label="Setelah perubahan")
    for i, (m, u) in enumerate(zip(murni, ubah, strict=True)):
        _label(ax, m, i - 0.2, format_angka(m, 1), fontsize=7.5)
        _label(ax, u, i + 0.2, format_angka(u, 1), fontsize=7.5)
    ax.set_yticks(list(y), label)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(formatter_sumbu(0))
    ax.set_xlim(0, max(murni + ubah + [1]) * 1.15)
    ax.set_xlabel("juta Rupiah")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


# ---------------------------------------------------------------- Bab III


def tren(data, hasil, kode: str) -> Figure:
    """Realisasi against target over the Renstra years, with the Renstra end target."""
    i = hasil.indikator[kode]
    awal, akhir = int(data.profil["renstra_awal"]), int(data.profil["renstra_akhir"])
    realisasi = {t: _float(a) for t, a in i.riwayat.items()}
    realisasi[data.tahun] = _float(i.realisasi)
    realisasi = {t: v for t, v in sorted(realisasi.items()) if v is not None}
    target = {t: _float(a) for t, a in sorted(i.target_tahunan.items()) if _float(a) is not None}
    fig, ax = _kanvas(2.9)
    with matplotlib.rc_context(GAYA):
        if target:
            ax.plot(list(target), list(target.values()), "s--", color=WARNA_2, label="Target")
            for t, v in target.items():
                ax.annotate(format_target(v, i.satuan), (t, v), textcoords="offset points",
                            xytext=(0, -12), ha="center", fontsize=7.5, color=WARNA_2)
        ax.plot(list(realisasi), list(realisasi.values()), "o-", color=WARNA, label="Realisasi")
        for t, v in realisasi.items():
            ax.annotate(format_nilai(v, i.satuan), (t, v), textcoords="offset points",
                        xytext=(0, 6), ha="center", fontsize=7.5)
        akhir_nilai = _float(i.target_akhir)
        if akhir_nilai is not None:
            ax.plot([akhir], [akhir_nilai], "D", color=WARNA_MERAH,
                    label=f"Target akhir Renstra ({akhir})")
            ax.annotate(format_target(akhir_nilai, i.satuan), (akhir, akhir_nilai),
                        textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7.5)
        ada = set(realisasi) | set(target) | {awal, akhir}
        tahun = list(range(min(ada), max(ada) + 1))
        ax.set_xticks(tahun, [str(t) for t in tahun])
        ax.set_xlim(min(tahun) - 0.5, max(tahun) + 0.5)
        ax.set_ylabel(teks_grafik(i.satuan))
        ax.yaxis.set_major_formatter(formatter_sumbu(0))
        semua = list(realisasi.values()) + list(target.values()) + [akhir_nilai or 0]
        ax.set_ylim(min(semua) * 0.9 if min(semua) > 0 else 0, max(semua) * 1.08 or 1)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.legend(loc="outside upper center", frameon=False, ncols=3)
    return fig


def ikm_unsur(hasil) -> Figure:
    """Nilai (NRR × 25) per unsur for the year; the highest and lowest unsur stand out."""
    nilai = hasil.ikm_tahun.nilai_unsur
    label = [_bungkus(u.nama, 30) for u in UNSUR]
    angka = [float(nilai[u.kunci]) for u in UNSUR]
    warna = [WARNA_MERAH if v == min(angka) else WARNA if v == max(angka) else WARNA_REDUP
             for v in angka]
    fig, ax = _kanvas(3.9)
    with matplotlib.rc_context(GAYA):
        ax.barh(label, angka, color=warna, height=0.62)
        ax.invert_yaxis()
        for y, v in enumerate(angka):
            _label(ax, v, y, format_angka(v, 2), fontsize=8)
        ikm = float(hasil.ikm_tahun.nilai)
        ax.axvline(ikm, color="#444444", linestyle="--", linewidth=0.8,
                   label=f"IKM tahun ini: {format_angka(ikm, 2)}")
        fig.legend(loc="outside upper center", frameon=False)
        ax.set_xlim(0, 105)
        ax.set_xlabel("nilai unsur (NRR × 25)")
        ax.xaxis.set_major_formatter(formatter_sumbu(0))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig


def penyerapan(hasil) -> Figure:
    """Pagu against realisasi anggaran per sasaran (juta Rupiah), labelled with penyerapan %."""
    sasaran = [s for s in hasil.sasaran.values() if s.pagu.nilai]
    label = [_bungkus(s.sasaran, 30) for s in sasaran]
    pagu = [float(s.pagu.nilai) / 1e6 for s in sasaran]
    real = [(_float(s.realisasi_anggaran) or 0) / 1e6 for s in sasaran]
    fig, ax = _kanvas(0.9 * len(label) + 1.2)
    with matplotlib.rc_context(GAYA):
        y = range(len(label))
        ax.barh(list(y), pagu, height=0.5, color=WARNA_REDUP, label="Pagu (anggaran)")
        ax.barh(list(y), real, height=0.3, color=WARNA, label="Realisasi")
        for i, s in enumerate(sasaran):
            _label(ax, pagu[i], i, f"{format_angka(s.penyerapan, 2)} %", fontsize=8.5,
                   fontweight="bold")
        ax.set_yticks(list(y), label)
        ax.invert_yaxis()
        ax.set_xlabel("juta Rupiah")
        ax.xaxis.set_major_formatter(formatter_sumbu(0))
        ax.set_xlim(0, max(pagu + [1]) * 1.2)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.legend(loc="outside upper center", frameon=False, ncols=2)
    return fig


# ---------------------------------------------------------------- Bab I: organisation


def _letak_pohon(anak: dict, akar: list[str]) -> dict[str, tuple[float, int]]:
    """(x, depth) per node: leaves one unit apart in order, a parent centred over its children."""
    posisi: dict[str, tuple[float, int]] = {}
    berikut = [0.0]

    def letak(kode: str, dalam: int) -> None:
        if not anak.get(kode):
            posisi[kode] = (berikut[0], dalam)
            berikut[0] += 1
            return
        for k in anak[kode]:
            letak(k, dalam + 1)
        xs = [posisi[k][0] for k in anak[kode]]
        posisi[kode] = ((min(xs) + max(xs)) / 2, dalam)

    for k in akar:
        letak(k, 0)
    return posisi


def struktur_organisasi(data) -> Figure:
    """Gambar: the organisation chart drawn from pejabat.csv (kode_atasan), each box the
    jabatan and the name of its holder."""
    from matplotlib.patches import FancyBboxPatch

    df = data.pejabat
    kode = list(df["kode_pejabat"])
    atasan = {k: a for k, a in zip(kode, df["kode_atasan"], strict=True)}
    anak: dict = {}
    for k in kode:
        if atasan[k] in kode:
            anak.setdefault(atasan[k], []).append(k)
    akar = [k for k in kode if atasan[k] not in kode]
    posisi = _letak_pohon(anak, akar)
    lebar_daun = max(x for x, _ in posisi.values()) + 1
    tingkat = max(d for _, d in posisi.values()) + 1
    fig, ax = _kanvas(1.25 * tingkat + 0.2)
    ax.set_axis_off()
    teks = {k: (j, n) for k, j, n in zip(kode, df["jabatan"], df["nama"], strict=True)}
    huruf = 7 if lebar_daun <= 6 else 5.5
    with matplotlib.rc_context(GAYA):
        for k, (x, d) in posisi.items():
            y = -d * 1.3
            ax.add_patch(FancyBboxPatch((x - 0.45, y - 0.42), 0.9, 0.84,
                                        boxstyle="round,pad=0.02", fc="#eef3f8", ec=WARNA,
                                        lw=0.8))
            jabatan, nama = teks[k]
            ax.text(x, y + 0.36, _bungkus(jabatan, 13), ha="center", va="top",
                    fontsize=huruf, fontweight="bold", linespacing=1.1)
            ax.text(x, y - 0.36, _bungkus(nama, 15), ha="center", va="bottom",
                    fontsize=huruf - 0.5, linespacing=1.0)
            for c in anak.get(k, []):
                cx, cd = posisi[c]
                tengah = y - 0.65
                ax.plot([x, x, cx, cx], [y - 0.42, tengah, tengah, -cd * 1.3 + 0.42],
                        color=WARNA, lw=0.8)
        ax.set_xlim(-0.55, lebar_daun - 0.45)
        ax.set_ylim(-(tingkat - 1) * 1.3 - 0.5, 0.5)
    return fig


# ---------------------------------------------------------------- Bab III: the kabupaten


def kabupaten_indikator(nama: str, daftar: list, rerata, satuan: str) -> Figure:
    """One indicator across the kabupaten's kecamatan (best first), the report's own bar
    highlighted, the kabupaten mean as a dashed line. ``daftar``: (name, value, rank)."""
    label = [f"{p}. {n}" for n, _, p in daftar]
    angka = [float(v) for _, v, _ in daftar]
    warna = [WARNA if n == nama else WARNA_REDUP for n, _, _ in daftar]
    fig, ax = _kanvas(0.24 * len(angka) + 1.0)
    with matplotlib.rc_context(GAYA):
        ax.barh(label, angka, color=warna, height=0.62)
        ax.invert_yaxis()
        for y, v in enumerate(angka):
            _label(ax, v, y, format_nilai(v, satuan), fontsize=7.5)
        r = float(rerata)
        ax.axvline(r, color="#444444", linestyle="--", linewidth=0.8,
                   label=f"rerata kabupaten: {format_nilai(r, satuan)}")
        fig.legend(loc="outside upper center", frameon=False)
        ax.set_xlim(0, max(angka + [r, 1]) * 1.12)
        ax.set_xlabel(satuan)
        ax.xaxis.set_major_formatter(formatter_sumbu(0))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig
