"""What each type of an input file's column accepts, typed as an analyst types it: the element
checks behind `lkjip.skema`'s column types (`TIPE`: predicate and, in Bahasa Indonesia, what was
expected). Split from `lkjip.skema`, which declares the files and their columns.

>>> adalah_angka("2.522.467,50"), adalah_angka("1e3"), adalah_target("10/1")
(True, False, True)
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkjip.bilangan import baca_angka, baca_tanggal, baca_ya_tidak


def _bisa(fungsi, teks: str) -> bool:
    try:
        fungsi(teks)
    except (ValueError, TypeError, ArithmeticError):
        return False
    return True


# A typed number has at most 15 digits before the decimal point and 6 after it: Rupiah up to
# hundreds of trillions, and no value so large (or so small) that the formulas overflow the
# Decimal precision or an integer column (9999…9 in a Rupiah cell, 1e-30 as a target).
ANGKA_MAKS = Decimal(10) ** 15
DESIMAL_MAKS = 6
BATAS_ANGKA = "paling banyak 15 angka sebelum koma dan 6 sesudahnya"


def adalah_angka(teks: str) -> bool:
    """A number as typed, within the bounds above.

    >>> adalah_angka("2.522.467.250"), adalah_angka("9" * 16), adalah_angka("0,0000001")
    (True, False, False)
    """
    if not _bisa(baca_angka, teks):
        return False
    d = baca_angka(teks)
    return abs(d) < ANGKA_MAKS and -d.normalize().as_tuple().exponent <= DESIMAL_MAKS


def adalah_rupiah(teks: str) -> bool:
    if not adalah_angka(teks):
        return False
    nilai = baca_angka(teks)
    return nilai >= 0 and nilai == nilai.to_integral_value()


def adalah_bulat(teks: str) -> bool:
    return adalah_angka(teks) and baca_angka(teks) == baca_angka(teks).to_integral_value()


def adalah_tahun(teks: str) -> bool:
    return re.fullmatch(r"(19|20)[0-9]{2}", teks.strip()) is not None


def adalah_tanggal(teks: str) -> bool:
    return _bisa(baca_tanggal, teks)


def adalah_target(teks: str) -> bool:
    """A PK target: a number, or `a/b` as written (`10/1` people per activity)."""
    bagian = teks.split("/")
    return len(bagian) <= 2 and all(adalah_angka(b) for b in bagian)


SLUG_HARAPAN = ("nama folder huruf kecil, angka dan tanda hubung '-', tanpa spasi "
                "(mis. bantarbolang, comal-baru)")


def adalah_slug(teks: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", teks) is not None


def adalah_jawaban(teks: str) -> bool:
    return teks.strip() in {"1", "2", "3", "4"}


def adalah_ya_tidak(teks: str) -> bool:
    return _bisa(baca_ya_tidak, teks)


def adalah_nip(teks: str) -> bool:
    return re.fullmatch(r"\d{18}", teks.replace(" ", "")) is not None


TIPE = {
    # name: (predicate, what is expected, in Bahasa Indonesia)
    "teks": (lambda t: t.strip() != "", "teks yang tidak kosong"),
    "kode": (lambda t: t.strip() != "", "kode yang tidak kosong"),
    "angka": (adalah_angka, f"angka (mis. 82,94 atau 2.522.467.250; {BATAS_ANGKA})"),
    "rupiah": (adalah_rupiah, "jumlah Rupiah bulat tidak negatif (mis. 2.522.467.250) "
                              "di bawah 1.000 triliun"),
    "bulat": (adalah_bulat, "bilangan bulat (paling banyak 15 angka)"),
    "tahun": (adalah_tahun, "tahun empat angka (mis. 2023)"),
    "tanggal": (adalah_tanggal, "tanggal yang ada, ditulis HH/BB/TTTT atau TTTT-BB-HH "
                                  "(mis. 31/01/2024 atau 2024-01-31)"),
    "target": (adalah_target, f"angka atau pecahan a/b (mis. 94,69 atau 10/1; {BATAS_ANGKA})"),
    "slug": (adalah_slug, SLUG_HARAPAN),
    "jawaban": (adalah_jawaban, "jawaban 1, 2, 3 atau 4"),
    "ya_tidak": (adalah_ya_tidak, "ya atau tidak"),
    "nip": (adalah_nip, "NIP 18 angka (spasi boleh)"),
}
