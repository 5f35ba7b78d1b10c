"""Column widths and font size of the Word edition's tables (`lkjip.word`): each column at
least as wide as its longest word at the table's font, which is made smaller (8,5 pt down to
7 pt) when the longest words do not fit the text width at 8,5 pt.

Widths are Arial's (the reference document's table font) per character, not an average
letter: capitals and digits are wider than most lowercase letters, and "No." or a
13-digit Rupiah figure must not break.
"""

from __future__ import annotations

import functools

# Arial's advance widths (1/1000 em; Liberation Sans, LibreOffice's stand-in, has the same):
# a word's width from its letters, as "No." or "PENYELENGGARAAN" are wider than the average
# letter. Other characters count as a full em.
_EM = {c: w for cs, w in (("'", 191), ("ijl", 222), ("|", 260), (" !,./:;I[\\]ft", 278),
                          ("()-`r", 333), ("{}", 334), ('"', 355), ("*", 389), ("^", 469),
                          ("Jckvsxyz", 500), ("0123456789#$?_abdeghnopquL", 556),
                          ("+<=>~", 584), ("FTZ", 611), ("&ABEKPSVXY", 667), ("CDHNRUw", 722),
                          ("GOQ", 778), ("Mm", 833), ("%", 889), ("W", 944), ("@", 1015))
       for c in cs}
CM_TEPI = 0.4  # a cell's padding: Word's and LibreOffice's 0,19 cm a side, and some slack
UKURAN = (8.5, 8.0, 7.5, 7.0)  # a table's font size (pt), the largest at which its words fit


@functools.lru_cache(maxsize=8192)  # a report's tables repeat their words and figures
def em(teks: str) -> float:
    """The width of `teks` in Arial, in em (times the font size for its width).

    >>> em("No."), em("10.")  # N 0,722 + o 0,556 + . 0,278; 1 0,556 + 0 0,556 + . 0,278
    (1.556, 1.39)
    """
    return sum(_EM.get(c, 1000) for c in teks) / 1000


def cm_em(pt: float) -> float:
    """One em at `pt` points, in cm (1 pt = 2,54 / 72 cm).

    >>> round(cm_em(8.5), 4)
    0.2999
    """
    return pt * 2.54 / 72


def bagi_lebar(minimal: list[float], ideal: list[float], total: float) -> list[float]:
    """Column widths (cm) summing to `total`: each at least its longest word (`minimal`), the
    room left shared in proportion to what each column would need on one line (`ideal`).

    >>> bagi_lebar([1, 1], [2, 5], 7)  # 5 cm left, shared 1 : 4
    [2.0, 5.0]
    >>> [round(w, 2) for w in bagi_lebar([6, 2, 1], [6, 2, 1], 8)]  # see `_terlebar_utuh`
    [6, 1.33, 0.67]
    """
    if sum(minimal) > total:
        return _terlebar_utuh(minimal, total)
    sisa = [max(i - m, 0) for m, i in zip(minimal, ideal, strict=True)]
    if sum(sisa) == 0:
        return [m + (total - sum(minimal)) / len(minimal) for m in minimal]
    tambah = total - sum(minimal)
    return [m + tambah * s / sum(sisa) for m, s in zip(minimal, sisa, strict=True)]


def _terlebar_utuh(minimal: list[float], total: float) -> list[float]:
    """When even the smallest font cannot fit every column's longest word, the widest words
    are kept whole, one column at a time while the others still get more than half their
    longest word (scaled alike); those others break a word: the only case where a word breaks.

    >>> _terlebar_utuh([6, 2, 1], 8)  # 6 kept: 2 cm left for 3, 2/3 of it each
    [6, 1.3333333333333333, 0.6666666666666666]
    >>> _terlebar_utuh([4, 4], 6)  # keeping one leaves the other half: scaled alike
    [3.0, 3.0]
    """
    urut = sorted(range(len(minimal)), key=lambda k: -minimal[k])
    utuh = 0
    while utuh < len(urut) - 1:
        lain = sum(minimal[k] for k in urut[utuh + 1:])
        if (total - sum(minimal[k] for k in urut[:utuh + 1])) / lain <= 0.5:
            break
        utuh += 1
    tetap = set(urut[:utuh])
    skala = (total - sum(minimal[k] for k in tetap)) / sum(
        m for k, m in enumerate(minimal) if k not in tetap)
    return [m if k in tetap else m * skala for k, m in enumerate(minimal)]


def ukuran_lebar(kata: list[float], teks: list[float], total: float
                 ) -> tuple[float, list[float]]:
    """The font size (pt) and column widths (cm) of a table whose columns' longest words are
    `kata` em wide and whose longest texts `teks` em: the largest size of `UKURAN` at which
    every longest word fits, padding included.

    >>> ukuran_lebar([10, 20], [10, 20], 10)[0]  # 2 x 0,4 + 30 x 0,2999 = 9,8 cm fit
    8.5
    >>> ukuran_lebar([20, 20], [20, 20], 12)[0]  # 8,5: 12,8; 8: 12,09; 7,5: 11,38 cm
    7.5
    >>> ukuran_lebar([10, 10, 10], [10, 10, 10], 8)[0]  # 7 pt: 3 x (0,4 + 10 x 0,2469) = 8,61
    7.0
    """
    for pt in UKURAN:
        minimal = [CM_TEPI + w * cm_em(pt) for w in kata]
        if sum(minimal) <= total:
            break
    return pt, bagi_lebar(minimal, [CM_TEPI + w * cm_em(pt) for w in teks], total)
