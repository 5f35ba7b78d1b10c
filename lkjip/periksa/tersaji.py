"""Stated figures (``tersaji.csv``): each one read through the catalogue and compared.

A row's besaran names its catalogue entry (`lkjip.katalog`); its kunci, the figure's keys.
The entry's ``banding`` picks the comparison: the generic one (`dasar.banding`), or a special
one a rule module registers in its ``BANDING``. Nothing typed is ignored: a besaran no entry
knows, a kunci that names nothing and an unreadable value are findings themselves.
"""

from __future__ import annotations

import re

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
           "a stated figure no rule checks or whose kunci is unknown (peringatan when the "
           "besaran looks like a typo of a known one, or the kunci or the value is "
           "unreadable)"),
)


def cek_tersaji(k: Konteks) -> list[Temuan]:
    """Every stated figure against what is computed (or info: it cannot be checked)."""
    hasil = []
    for row in k.tersaji:
        baca = katalog.baca_tersaji(k.hasil, row["besaran"], row["kunci"])
        jenis = baca.jenis
        if jenis is None:
            hasil += besaran_asing(k, row)
        elif baca.kunci is None and jenis.kunci_asing:
            hasil += tidak_terhitung(k, row, jenis.kunci_asing)
        elif baca.kunci is None:
            hasil += kunci_asing(k, row, jenis.kunci_sah)
        else:
            hasil += k.banding[jenis.banding](k, row, baca)
    return hasil


def besaran_dikenal(hasil) -> list[str]:
    """Every besaran a row of tersaji.csv may name (`jumlah_<daftar>` spelled out)."""
    nama = []
    for j in katalog.KATALOG:
        if not j.besaran:
            continue
        m = re.search(r"<(\w+)>", j.besaran)
        pilihan = katalog.PILIHAN[m.group(1)](hasil) if m else [None]
        nama += [j.besaran if m is None else j.besaran.replace(m.group(0), str(c))
                 for c in pilihan]
    return list(dict.fromkeys(nama))


def besaran_asing(k: Konteks, row) -> list[Temuan]:
    """A besaran no rule knows: a figure lkjip does not compute (``jumlah_sarpras``, info), or,
    when it is close to a known one (``capain``), a typo that would leave the figure unchecked:
    a peringatan naming the one probably meant."""
    import difflib

    besaran = str(row["besaran"]).strip()
    dekat = difflib.get_close_matches(besaran.lower(), besaran_dikenal(k.hasil), 1, 0.75)
    if not dekat:
        return tidak_terhitung(k, row, f"tidak ada aturan untuk besaran '{besaran}'")
    pesan = (f"Besaran '{besaran}' tidak dikenal (mungkin maksudnya '{dekat[0]}'), sehingga "
             f"angka tersaji {row['nilai']} tidak dapat diperiksa.")
    return [k.dari_tersaji(row, "peringatan", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


PEMERIKSA = (cek_tersaji,)
BANDING = {"angka": banding}
