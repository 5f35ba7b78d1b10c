"""The shape of the trees in the data: every node reaches a root, no cycle, the right roots.

Four inputs are trees: the budget (``anggaran.csv``: kode → kode_induk), the PK parties
(``pejabat.csv``: kode_pejabat → kode_atasan; the PK documents cascade along it), and the
composite indicators (``komposit.csv``: kode_node → kode_induk). A tree that is not one breaks
figures without a word: an Excel fill-down that copies the Camat's ``kode_atasan`` onto his own
row makes the Camat his own pihak kedua and leaves Tabel 2.4 empty; a camat↔sekcam cycle has no
top at all. So the loader refuses them here, naming file, row, column and value.

A missing parent is a reference error (`lkjip.referensi`) and is not repeated here; a node
below a cycle is named with the cycle it ends in.

>>> induk = {"camat": "camat", "sekcam": "camat", "a": "b", "b": "a", "c": None}
>>> lingkaran(induk)
[['a', 'b'], ['camat']]
>>> sampai_akar(induk)
{'c'}
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lkjip.galat import Masalah


def _kosong(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v)) or (isinstance(v, str)
                                                                        and not v.strip())


def lingkaran(induk: Mapping[str, str | None]) -> list[list[str]]:
    """Every cycle once, in walking order from its smallest node; a node that is its own
    parent is a cycle of one. Parents not in `induk` end a walk."""
    hasil, selesai = [], set()
    for awal in sorted(induk):
        jalur, posisi, k = [], {}, awal
        while k in induk and k not in selesai and k not in posisi:
            posisi[k] = len(jalur)
            jalur.append(k)
            k = induk[k]
        if k in posisi:
            putaran = jalur[posisi[k]:]
            i = putaran.index(min(putaran))
            hasil.append(putaran[i:] + putaran[:i])
        selesai.update(jalur)
    return sorted(hasil)


def sampai_akar(induk: Mapping[str, str | None]) -> set[str]:
    """The nodes whose walk up ends at a root (a node with an empty parent)."""
    hasil: set[str] = set()
    for awal in induk:
        jalur, k = [], awal
        while k in induk and k not in hasil and k not in jalur and not _kosong(induk[k]):
            jalur.append(k)
            k = induk[k]
        if k in hasil or (k in induk and _kosong(induk[k])):
            hasil.update(jalur + [k])
    return hasil


def cek_pohon(df: pd.DataFrame, kode: str, kolom_induk: str, berkas: str, apa: str
              ) -> list[Masalah]:
    """Self references, cycles and nodes hanging below a cycle, one `Masalah` per row.

    `apa` names the parent in the message ('kode atasan', 'kode induk').
    """
    induk = {r[kode]: (None if _kosong(r[kolom_induk]) else r[kolom_induk])
             for _, r in df.iterrows()}
    baris = dict(zip(df[kode], df["_baris"], strict=True))
    masalah = []
    putaran = lingkaran(induk)
    di_putaran = {k: p for p in putaran for k in p}
    for k, p in di_putaran.items():
        if len(p) == 1:
            harapan = (f"{apa} lain, bukan kode baris ini sendiri (mungkin tersalin oleh "
                       "'isi ke bawah' Excel); kosongkan bila ini puncak pohon")
        else:
            harapan = (f"{apa} yang tidak membentuk lingkaran "
                       f"({' → '.join(p[p.index(k):] + p[:p.index(k)] + [k])})")
        masalah.append(Masalah(berkas, int(baris[k]), kolom_induk, induk[k], harapan))
    sampai = sampai_akar(induk)
    for k, i in induk.items():
        ujung = None if k in sampai or k in di_putaran else _ujung(k, induk, di_putaran)
        if ujung is None:
            continue  # reaches the top, is on a cycle, or ends at a missing parent (referensi)
        masalah.append(Masalah(berkas, int(baris[k]), kolom_induk, i, (
            f"{apa} yang berujung di puncak pohon; kini berujung di lingkaran "
            f"{' → '.join(ujung + [ujung[0]])}")))
    return sorted(masalah, key=lambda m: m.baris or 0)


def _ujung(k: str, induk: Mapping, di_putaran: Mapping) -> list[str] | None:
    """The cycle a node's walk up ends in; None when it ends at a parent not in the tree.

    >>> _ujung("c", {"a": "b", "b": "a", "c": "a", "d": "x"}, {"a": ["a", "b"], "b": ["a", "b"]})
    ['a', 'b']
    >>> _ujung("d", {"d": "x"}, {}) is None
    True
    """
    while k not in di_putaran:
        if k not in induk:
            return None
        k = induk[k]
    return di_putaran[k]


# --- the trees of the data model ----------------------------------------------------------

def cek_pejabat(df: pd.DataFrame, b: str) -> list[Masalah]:
    """The PK parties: one tree with one top, who signs with the Bupati (named in nama_atasan
    and jabatan_atasan); the others' pihak kedua is their kode_atasan."""
    masalah = cek_pohon(df, "kode_pejabat", "kode_atasan", b, "kode atasan")
    puncak = df[df["kode_atasan"].map(_kosong)]
    if len(puncak) == 0:
        masalah.append(Masalah(b, pesan=_TANPA_PUNCAK))
    pertama = puncak.iloc[0] if len(puncak) else None
    for _, r in puncak.iloc[1:].iterrows():
        masalah.append(Masalah(b, int(r["_baris"]), "kode_atasan", None, (
            f"kode pejabat atasannya; hanya satu pejabat yang kode_atasan-nya kosong (yang "
            f"menandatangani PK dengan Bupati), dan itu sudah {pertama['kode_pejabat']} di "
            f"baris {int(pertama['_baris'])}")))
    for _, r in puncak.iterrows():
        for kolom in ("nama_atasan", "jabatan_atasan"):
            if _kosong(r[kolom]):
                masalah.append(Masalah(b, int(r["_baris"]), kolom, None, (
                    "nama dan jabatan pihak kedua PK pejabat puncak (Bupati), karena "
                    "kode_atasan baris ini kosong")))
    return sorted(masalah, key=lambda m: m.baris or 0)


_TANPA_PUNCAK = ("tidak ada pejabat puncak: tepat satu pejabat (yang menandatangani PK dengan "
                 "Bupati) mengosongkan kode_atasan dan mengisi nama_atasan dan jabatan_atasan.")


def cek_pohon_data(tabel: Mapping[str, pd.DataFrame], berkas: Mapping[str, str]
                   ) -> list[Masalah]:
    """Every tree of the data model: pejabat, anggaran, komposit."""
    masalah = cek_pejabat(tabel["pejabat"], berkas["pejabat"])
    masalah += cek_pohon(tabel["anggaran"], "kode", "kode_induk", berkas["anggaran"],
                         "kode induk")
    masalah += cek_pohon(tabel["komposit"], "kode_node", "kode_induk", berkas["komposit"],
                         "kode node induk")
    masalah += cek_akar_komposit(tabel, berkas["komposit"])
    return masalah


def cek_akar_komposit(tabel: Mapping[str, pd.DataFrame], b: str) -> list[Masalah]:
    """A composite tree starts at a root naming its indicator (once), and only roots name
    one: a root without it computes nothing, a named inner node would be taken for a root."""
    df = tabel["komposit"]
    sumber = dict(zip(tabel["indikator"]["kode_indikator"],
                      tabel["indikator"]["sumber_realisasi"], strict=True))
    masalah, dilihat = [], {}
    for _, r in df.iterrows():
        baris, ind = int(r["_baris"]), r["kode_indikator"]
        akar = _kosong(r["kode_induk"])
        if akar and _kosong(ind):
            masalah.append(Masalah(b, baris, "kode_indikator", None, (
                "kode indikator yang dihitung pohon ini, karena node ini tidak punya induk "
                "(atau isi kode_induk bila node ini bagian pohon lain)")))
        elif not akar and not _kosong(ind):
            masalah.append(Masalah(b, baris, "kode_indikator", ind, (
                "kosong: hanya node puncak (tanpa kode_induk) yang menyebut indikatornya")))
        elif akar and ind in dilihat:
            masalah.append(Masalah(b, baris, "kode_indikator", ind, (
                f"indikator yang belum punya pohon; {ind} sudah dihitung oleh pohon di baris "
                f"{dilihat[ind]}")))
        elif akar and sumber.get(ind, "komposit") != "komposit":
            masalah.append(Masalah(b, baris, "kode_indikator", ind, (
                f"indikator yang bersumber 'komposit' di indikator.csv ({ind} bersumber "
                f"'{sumber[ind]}', sehingga pohon ini tidak dipakai)")))
        if akar and not _kosong(ind):
            dilihat.setdefault(ind, baris)
    return masalah
