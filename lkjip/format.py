"""The one number formatter for tables, charts and narrative (Indonesian style).

Thousands with ``.``, decimals with ``,``, rounding half-up via `bulatkan`; a missing value
(None, NaN, an `Angka` without value) prints as an en dash. A percentage is bound to its sign
by a no-break space (U+00A0, `lkjip.ejaan.PERSEN`): '87,87 %' never breaks across lines, in
sentences, tables, charts and the Word edition alike.

An indicator's value (target, realisasi, a year's or a quarter's, a difference of them) prints
by its unit with `format_nilai`: a percentage, index or score (`satuan_skala`) with two
decimals as every computed figure; a count (kasus, dokumen, orang, …) or another measure with
the decimals it carries, at most two: '4 kasus', '3,5 kasus', never '4,00 kasus' beside a
target '3' (a reviewer reads 4,00 as measured), and never '4' for 3,5. A value that needs
rounding keeps both decimals (1,3333 → '1,33'; 3,999 → '4,00', not '4'), so a rounded figure
never passes for an exact one. Capaian, progress and penyerapan are percentages: `format_persen`
or `format_angka` at two decimals, as before.

A typed target prints by the same rule (`format_target`), in the yearly edition and the
quarterly report alike, so a row reads '90,00 | 92,50' and not '90 | 92,50': the target is a
figure of the same kind as the realisasi beside it. It is never rounded: a target typed with
more places than its unit prints (83,456 on a % indicator) prints them all ('83,456'), since
capaian is computed from that figure. Only an ``a/b`` target prints as typed.

>>> format_angka(87.8657), format_persen(87.865).replace("\xa0", " "), format_rupiah(2522467250)
('87,87', '87,87 %', 'Rp 2.522.467.250')
>>> format_nilai(4, "kasus"), format_nilai(3.5, "kasus"), format_nilai(97.456, "%")
('4', '3,5', '97,46')
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


# Units read on a scale (the first word of the satuan, lower case): their values print with two
# decimals. An empty satuan counts as one, as `lkjip.narasi_analisis.satuan_selisih` reads it.
SATUAN_SKALA = ("%", "persen", "indeks", "skor", "nilai", "poin")


def satuan_skala(satuan) -> bool:
    """True for a percentage, index or score (its values print with two decimals); False for a
    count or another measure, whose values print as exact as they are (`format_nilai`).

    >>> [satuan_skala(s) for s in ("%", "Indeks", "persen (%)", "", None)]
    [True, True, True, True, True]
    >>> [satuan_skala(s) for s in ("kasus", "dokumen", "orang", "hari", "Rp")]
    [False, False, False, False, False]
    """
    kata = str(satuan or "").strip().lower().split()
    return not kata or "%" in kata[0] or kata[0] in SATUAN_SKALA


def desimal_nilai(x, satuan, desimal: int = 2) -> int:
    """The places an indicator's value prints with (`format_nilai`): `desimal` for a unit on a
    scale or a value that needs rounding, else the fewest that write it exactly.

    >>> [desimal_nilai(x, "kasus") for x in (4, "4,00", 3.5, 0.25, 1.3333, 3.999, 40)]
    [0, 0, 1, 2, 2, 2, 0]
    >>> desimal_nilai(4, "%"), desimal_nilai(None, "kasus")
    (2, 2)
    """
    d = ke_decimal(x)
    if d is None or satuan_skala(satuan):
        return desimal
    return min(max(0, -d.normalize().as_tuple().exponent), desimal)


def format_nilai(x, satuan, desimal: int = 2) -> str:
    """An indicator's value (target, realisasi, per year or quarter, a difference) by its unit:
    two decimals on a scale, a count or other measure as exact as it is (`desimal_nilai`).

    >>> format_nilai(4, "kasus"), format_nilai("3,50", "kasus"), format_nilai(4, "%")
    ('4', '3,5', '4,00')
    >>> format_nilai(2.0 / 3, "kasus"), format_nilai(3.999, "dokumen"), format_nilai(None, "kasus")
    ('0,67', '4,00', '–')
    >>> format_nilai(2522467250, "Rp"), format_nilai(82.7777, "indeks")
    ('2.522.467.250', '82,78')
    """
    return format_angka(x, desimal_nilai(x, satuan, desimal))


def tempat_tertulis(x) -> int:
    """The decimal places a typed figure carries, trailing zeros left out ('83,50' has 1).

    >>> [tempat_tertulis(x) for x in ("83,456", "83,50", 90, 0.125, None)]
    [3, 1, 0, 3, 0]
    """
    d = ke_decimal(x)
    return 0 if d is None else max(0, -d.normalize().as_tuple().exponent)


def desimal_target(x, satuan, desimal: int = 2) -> int:
    """The places a typed target prints with: its unit's (`desimal_nilai`), or more when it
    was typed with more, so that a target is never rounded to another figure: 83,456 on a %
    indicator prints '83,456', not '83,46' (capaian is computed from 83,456, and a reviewer
    recomputes it from the table).

    >>> [desimal_target(x, "%") for x in (90, "83,5", "83,456")]
    [2, 2, 3]
    >>> [desimal_target(x, "kasus") for x in (4, "3,50", "1,125")]
    [0, 1, 3]
    """
    return max(desimal_nilai(x, satuan, desimal), tempat_tertulis(x))


def format_target(x, satuan, desimal: int = 2) -> str:
    """A typed target (a year's, the Renstra's end target, a PK's and its TW I–IV) by its unit
    as the realisasi beside it (`format_nilai`), never rounded (`desimal_target`); an ``a/b``
    target ('10/1' orang per kegiatan) as typed. One rule for the yearly edition and the
    quarterly report.

    >>> format_target(90, "%"), format_target("83,5", "indeks"), format_target("83,456", "%")
    ('90,00', '83,50', '83,456')
    >>> format_target(3, "kasus"), format_target("3,50", "kasus"), format_target(" 10/1", "orang")
    ('3', '3,5', '10/1')
    >>> format_target(None, "%"), format_target(0, "indeks")
    ('–', '0,00')
    """
    if isinstance(x, str) and "/" in x:
        return x.strip()
    return format_angka(x, desimal_target(x, satuan, desimal))


def format_target_sd(a, satuan) -> str:
    """A target s.d. TW (an `Angka` of `lkjip.triwulan.target_sd`) by its unit as
    `format_nilai`, with the places the figure carries when more: a sum or the last of typed TW
    targets is exact and prints as the year's target does ('83,456'), a mean is rounded.

    >>> from lkjip.angka import Angka
    >>> from decimal import Decimal
    >>> format_target_sd(Angka(Decimal("83.456"), desimal=3), "%"), format_target_sd(None, "%")
    ('83,456', '–')
    >>> format_target_sd(Angka(Decimal("23.6725")), "%")
    '23,67'
    >>> format_target_sd(Angka(Decimal(3)), "kasus")
    '3'
    """
    if a is None or getattr(a, "nilai", None) is None:
        return KOSONG
    return format_nilai(a.nilai, satuan, max(2, a.desimal))


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
