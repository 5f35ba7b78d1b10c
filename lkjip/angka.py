"""Computed figures with provenance (`Angka`), half-up rounding and Decimal conversion.

Every figure lkjip reports is an `Angka`: the unrounded value as a `Decimal`, the formula in
words (Bahasa Indonesia), the input figures it came from (other `Angka`, or `Sumber` items
naming a file, row and column) and the rule applied. Rounding happens once, at the end, half-up
to 2 decimals (`bulatkan`).

>>> a = Angka(ke_decimal(40), label="data publik")
>>> b = Angka(ke_decimal(100), label="pengaduan")
>>> rerata((a, b), label="pelayanan publik").uraian()
'70,00 = (40,00 + 100,00) / 2'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lkjip.bilangan import KOSONG, baca_angka, tulis_angka


def ke_decimal(x) -> Decimal | None:
    """Convert a typed or computed number to `Decimal` without float drift.

    Floats go through ``str`` (their shortest repr), strings through `baca_angka`; ``None``,
    NaN and ``pd.NA`` mean "not available" and give ``None``. An `Angka` gives its value.

    >>> ke_decimal(0.125), ke_decimal("82,94"), ke_decimal(7), ke_decimal(float("nan"))
    (Decimal('0.125'), Decimal('82.94'), Decimal('7'), None)
    """
    if isinstance(x, Angka):
        return x.nilai
    if x is None or _kosong(x):
        return None
    if isinstance(x, bool):
        raise ValueError(f"nilai ya/tidak bukan angka: {x!r}")
    if isinstance(x, str):
        return baca_angka(x)
    try:
        d = x if isinstance(x, Decimal) else Decimal(str(x))
    except InvalidOperation:
        raise ValueError(f"bukan angka: {x!r}") from None
    if not d.is_finite():
        raise ValueError(f"angka tidak terhingga tidak dapat dipakai: {x!r}")
    return d


def _kosong(x) -> bool:
    """True for NaN-like missing values (float NaN, pd.NA, NaT, Decimal NaN)."""
    try:
        return bool(x != x)  # NaN is the only value unequal to itself
    except TypeError:  # pd.NA raises on bool()
        return True


def bulatkan(x, desimal: int = 2) -> Decimal | None:
    """Round half-up (not banker's rounding) to `desimal` places; ``None`` stays ``None``.

    >>> bulatkan(87.8657), bulatkan(82.775), bulatkan(0.125), bulatkan(2.675)
    (Decimal('87.87'), Decimal('82.78'), Decimal('0.13'), Decimal('2.68'))
    >>> bulatkan(-47.5, 0), bulatkan(None)
    (Decimal('-48'), None)
    """
    d = ke_decimal(x)
    if d is None:
        return None
    return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Sumber:
    """Where a raw input came from: file, spreadsheet row (header = 1), column, raw value.

    >>> s = Sumber("data_publik.csv", None, "dipublikasikan", "4")
    >>> s.angka, s.uraian()
    (Decimal('4'), 'data_publik.csv kolom dipublikasikan: 4')
    """

    file: str
    baris: int | None
    kolom: str
    nilai: object

    @property
    def angka(self) -> Decimal | None:
        """The raw value as a Decimal (typed text is parsed the Indonesian way)."""
        return ke_decimal(self.nilai)

    def uraian(self) -> str:
        """Short Indonesian description: ``komposit.csv baris 3 kolom pembilang: 4``."""
        baris = "" if self.baris is None else f" baris {self.baris}"
        return f"{self.file}{baris} kolom {self.kolom}: {self.nilai}"

    def __reduce__(self):
        """Pickled as its four values: the dataclass default for a frozen slots class looks its
        fields up again for each object, ~60 % of unpickling a kecamatan-year from
        `lkjip.tembolok` (thousands of survey cells); a copy goes the same way."""
        return Sumber, (self.file, self.baris, self.kolom, self.nilai)


@dataclass(frozen=True)
class Angka:
    """A computed figure: unrounded `nilai`, formula `rumus`, inputs `masukan`, rule `aturan`.

    `pola` is an optional template for the worked line, with ``{0}``, ``{1}``, ... standing
    for the formatted `masukan`; `desimal` is how many places the figure shows with.

    >>> r = Angka(Decimal("40"), "Pembilang / Penyebut × 100", (4, 10), pola="{0} / {1} × 100")
    >>> r.bulat, float(r), r.uraian()
    (Decimal('40.00'), 40.0, '40,00 = 4 / 10 × 100')
    """

    nilai: Decimal | None
    rumus: str = ""
    masukan: tuple = ()
    aturan: str | None = None
    label: str = ""
    pola: str | None = field(default=None, compare=False)
    desimal: int = field(default=2, compare=False)

    @property
    def bulat(self) -> Decimal | None:
        """The value rounded half-up to 2 decimals (``None`` stays ``None``)."""
        return bulatkan(self.nilai, 2)

    def __float__(self) -> float:
        """The unrounded value as float; NaN when not available."""
        return math.nan if self.nilai is None else float(self.nilai)

    def __repr__(self) -> str:
        """One short line: ``<Angka capaian IKU-01: 100,95 = 82,78 / 82,00 × 100>``
        (`lkjip.bingkai`; the inputs can reach every row of a file, so they are not shown)."""
        from lkjip.bingkai import repr_angka

        return repr_angka(self)

    def _repr_html_(self) -> str:
        """A small block for JupyterLab (`lkjip.bingkai.html_angka`)."""
        from lkjip.bingkai import html_angka

        return html_angka(self)

    def uraian(self) -> str:
        """A worked line, e.g. ``'86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5'``.

        Without a `pola` it falls back to the formula in words (and the rule, if any).
        """
        hasil = _teks(self)
        if self.pola is not None and self.nilai is not None:
            return f"{hasil} = {self.pola.format(*(_teks(m) for m in self.masukan))}"
        bagian = [hasil] + ([self.rumus] if self.rumus else [])
        teks = " = ".join(bagian)
        return f"{teks} ({self.aturan})" if self.aturan else teks


def _teks(x) -> str:
    """Format one figure for a worked line: Angka at its `desimal`, raw numbers as typed (the
    digits as `lkjip.format.format_angka` writes them, which builds on this module)."""
    if isinstance(x, Angka):
        d = bulatkan(x.nilai, x.desimal)
    elif isinstance(x, Sumber):  # a typed cell: 4.0 read by pandas was typed "4"
        d = x.angka
        d = d.quantize(Decimal(1)) if d is not None and d == d.to_integral_value() else d
    else:
        d = ke_decimal(x)
    return KOSONG if d is None else tulis_angka(d)


def nilai_dari(x) -> Decimal | None:
    """The Decimal value of an input: an `Angka`, a `Sumber` or a plain number.

    >>> nilai_dari(Sumber("desa.csv", None, "tata_kelola_baik", 17)), nilai_dari(2.5)
    (Decimal('17'), Decimal('2.5'))
    """
    if isinstance(x, Sumber):
        return x.angka
    return ke_decimal(x)


def sebagai_masukan(x):
    """Keep an `Angka` or `Sumber` as provenance; turn a plain number into a Decimal."""
    return x if isinstance(x, Angka | Sumber) else ke_decimal(x)


def rerata(daftar: Iterable, label: str = "", rumus: str = "") -> Angka:
    """Mean of figures as an `Angka`; ``None`` when any input is not available.

    >>> rerata([Angka(Decimal("60")), Angka(Decimal("100"))]).uraian()
    '80,00 = (60,00 + 100,00) / 2'
    """
    masukan = tuple(sebagai_masukan(x) for x in daftar)
    if not masukan:
        raise ValueError("rerata dari daftar kosong tidak dapat dihitung")
    nilai = [nilai_dari(x) for x in masukan]
    hasil = None if None in nilai else sum(nilai, Decimal(0)) / len(nilai)
    pola = "(" + " + ".join(f"{{{i}}}" for i in range(len(nilai))) + f") / {len(nilai)}"
    rumus = rumus or f"Jumlah nilai / {len(nilai)}"
    return Angka(hasil, rumus, masukan, label=label, pola=pola)
