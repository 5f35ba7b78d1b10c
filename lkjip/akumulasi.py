"""How a year's value follows from its quarters (TW I–IV): the one home of ``akumulasi_tw``.

An indicator's ``akumulasi_tw`` (renstra/indikator.csv) says how its TW values make the year:
``jumlah`` (their sum: events, documents), ``terakhir`` (the last TW given: a level reached),
``maks`` (the highest) or ``rerata`` (their mean). The computation (a year's realisasi from TW
rows, `lkjip.hitung`), the checks (TW targets of a PK against the year's target,
`lkjip.periksa.pk`) and the loader's choices all read this module.

>>> [akumulasi([Decimal(10), Decimal(30), Decimal(20)], c) for c in CARA]
[Decimal('60'), Decimal('20'), Decimal('30'), Decimal('20')]
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip.angka import Angka, rerata

CARA = ("jumlah", "terakhir", "maks", "rerata")
NAMA_TW = ("TW I", "TW II", "TW III", "TW IV")
RUMUS = {"jumlah": "TW I + … + TW IV", "terakhir": "nilai TW terakhir",
         "maks": "nilai TW tertinggi", "rerata": "rerata nilai TW"}


def akumulasi(nilai: Sequence[Decimal], cara: str) -> Decimal:
    """The year's value of TW values (in TW order) by `cara`; unrounded."""
    if cara not in CARA:
        raise ValueError(f"akumulasi_tw harus salah satu dari {', '.join(CARA)}, bukan {cara!r}")
    if not nilai:
        raise ValueError("akumulasi dari daftar TW kosong tidak dapat dihitung")
    if cara == "jumlah":
        return sum(nilai, Decimal(0))
    if cara == "terakhir":
        return nilai[-1]
    if cara == "maks":
        return max(nilai)
    return sum(nilai, Decimal(0)) / len(nilai)


def akumulasi_tw(nilai: list[Angka], cara: str, label: str) -> Angka:
    """The year's value from TW figures as an `Angka` (inputs kept as provenance).

    >>> tw = [Angka(Decimal(v)) for v in (10, 30, 20)]
    >>> [akumulasi_tw(tw, c, "x").nilai for c in ("jumlah", "terakhir", "maks")]
    [Decimal('60'), Decimal('20'), Decimal('30')]
    >>> akumulasi_tw(tw, "rerata", "x").uraian(), akumulasi_tw(tw, "jumlah", "x").uraian()
    ('20,00 = (10,00 + 30,00 + 20,00) / 3', '60,00 = 10,00 + 30,00 + 20,00')
    """
    if cara == "rerata":
        return rerata(nilai, label)
    if cara == "jumlah":
        pola = " + ".join(f"{{{i}}}" for i in range(len(nilai)))
        return Angka(akumulasi([n.nilai for n in nilai], cara), rumus_jumlah(len(nilai)),
                     tuple(nilai), label=label, pola=pola)
    return Angka(akumulasi([n.nilai for n in nilai], cara), RUMUS[cara], tuple(nilai),
                 label=label)


def rumus_jumlah(n: int) -> str:
    """The sum of the first `n` quarters in words: a sum s.d. TW III is not TW I + … + TW IV.

    >>> rumus_jumlah(4), rumus_jumlah(3), rumus_jumlah(1)
    ('TW I + … + TW IV', 'TW I + TW II + TW III', 'TW I')
    """
    return RUMUS["jumlah"] if n == 4 else " + ".join(NAMA_TW[:n])
