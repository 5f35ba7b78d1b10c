"""The one number formatter for tables, charts and narrative (Indonesian style).

Thousands with ``.``, decimals with ``,``, rounding half-up via `bulatkan`; a missing value
(None, NaN, an `Angka` without value) prints as an en dash. A percentage is bound to its sign
by a no-break space (U+00A0, `lkjip.ejaan.PERSEN`): '87,87 %' never breaks across lines, in
sentences, tables, charts and the Word edition alike.

>>> format_angka(87.8657), format_persen(87.865).replace("\xa0", " "), format_rupiah(2522467250)
('87,87', '87,87 %', 'Rp 2.522.467.250')
"""

from __future__ import annotations

from lkjip.angka import bulatkan, ke_decimal
from lkjip.bilangan import KOSONG, tulis_angka
from lkjip.ejaan import PERSEN


def format_angka(x, desimal: int | None = 2) -> str:
    """Format a number the Indonesian way; ``desimal=None`` keeps the digits as given.

    >>> format_angka(2522467250, 0), format_angka(1234.5), format_angka(-47067500, 0)
    ('2.522.467.250', '1.234,50', '-47.067.500')
    >>> format_angka(None), format_angka(float("nan")), format_angka(-0.001), format_angka(4, None)
    ('–', '–', '0,00', '4')
    """
    d = ke_decimal(x)
    if d is None:
        return KOSONG
    return tulis_angka(d if desimal is None else bulatkan(d, desimal))


def format_persen(x, desimal: int = 2) -> str:
    """A percentage: '87,87 %' with a no-break space; missing prints '–'.

    >>> format_persen(101.146), format_persen(100, 0), format_persen(None)
    ('101,15\xa0%', '100\xa0%', '–')
    """
    teks = format_angka(x, desimal)
    return teks if teks == KOSONG else f"{teks}{PERSEN}"


def format_rupiah(x, kurung: bool = False) -> str:
    """Rupiah without decimals: 'Rp 2.522.467.250', 'Rp -47.067.500'.

    ``kurung=True`` is the table style of Tabel 2.5: no 'Rp', negatives in parentheses.

    >>> format_rupiah(-47067500), format_rupiah(-47067500, kurung=True), format_rupiah(0, True)
    ('Rp -47.067.500', '(47.067.500)', '0')
    """
    teks = format_angka(x, 0)
    if teks == KOSONG:
        return teks
    if kurung:
        return f"({teks[1:]})" if teks.startswith("-") else teks
    return f"Rp {teks}"


def formatter_sumbu(desimal: int = 0):
    """A matplotlib tick formatter that prints axis values with `format_angka`.

    One value alone gets `desimal` decimals. An axis's ticks (`format_ticks`) get at least
    `desimal` and as many more as their step needs (`desimal_tik`): a locator that puts ticks
    at 70; 72,5; 75 prints "72,5" there, never "73", a value that is not the gridline's.

    >>> formatter_sumbu()(1234567, 0)
    '1.234.567'
    >>> formatter_sumbu().format_ticks([70, 72.5, 75]), formatter_sumbu(1).format_ticks([0, 5])
    (['70,0', '72,5', '75,0'], ['0,0', '5,0'])
    """
    from matplotlib.ticker import Formatter

    class _Sumbu(Formatter):
        def __init__(self) -> None:
            self.desimal = desimal

        def __call__(self, x, pos=None) -> str:
            return format_angka(x, self.desimal)

        def format_ticks(self, values) -> list[str]:
            self.desimal = max(desimal, desimal_tik(values))
            return [self(x) for x in values]

    return _Sumbu()


def desimal_tik(tik, paling_banyak: int = 3) -> int:
    """The fewest decimals (at most `paling_banyak`) that print every tick exactly: a budget
    of 1.000.000 has ticks 0,2 … 1,0 juta, not 0 … 1.

    >>> desimal_tik([0, 500, 1000]), desimal_tik([0.0, 0.2, 0.4]), desimal_tik([0, 0.25])
    (0, 1, 2)
    >>> desimal_tik([]), desimal_tik([0.0001])
    (0, 3)
    """
    for d in range(paling_banyak):
        if all(abs(round(float(x), d) - float(x)) <= 1e-9 * max(1.0, abs(float(x))) for x in tik):
            return d
    return paling_banyak
