"""Stated figures (``tersaji.csv``): each one read through the catalogue and compared.

A row's besaran names its catalogue entry (`lkjip.katalog`); its kunci, the figure's keys.
The entry's ``banding`` picks the comparison: the generic one (`dasar.banding`), or a special
one a rule module registers in its ``BANDING``. Nothing typed is ignored: a besaran no entry
knows, a kunci that names nothing and an unreadable value are findings themselves.
"""

from __future__ import annotations

from lkjip import katalog
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    banding,
    kunci_asing,
    tidak_terhitung,
)

ATURAN = (
    Aturan("tidak-diperiksa", "Angka tersaji yang tidak dapat diperiksa", ("info", "peringatan"),
           "a stated figure no rule checks or whose kunci is unknown (peringatan when the kunci "
           "or the value is unreadable)"),
)


def cek_tersaji(k: Konteks) -> list[Temuan]:
    """Every stated figure against what is computed (or info: it cannot be checked)."""
    hasil = []
    for row in k.tersaji:
        baca = katalog.baca_tersaji(k.hasil, row["besaran"], row["kunci"])
        jenis = baca.jenis
        if jenis is None:
            hasil += tidak_terhitung(k, row, f"tidak ada aturan untuk besaran '{row['besaran']}'")
        elif baca.kunci is None and jenis.kunci_asing:
            hasil += tidak_terhitung(k, row, jenis.kunci_asing)
        elif baca.kunci is None:
            hasil += kunci_asing(k, row, jenis.kunci_sah)
        else:
            hasil += k.banding[jenis.banding](k, row, baca)
    return hasil


PEMERIKSA = (cek_tersaji,)
BANDING = {"angka": banding}
