"""Anggaran: budget tree sums, penyerapan, perubahan murni → perubahan, efisiensi.

Money is exact to the rupiah: amounts are summed as `Decimal` (never float) and returned as
``int`` when whole. Percentages round half-up to 2 dp once, at the end.

>>> penyerapan(2_469_406_335, 2_522_467_250)  # Tabel 3.6 of the seed
97.9
>>> perubahan(2_544_412_750, 2_522_467_250)
-21945500
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from lkjip.angka import Angka, Sumber, nilai_dari, sebagai_masukan

KOLOM_POHON = ("pagu_murni", "pagu_perubahan")  # the DPA's typed amounts, summed up its tree
ATURAN_PAGU_NOL = "Pagu 0 tanpa realisasi: penyerapan tidak dihitung (ditampilkan '–')."


def _rupiah(x) -> int | Decimal:
    """An amount as int when it is whole rupiah, else the exact Decimal."""
    return int(x) if x == x.to_integral_value() else x


def penyerapan(realisasi, pagu) -> float:
    """Penyerapan anggaran in percent: realisasi / pagu × 100, rounded half-up to 2 dp.

    Pagu 0 with realisasi 0 gives NaN (nothing to absorb, printed '–', rule
    `ATURAN_PAGU_NOL`); pagu 0 with realisasi, or a negative pagu, raises ValueError.

    >>> penyerapan(0, 0)
    nan
    """
    a = penyerapan_angka(realisasi, pagu)
    return math.nan if a.bulat is None else float(a.bulat)


def penyerapan_angka(realisasi, pagu, label: str = "Penyerapan anggaran") -> Angka:
    """Penyerapan as an unrounded `Angka`.

    >>> penyerapan_angka(2_469_406_335, 2_522_467_250).uraian()
    '97,90 = 2.469.406.335 / 2.522.467.250 × 100'
    """
    masukan = (sebagai_masukan(realisasi), sebagai_masukan(pagu))
    r, p = (nilai_dari(m) for m in masukan)
    rumus = "Realisasi anggaran / Pagu × 100"
    if r is None or p is None:
        return Angka(None, rumus, masukan, label=label)
    if p < 0 or (p == 0 and r != 0):
        raise ValueError(f"penyerapan tidak dapat dihitung: realisasi {r} dengan pagu {p}")
    if p == 0:
        return Angka(None, rumus, masukan, ATURAN_PAGU_NOL, label)
    return Angka(r / p * 100, rumus, masukan, label=label, pola="{0} / {1} × 100")


def perubahan(murni, perubahan) -> int | Decimal:
    """Bertambah/berkurang: pagu perubahan − pagu murni (negative = berkurang).

    >>> perubahan(1_970_146_000, 1_943_200_500), perubahan(16_521_000, 58_661_000)
    (-26945500, 42140000)
    """
    m, p = nilai_dari(murni), nilai_dari(perubahan)
    if m is None or p is None:
        raise ValueError("pagu murni dan pagu perubahan harus terisi untuk menghitung selisih")
    return _rupiah(p - m)


def perubahan_angka(murni, perubahan, label: str = "Bertambah/berkurang") -> Angka:
    """Pagu perubahan − pagu murni as an `Angka` (pass the nodes of `pohon_angka`).

    >>> perubahan_angka(1_970_146_000, 1_943_200_500).uraian()
    '-26.945.500 = 1.943.200.500 − 1.970.146.000'
    """
    masukan = (sebagai_masukan(perubahan), sebagai_masukan(murni))
    p, m = (nilai_dari(x) for x in masukan)
    nilai = None if p is None or m is None else p - m
    return Angka(nilai, "Pagu perubahan − Pagu murni", masukan, label=label, pola="{0} − {1}",
                 desimal=0)


def efisiensi(capaian_kinerja, penyerapan) -> float:
    """Efisiensi as the seed shows it: capaian kinerja − penyerapan (positive = efficient).

    >>> efisiensi(87.87, 97.90)
    -10.03
    """
    a = efisiensi_angka(capaian_kinerja, penyerapan)
    return math.nan if a.bulat is None else float(a.bulat)


def efisiensi_angka(capaian_kinerja, penyerapan, label: str = "Efisiensi") -> Angka:
    """Efisiensi as an unrounded `Angka` (pass `Angka` inputs to avoid rounding twice)."""
    masukan = (sebagai_masukan(capaian_kinerja), sebagai_masukan(penyerapan))
    c, s = (nilai_dari(m) for m in masukan)
    nilai = None if c is None or s is None else c - s
    return Angka(
        nilai, "Capaian kinerja − Penyerapan anggaran", masukan, label=label, pola="{0} − {1}"
    )


def jumlah_pohon(df: pd.DataFrame, kolom: str) -> pd.Series:
    """Totals of a budget tree (program → kegiatan → sub kegiatan, by kode / kode_induk).

    Leaves only: a node with children is the sum of its children's totals (its own cell is
    ignored: a printed total belongs in ``tersaji.csv``, and `lkjip.periksa` compares a typed
    one with its children); a leaf takes its own value, an empty leaf counting as 0 (e.g. an
    item added in the perubahan has no pagu murni). Returns int (or Decimal) amounts indexed by
    kode, in the order of `df` (the values of `pohon_angka`).

    >>> df = pd.DataFrame({"kode": ["1", "1.1", "1.2"], "kode_induk": [None, "1", "1"],
    ...                    "pagu": [None, "445.000", 1_135_000]})
    >>> jumlah_pohon(df, "pagu").tolist()
    [1580000, 445000, 1135000]
    """
    angka = pohon_angka(df, kolom)
    return pd.Series([_rupiah(a.nilai) for a in angka.values()], index=list(angka), name=kolom,
                     dtype=object)


def pohon_angka(df: pd.DataFrame, kolom: str, berkas: str = "anggaran.csv") -> dict[str, Angka]:
    """Totals of a budget tree as `Angka` with provenance, keyed by kode in the order of `df`:
    the one tree sum (leaves only, see `jumlah_pohon`). A leaf cites its cell of `berkas`
    (row from ``_baris`` when present); a node is the sum of its children. Repeated kode,
    unknown parents and cycles raise ValueError.

    >>> df = pd.DataFrame({"kode": ["1", "1.1", "1.2"], "kode_induk": [None, "1", "1"],
    ...                    "pagu": [None, "445.000", 1_135_000], "_baris": [2, 3, 4]})
    >>> a = pohon_angka(df, "pagu")
    >>> a["1"].uraian(), a["1.1"].masukan[0].uraian()
    ('1.580.000 = 445.000 + 1.135.000', 'anggaran.csv baris 3 kolom pagu: 445.000')
    """
    kode = [str(k) for k in df["kode"]]
    if len(set(kode)) != len(kode):
        raise ValueError("kode anggaran tidak unik")
    anak = _anak(kode, list(df["kode_induk"]))
    baris = list(df["_baris"]) if "_baris" in df.columns else [None] * len(kode)
    sel = {k: (b, nilai_sel(v)) for k, b, v in zip(kode, baris, df[kolom], strict=True)}
    hasil: dict[str, Angka] = {}
    for k in kode:
        _angka_node(k, anak, sel, kolom, berkas, hasil, ())
    return {k: hasil[k] for k in kode}


def _angka_node(k: str, anak, sel, kolom: str, berkas: str, hasil: dict, jalur: tuple) -> Angka:
    """One node's `Angka` (memoised): its own cell for a leaf, the sum of children otherwise;
    a node met again on its own path is a cycle."""
    if k in jalur:
        raise ValueError(f"pohon anggaran berputar: {' → '.join(jalur + (k,))}")
    if k not in hasil:
        nama = kolom.replace("_", " ")
        if anak[k]:
            masukan = tuple(_angka_node(a, anak, sel, kolom, berkas, hasil, jalur + (k,))
                            for a in anak[k])
            pola = " + ".join(f"{{{i}}}" for i in range(len(masukan)))
            hasil[k] = Angka(sum((m.nilai for m in masukan), Decimal(0)), f"Σ {nama} rincian",
                             masukan, label=f"{nama} {k}", pola=pola, desimal=0)
        else:
            baris, nilai = sel[k]
            sumber = Sumber(berkas, None if baris is None else int(baris), kolom,
                            "" if nilai is None else nilai)
            aturan = None if nilai is not None else "sel kosong dihitung 0"
            angka = Decimal(0) if nilai is None else nilai_dari(sumber)
            hasil[k] = Angka(angka, f"{nama} tertulis", (sumber,), aturan, f"{nama} {k}",
                             desimal=0)
    return hasil[k]


def total_angka(df: pd.DataFrame, kolom: str, berkas: str = "anggaran.csv",
                pohon: Mapping[str, Angka] | None = None) -> Angka:
    """The grand total as an `Angka`: the sum of the roots (programs) of `pohon_angka`
    (`pohon`: its result, when already made).

    >>> df = pd.DataFrame({"kode": ["1", "2"], "kode_induk": [None, None], "pagu": [5, 7]})
    >>> total_angka(df, "pagu").uraian()
    '12 = 5 + 7'
    """
    pohon = pohon if pohon is not None else pohon_angka(df, kolom, berkas)
    akar = [pohon[str(k)] for k, i in zip(df["kode"], df["kode_induk"], strict=True) if _akar(i)]
    nama = kolom.replace("_", " ")
    pola = " + ".join(f"{{{i}}}" for i in range(len(akar))) or None
    return Angka(sum((a.nilai for a in akar), Decimal(0)), f"Σ {nama} program", tuple(akar),
                 label=f"total {nama}", pola=pola, desimal=0)


def total_pohon(df: pd.DataFrame, kolom: str) -> int | Decimal:
    """The grand total: the sum of the roots (programs) of `jumlah_pohon`.

    >>> df = pd.DataFrame({"kode": ["1", "2"], "kode_induk": [None, None], "pagu": [5, 7]})
    >>> total_pohon(df, "pagu")
    12
    """
    return _rupiah(total_angka(df, kolom).nilai)


def angka_kode(df: pd.DataFrame, kode: str, kolom: str, berkas: str = "anggaran.csv",
               pohon: Mapping[str, Mapping[str, Angka]] | None = None) -> Angka:
    """``pagu_murni``, ``pagu_perubahan`` or ``selisih`` of a kode of the DPA tree, or of
    ``total`` (its roots), with provenance. `pohon`: ``{column: pohon_angka(df, column,
    berkas)}`` for the columns of `KOLOM_POHON`, made once by the caller (each call without it
    sums the whole tree again).

    >>> df = pd.DataFrame({"kode": ["1", "1.1"], "kode_induk": [None, "1"],
    ...                    "pagu_murni": [None, 9], "pagu_perubahan": [None, 7]})
    >>> angka_kode(df, "total", "selisih").uraian()
    '-2 = 7 − 9'
    """
    if kolom == "selisih":
        m, p = (angka_kode(df, kode, k, berkas, pohon) for k in KOLOM_POHON)
        return perubahan_angka(m, p, f"bertambah/berkurang {kode}")
    pohon_kolom = pohon[kolom] if pohon is not None else pohon_angka(df, kolom, berkas)
    if kode == "total":
        return total_angka(df, kolom, berkas, pohon_kolom)
    return pohon_kolom[kode]


def induk_kode(df: pd.DataFrame) -> dict[str, str | None]:
    """kode → its kode_induk (None for a root), as text.

    >>> induk_kode(pd.DataFrame({"kode": ["1", "1.1"], "kode_induk": [None, "1"]}))
    {'1': None, '1.1': '1'}
    """
    return {str(k): (None if _akar(i) else str(i))
            for k, i in zip(df["kode"], df["kode_induk"], strict=True)}


def _akar(induk) -> bool:
    """True for an empty kode_induk."""
    return nilai_sel(induk) is None


def nilai_sel(v):
    """Empty text, NaN and pd.NA (an empty Int64 cell from the loader) become None."""
    if isinstance(v, str):
        return v if v.strip() else None
    return None if v is None or pd.isna(v) else v


def _anak(kode: list[str], induk: list) -> dict[str, list[str]]:
    """Children per kode; an unknown kode_induk is an error."""
    anak: dict[str, list[str]] = {k: [] for k in kode}
    for k, i in zip(kode, induk, strict=True):
        if _akar(i):
            continue
        if str(i) not in anak:
            raise ValueError(f"kode_induk {i!r} dari kode {k!r} tidak ada")
        anak[str(i)].append(k)
    return anak


# ---------------------------------------------------------------- realisasi: leaves only

SASARAN = "sasaran"


def induk_realisasi(anggaran: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str] | None]:
    """The tree realisasi rows hang in, keyed (tingkat, kode): sasaran → program → kegiatan →
    sub kegiatan (a program under its kode_sasaran)."""
    tingkat = dict(zip(anggaran["kode"].astype(str), anggaran["tingkat"], strict=True))
    induk: dict = {}
    for kode, t, i, s in zip(anggaran["kode"].astype(str), anggaran["tingkat"],
                             anggaran["kode_induk"], anggaran["kode_sasaran"], strict=True):
        if t == "program":
            induk[(t, kode)] = None if nilai_sel(s) is None else (SASARAN, str(s))
            if induk[(t, kode)] is not None:
                induk.setdefault(induk[(t, kode)], None)
        else:
            i = nilai_sel(i)
            induk[(t, kode)] = None if i is None else (tingkat.get(str(i)), str(i))
    return induk


def leluhur(induk: dict, node) -> list:
    """The nodes above `node`, nearest first.

    >>> leluhur({"a": "b", "b": "c", "c": None}, "a")
    ['b', 'c']
    """
    hasil, k = [], induk.get(node)
    while k is not None and k not in hasil:
        hasil.append(k)
        k = induk.get(k)
    return hasil


def daun_tercatat(induk: dict, tercatat) -> set:
    """Of the nodes with a row, those with no row below them: the only ones a sum adds (a row
    above them is a stated total, compared, never added).

    >>> sorted(daun_tercatat({"P": "S", "K1": "P", "K2": "P", "S": None}, ["S", "P", "K1"]))
    ['K1']
    """
    ada = set(tercatat)
    di_atas = {a for k in ada for a in leluhur(induk, k)}
    return ada - di_atas


def pagu_realisasi(anggaran: pd.DataFrame) -> dict[tuple[str, str], object]:
    """Pagu perubahan of every DPA node keyed as the realisasi tree keys it, (tingkat, kode)
    (`induk_realisasi`): what `belum_tercatat` asks of the parts without a row."""
    tingkat = dict(zip(anggaran["kode"].astype(str), anggaran["tingkat"], strict=True))
    return {(tingkat[k], k): v for k, v in jumlah_pohon(anggaran, "pagu_perubahan").items()}


def baris_realisasi(realisasi: pd.DataFrame) -> list[tuple[str, str]]:
    """The nodes realisasi_anggaran.csv has a row for, (tingkat, kode), in its order."""
    return [(t, str(k)) for t, k in zip(realisasi["tingkat"], realisasi["kode"], strict=True)]


def tanpa_baris(anggaran: pd.DataFrame, realisasi: pd.DataFrame, sasaran=None,
                pagu: Mapping | None = None) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """``(sasaran node, part)`` for every part with a pagu that no realisasi row covers while
    another part of its sasaran has rows (`belum_tercatat`): that sasaran's realisasi, and the
    total's, are not available. Of one sasaran's code when `sasaran` is given, else of all."""
    if not len(realisasi) or not len(anggaran):
        return []
    induk, baris = induk_realisasi(anggaran), baris_realisasi(realisasi)
    pagu = pagu_realisasi(anggaran) if pagu is None else pagu
    akar = [n for n in induk if n[0] == SASARAN and (sasaran is None or n[1] == sasaran)]
    return [(s, bagian) for s in akar for bagian in belum_tercatat(induk, baris, pagu, s)]


def belum_tercatat(induk: dict, tercatat, pagu: Mapping, node) -> list:
    """The nodes under `node` with a pagu (> 0) that no realisasi row covers, while another
    part of `node` has rows: a sum of the rows there would count them as Rp 0 without a word.
    A node is covered by a row of its own or when each of its parts with a pagu is; the
    highest uncovered ones are returned, in the order of `induk`. Nothing when no row lies
    under `node` (its realisasi is then not available at all) or when `node` has a row.

    >>> induk = {"S": None, "P1": "S", "P2": "S", "K1": "P1", "K2": "P1", "K3": "P2"}
    >>> pagu = {"P1": 100, "P2": 50, "K1": 60, "K2": 40, "K3": 50}
    >>> belum_tercatat(induk, ["K1"], pagu, "S")
    ['K2', 'P2']
    >>> belum_tercatat(induk, ["K1", "K2"], dict(pagu, P2=0, K3=0), "S")
    []
    >>> belum_tercatat(induk, [], pagu, "S"), belum_tercatat(induk, ["S", "K1"], pagu, "S")
    ([], [])
    """
    ada = set(tercatat)
    if node in ada:
        return []
    anak: dict = {}
    for k, i in induk.items():
        if i is not None:
            anak.setdefault(i, []).append(k)
    berisi = ada | {a for k in ada for a in leluhur(induk, k)}  # a row in or at the node

    def kosong(k) -> list:
        if k in ada:
            return []
        if k not in berisi:
            return [k] if (nilai_sel(pagu.get(k)) or 0) > 0 else []
        return [x for a in anak.get(k, []) for x in kosong(a)]

    return kosong(node) if node in berisi else []


def di_bawah(induk: dict, node, kumpulan) -> list:
    """The members of `kumpulan` in the subtree of `node` (itself included), in order."""
    return [k for k in kumpulan if k == node or node in leluhur(induk, k)]
