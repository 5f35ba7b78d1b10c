"""Which figures come from synthetic inputs, so every table and chart that shows one says so.

The example's IKM answers are generated (``ikm_responden_sintetis.csv``) to match the
published aggregates; a whole data set can be synthetic too (profil ``sintetis = ya``, the
demo kecamatan of `lkjip.sintetis`). A figure is synthetic when its provenance (`Angka`, down
to the `Sumber` rows) reaches such a file; a table or chart that shows one names the file in
its source line, in the edition too (the IKM's capaian, the sasaran and the overall capaian,
Tabel i and 4.1, the IKM charts; not a budget table typed by the office).
"""

from __future__ import annotations

from decimal import Decimal  # noqa: F401  (doctest)

from lkjip.angka import Angka

KETERANGAN_SINTETIS = "; memuat angka dari data sintetis (contoh), bukan data resmi: {}"


def berkas_sintetis(data) -> set[str]:
    """The input files marked synthetic: every file of a synthetic data set (profil
    ``sintetis = ya``), else the generated IKM survey (``ikm_responden_sintetis.csv``)."""
    if data.sintetis:
        return set(data.berkas.values())
    return {b for b in data.berkas.values() if b.rsplit("/", 1)[-1].endswith("_sintetis.csv")}


def _dari_berkas(angka, berkas: set[str]) -> set[str]:
    """The files among `berkas` that a figure's provenance reaches (walked once per node)."""
    ketemu, sudah, tumpuk = set(), set(), list(angka)
    while tumpuk:
        a = tumpuk.pop()
        if id(a) in sudah:
            continue
        sudah.add(id(a))
        if isinstance(a, Angka):
            tumpuk.extend(a.masukan)
        elif getattr(a, "file", None) in berkas:
            ketemu.add(a.file)
    return ketemu


def catatan_sintetis(data, angka) -> str:
    """The source line's note when a figure of a table or chart comes from synthetic data.

    >>> from types import SimpleNamespace as NS
    >>> from lkjip.angka import Sumber
    >>> d = NS(sintetis=False, berkas={"ikm_responden": "k/2023/ikm_responden_sintetis.csv"})
    >>> a = Angka(Decimal(3), "x", (Sumber("k/2023/ikm_responden_sintetis.csv", 2, "waktu", 3),))
    >>> catatan_sintetis(d, [a])
    '; memuat angka dari data sintetis (contoh), bukan data resmi: ikm_responden_sintetis.csv'
    """
    sintetis = berkas_sintetis(data)
    ketemu = _dari_berkas([a for a in angka if a is not None], sintetis) if sintetis else set()
    nama = sorted({b.rsplit("/", 1)[-1] for b in ketemu})
    return KETERANGAN_SINTETIS.format(", ".join(nama)) if nama else ""
