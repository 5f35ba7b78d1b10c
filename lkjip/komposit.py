"""Composite indicators as trees (``komposit.csv``): each node evaluated to an unrounded `Angka`.

Node kinds (``jenis``): ``rerata`` = mean of its children (ordered by ``urutan``); ``rasio`` =
pembilang / penyebut × 100 with the 0/0 rule of `lkjip.capaian`, the counts typed or counted
from a list (``daftar``); ``nilai`` = a typed value; ``ikm`` = the year's IKM. Cycles, unknown
parents, a ``rerata`` without children and children under a non-``rerata`` node are errors.

>>> pohon = pd.DataFrame({
...     "kode_node": ["X", "X.1", "X.2"], "kode_induk": [None, "X", "X"],
...     "nama": ["Komposit", "Data publik", "Musrenbang"], "jenis": ["rerata", "rasio", "nilai"],
...     "pembilang": [None, None, None], "penyebut": [None, None, None],
...     "nilai": [None, None, 60], "daftar": [None, "data_publik", None], "urutan": [1, 1, 2]})
>>> hitung_komposit(pohon, {"data_publik": (4, 10)})["X"].uraian()
'50,00 = (40,00 + 60,00) / 2'
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lkjip.angka import Angka, Sumber, ke_decimal, rerata
from lkjip.capaian import rasio_angka

JENIS = ("rerata", "rasio", "nilai", "ikm")


def hitung_komposit(
    pohon: pd.DataFrame,
    daftar: Mapping[str, tuple] | None = None,
    ikm=None,
    berkas: str = "komposit.csv",
    tetap: Mapping[str, Angka] | None = None,
    tahun: int | None = None,
) -> dict[str, Angka]:
    """Evaluate every node of the composite tree(s) in `pohon`; returns {kode_node: Angka}.

    `daftar` maps a list name to its counts ``(pembilang, penyebut)``, e.g.
    ``{"desa": (17, 17)}``; `ikm` is the year's IKM (an `Angka`, a number or a ``HasilIkm``);
    `tetap` maps a node to a value the office's decision fixed (`lkjip.tetap`): its parents
    are computed from it. `tahun` names the year of an ``ikm`` node's IKM in its formula.
    """
    baris = _baris_per_kode(pohon)
    anak = _anak(baris)
    _periksa_siklus(baris)
    konteks, hasil = _Konteks(daftar or {}, ikm, berkas, tahun), dict(tetap or {})
    for kode in baris:
        _nilai_node(kode, baris, anak, konteks, hasil)
    return {kode: hasil[kode] for kode in baris}


class _Konteks:
    """What a node may need besides the tree: list counts, the IKM, the file name, the year."""

    def __init__(self, daftar: Mapping[str, tuple], ikm, berkas: str, tahun: int | None = None):
        self.daftar, self.ikm, self.berkas, self.tahun = daftar, ikm, berkas, tahun


def _sel(row: Mapping, kolom: str):
    """A cell's value, with NaN, None and empty text as None."""
    v = row.get(kolom)
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    return None if isinstance(v, float) and v != v else v


def _baris_per_kode(pohon: pd.DataFrame) -> dict[str, dict]:
    """The rows keyed by kode_node (unique)."""
    baris: dict[str, dict] = {}
    for row in pohon.to_dict("records"):
        kode = str(row["kode_node"])
        if kode in baris:
            raise ValueError(f"kode_node {kode!r} muncul lebih dari sekali")
        if row.get("jenis") not in JENIS:
            raise ValueError(f"jenis node {kode!r} harus salah satu dari {', '.join(JENIS)}")
        baris[kode] = row
    return baris


def _anak(baris: dict[str, dict]) -> dict[str, list[str]]:
    """Children per node, ordered by urutan then kode; unknown parents are errors."""
    anak: dict[str, list[str]] = {k: [] for k in baris}
    for kode, row in baris.items():
        induk = _sel(row, "kode_induk")
        if induk is None:
            continue
        if str(induk) not in baris:
            raise ValueError(f"kode_induk {induk!r} dari node {kode!r} tidak ada")
        anak[str(induk)].append(kode)
    for daftar in anak.values():
        daftar.sort(key=lambda k: (_urutan(baris[k]), k))
    return anak


def _urutan(row: dict):
    """The sort key from the urutan column (missing sorts last)."""
    u = ke_decimal(_sel(row, "urutan"))
    return (u is None, u or 0)


def _periksa_siklus(baris: dict[str, dict]) -> None:
    """Walk up from every node; meeting a node twice means a cycle."""
    for awal in baris:
        jalur, kode = [awal], _sel(baris[awal], "kode_induk")
        while kode is not None:
            kode = str(kode)
            if kode in jalur:
                raise ValueError(f"pohon komposit berputar: {' → '.join(jalur + [kode])}")
            jalur.append(kode)
            kode = _sel(baris[kode], "kode_induk")


def jenis_salah(jenis: str, punya_anak: bool, ada_ikm: bool) -> str | None:
    """None when a node of `jenis` fits its place; else what its jenis must be. The one home of
    the rule: the loader (`lkjip.referensi`) and the computation both ask here.

    >>> jenis_salah("rerata", True, False), jenis_salah("rasio", True, False)
    (None, 'rerata, karena node ini memiliki sub-node')
    """
    if punya_anak and jenis != "rerata":
        return "rerata, karena node ini memiliki sub-node"
    if not punya_anak and jenis == "rerata":
        return "rasio, nilai atau ikm, karena node ini tidak memiliki sub-node"
    if jenis == "ikm" and not ada_ikm:
        return "jenis lain, karena tidak ada data IKM tahun ini"
    return None


def _nilai_node(kode, baris, anak, konteks: _Konteks, hasil: dict) -> Angka:
    """The Angka of one node (memoised in `hasil`)."""
    if kode not in hasil:
        row, jenis = baris[kode], baris[kode]["jenis"]
        salah = jenis_salah(jenis, bool(anak[kode]), konteks.ikm is not None)
        if salah:
            raise ValueError(f"node {kode!r} berjenis {jenis!r}; seharusnya {salah}")
        if jenis == "rerata":
            hasil[kode] = _rerata(
                kode, row, [_nilai_node(a, baris, anak, konteks, hasil) for a in anak[kode]]
            )
        else:
            hasil[kode] = _DAUN[jenis](kode, row, konteks)
    return hasil[kode]


def _rerata(kode: str, row: dict, nilai_anak: list[Angka]) -> Angka:
    """A 'rerata' node: the mean of its children."""
    return rerata(nilai_anak, label=str(row["nama"]), rumus="Rerata sub-indikator")


def _rasio(kode: str, row: dict, konteks: _Konteks) -> Angka:
    """A 'rasio' node: counts typed in the row, or counted from a list."""
    nama_daftar = _sel(row, "daftar")
    if nama_daftar is not None:
        if nama_daftar not in konteks.daftar:
            raise ValueError(f"daftar {nama_daftar!r} untuk node {kode!r} tidak tersedia")
        p, q = konteks.daftar[nama_daftar]
        berkas = f"{nama_daftar}.csv"
        masukan = (Sumber(berkas, None, "jumlah 'ya'", p), Sumber(berkas, None, "jumlah baris", q))
    else:
        masukan = tuple(_sumber(row, k, konteks.berkas) for k in ("pembilang", "penyebut"))
        if any(m.nilai is None for m in masukan):
            raise ValueError(f"node {kode!r} berjenis 'rasio' memerlukan pembilang dan penyebut")
    return rasio_angka(*masukan, label=str(row["nama"]))


def _sumber(row: dict, kolom: str, berkas: str) -> Sumber:
    """Provenance of one typed cell."""
    return Sumber(berkas, _sel(row, "_baris"), kolom, _sel(row, kolom))


def _nilai(kode: str, row: dict, konteks: _Konteks) -> Angka:
    """A 'nilai' node: the typed value."""
    sumber = _sumber(row, "nilai", konteks.berkas)
    if sumber.nilai is None:
        raise ValueError(f"node {kode!r} berjenis 'nilai' tetapi kolom nilai kosong")
    return Angka(sumber.angka, "Nilai diisi langsung", (sumber,), label=str(row["nama"]))


def _ikm(kode: str, row: dict, konteks: _Konteks) -> Angka:
    """An 'ikm' node: the year's IKM, named with its year (the report's text names a year by
    its number, `lkjip.ejaan`)."""
    ikm = getattr(konteks.ikm, "angka", konteks.ikm)  # HasilIkm → its Angka
    masukan = ikm if isinstance(ikm, Angka) else ke_decimal(ikm)
    rumus = f"IKM tahun {konteks.tahun}" if konteks.tahun is not None else "IKM tahun laporan"
    return Angka(ke_decimal(masukan), rumus, (masukan,), label=str(row["nama"]))


_DAUN = {"rasio": _rasio, "nilai": _nilai, "ikm": _ikm}
