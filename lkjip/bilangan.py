"""Numbers as Indonesian offices type them in Excel: parsing (`baca_angka`, `baca_ya_tidak`,
and dates: `baca_tanggal`) and its inverse, the digits of a number written the Indonesian way
(`tulis_angka`, used by the one formatter `lkjip.format`).

Rules (data/README.md):

- ``Rp``/``Rp.`` prefix, trailing ``,-`` and a ``%`` sign are ignored; spaces too.
- ``(47.067.500)`` and a leading ``-`` mean negative.
- With both ``.`` and ``,`` the last one is the decimal separator (``1.234.567,89``,
  ``1,234,567.89``).
- A single ``.`` followed by exactly three digits (``1.234``) is a thousands separator, as Excel
  in the Indonesian locale writes it; ``0.125`` (integer part 0) stays a decimal.
- A single ``,`` is a decimal comma (``82,94``); several of one separator are thousands
  separators and every group after the first must have exactly three digits.

>>> baca_angka("Rp. 2.522.467.250,-"), baca_angka("(47.067.500)"), baca_angka("87,86%")
(Decimal('2522467250'), Decimal('-47067500'), Decimal('87.86'))
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal

_RP = re.compile(r"^rp\.?", re.IGNORECASE)
_DIGIT = re.compile(r"^[0-9][0-9.,]*$")
_YA = {"ya", "y", "1", "true"}
_TIDAK = {"tidak", "t", "0", "false"}


def baca_angka(text) -> Decimal:
    """Parse a typed number into a `Decimal`; raise ValueError (Indonesian reason) if it is not one.

    >>> [str(baca_angka(t)) for t in ["2.522.467.250", "82,94", "82.94", "1.234", "1,234,567.89"]]
    ['2522467250', '82.94', '82.94', '1234', '1234567.89']
    >>> baca_angka("1,2,3")
    Traceback (most recent call last):
    ...
    ValueError: bukan angka yang sah: '1,2,3' (pemisah ribuan harus diikuti tepat 3 angka)
    """
    if not isinstance(text, str):
        return _dari_bilangan(text)
    negatif, badan = _tanda(_bersihkan(text))
    if not badan:
        raise ValueError(f"sel kosong, bukan angka: {text!r}")
    if not _DIGIT.match(badan) or not badan[-1].isdigit():
        raise ValueError(f"bukan angka: {text!r}")
    nilai = Decimal(_normalkan(badan, text))
    return -nilai if negatif else nilai


def _dari_bilangan(x) -> Decimal:
    """Accept an already numeric value (int, float, Decimal), rejecting bool, NaN and inf."""
    if isinstance(x, bool) or not isinstance(x, int | float | Decimal):
        raise ValueError(f"bukan angka: {x!r}")
    if isinstance(x, float) and not math.isfinite(x):
        raise ValueError(f"bukan angka yang terhingga: {x!r}")
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    if not d.is_finite():
        raise ValueError(f"bukan angka yang terhingga: {x!r}")
    return d


def _bersihkan(text: str) -> str:
    """Drop spaces, a trailing ',-' or '.-', and a trailing '%'."""
    s = re.sub(r"\s+", "", text.replace("\u2212", "-"))
    for akhiran in (",-", ".-", "%"):
        s = s.removesuffix(akhiran)
    return s


def _tanda(s: str) -> tuple[bool, str]:
    """Split off the sign: parentheses or a leading '-', before or after 'Rp'."""
    negatif = s.startswith("(") and s.endswith(")")
    if negatif:
        s = s[1:-1]
    for _ in range(2):  # '-Rp 5' and 'Rp -5'
        if s.startswith("-") and not negatif:
            negatif, s = True, s[1:]
        s = _RP.sub("", s, count=1)
    return negatif, s.removeprefix("+")


def _normalkan(s: str, asli: str) -> str:
    """Turn a body of digits and separators into a plain 'digits.digits' string."""
    if "." in s and "," in s:
        desimal = "." if s.rfind(".") > s.rfind(",") else ","
        ribuan = "," if desimal == "." else "."
        bulat, _, pecahan = s.rpartition(desimal)
        return _tanpa_ribuan(bulat, ribuan, asli) + "." + pecahan
    if "." not in s and "," not in s:
        return s
    if s.count(",") == 1:
        return s.replace(",", ".")
    if s.count(".") == 1 and not _titik_ribuan(s):
        return s
    return _tanpa_ribuan(s, "." if "." in s else ",", asli)


def _titik_ribuan(s: str) -> bool:
    """A single '.' followed by exactly 3 digits is a thousands separator ('1.234'), not '0.125'."""
    depan, _, belakang = s.partition(".")
    return len(belakang) == 3 and not depan.startswith("0")


def _tanpa_ribuan(s: str, pemisah: str, asli: str) -> str:
    """Remove thousands separators after checking the groups (1–3 digits, then 3, 3, ...)."""
    kelompok = s.split(pemisah)
    sah = all(k.isdigit() for k in kelompok) and 1 <= len(kelompok[0]) <= 3
    if not sah or any(len(k) != 3 for k in kelompok[1:]):
        raise ValueError(
            f"bukan angka yang sah: {asli!r} (pemisah ribuan harus diikuti tepat 3 angka)"
        )
    return "".join(kelompok)


def baca_ya_tidak(text) -> bool:
    """Parse ya/tidak (also y/t, 1/0, true/false; any case) into a bool.

    >>> baca_ya_tidak("Ya"), baca_ya_tidak(" tidak "), baca_ya_tidak("t"), baca_ya_tidak(1)
    (True, False, False, True)
    """
    s = str(text).strip().lower()
    if s in _YA:
        return True
    if s in _TIDAK:
        return False
    raise ValueError(f"harus 'ya' atau 'tidak': {text!r}")


_TANGGAL_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TANGGAL_ID = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def baca_tanggal(text) -> date:
    """Parse a date as an office types it: ``2024-01-31`` (ISO) or ``31/01/2024`` (day first,
    as Excel in the Indonesian locale saves a date cell to CSV; ``2/1/2024`` is 2 January).
    Raise ValueError for anything else, an impossible date (``31/02/2024``) included.

    >>> baca_tanggal("2024-01-31"), baca_tanggal(" 31/01/2024 "), baca_tanggal("2/1/2024")
    (datetime.date(2024, 1, 31), datetime.date(2024, 1, 31), datetime.date(2024, 1, 2))
    >>> baca_tanggal("31/02/2024")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    s = str(text).strip()
    if m := _TANGGAL_ISO.fullmatch(s):
        tahun, bulan, hari = m.groups()
    elif m := _TANGGAL_ID.fullmatch(s):
        hari, bulan, tahun = m.groups()
    else:
        raise ValueError(f"bukan tanggal TTTT-BB-HH atau HH/BB/TTTT: {text!r}")
    return date(int(tahun), int(bulan), int(hari))


KOSONG = "–"  # a value not available, as every view prints it


def tulis_angka(d: Decimal) -> str:
    """A Decimal written the Indonesian way, every digit kept: '-1234567.5' → '-1.234.567,5'
    (no sign on a value that is zero). Rounding is the caller's (`lkjip.format.format_angka`).

    >>> [tulis_angka(Decimal(x)) for x in ("-1234567.5", "2522467250", "-0.00")]
    ['-1.234.567,5', '2.522.467.250', '0,00']
    """
    tanda = "-" if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    ribuan = f"{int(bulat):,}".replace(",", ".")
    return tanda + ribuan + ("," + pecahan if pecahan else "")
