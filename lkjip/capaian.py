"""Capaian kinerja: per indikator, per sasaran, progress to the Renstra end target, ratios.

Formulas (Permenpan RB 53/2014, as Bab III of the seed, LKjIP 2023 Bantarbolang, prints them):

- arah ``naik`` (higher is better), metode ``rasio``: Realisasi / Target × 100
- arah ``turun`` (lower is better), metode ``selisih`` (default):
  (2 × Target − Realisasi) / Target × 100
- arah ``turun``, metode ``kebalikan``: Target / Realisasi × 100

The target-0 and 0/0 rules have no regulation; they are stated in the report with
`ATURAN_TARGET_NOL` and `ATURAN_NOL_PER_NOL`. Public functions return a float rounded half-up
to 2 decimals (NaN when the realisasi is not available); the ``*_angka`` variants return the
unrounded `Angka` with provenance.

>>> capaian(83.20, 94.69), capaian(83.20, 94.69, arah="turun"), capaian(82.94, 82)
(87.87, 112.13, 101.15)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from lkjip.angka import Angka, nilai_dari, rerata, sebagai_masukan

ATURAN_TARGET_NOL = (
    "Apabila target bernilai 0, capaian ditetapkan 100% jika realisasi memenuhi target "
    "(indikator makin tinggi makin baik: realisasi ≥ 0; indikator makin rendah makin baik: "
    "realisasi ≤ 0) dan 0% jika tidak."
)
ATURAN_NOL_PER_NOL = (
    "Rasio 0/0 (misalnya tidak ada pengaduan sehingga 0 dari 0 pengaduan terselesaikan) "
    "ditetapkan 100%, karena tidak ada yang tertinggal untuk diselesaikan."
)

_RUMUS = {
    "rasio": ("Realisasi / Target × 100", "{0} / {1} × 100"),
    "selisih": ("(2 × Target − Realisasi) / Target × 100", "(2 × {1} − {0}) / {1} × 100"),
    "kebalikan": ("Target / Realisasi × 100", "{1} / {0} × 100"),
}
METODE_ARAH = {"naik": ("rasio",), "turun": ("selisih", "kebalikan")}  # the first is default
_SERATUS = Decimal(100)


def capaian(realisasi, target, arah: str = "naik", metode: str | None = None) -> float:
    """Capaian of one indikator in percent, rounded half-up to 2 dp.

    >>> capaian(0, 0), capaian(3, 0), capaian(0, 0, arah="turun"), capaian(None, 82)
    (100.0, 100.0, 100.0, nan)
    """
    return _float(capaian_angka(realisasi, target, arah, metode))


def capaian_angka(
    realisasi, target, arah: str = "naik", metode: str | None = None, label: str = "Capaian"
) -> Angka:
    """Capaian as an unrounded `Angka`; inputs may be numbers, `Angka` or `Sumber`.

    >>> capaian_angka(83.20, 94.69).uraian()
    '87,87 = 83,2 / 94,69 × 100'
    """
    metode = _metode(arah, metode)
    masukan = (sebagai_masukan(realisasi), sebagai_masukan(target))
    r, t = (nilai_dari(m) for m in masukan)
    rumus, pola = _RUMUS[metode]
    if r is None or t is None:
        return Angka(None, rumus, masukan, label=label)
    if t == 0:
        return Angka(_target_nol(r, arah), rumus, masukan, ATURAN_TARGET_NOL, label)
    return Angka(_hitung(r, t, metode), rumus, masukan, f"arah {arah}", label, pola)


def _metode(arah: str, metode: str | None) -> str:
    """Check arah and metode; default metode is 'rasio' for naik, 'selisih' for turun."""
    if arah not in METODE_ARAH:
        raise ValueError(f"arah harus 'naik' atau 'turun', bukan {arah!r}")
    metode = metode or METODE_ARAH[arah][0]
    if metode_salah(arah, metode):
        pilihan = ", ".join(METODE_ARAH[arah])
        raise ValueError(f"metode untuk arah {arah!r} harus {pilihan}, bukan {metode!r}")
    return metode


def metode_salah(arah: str, metode: str) -> str | None:
    """None when `metode` fits `arah` (the one home of that rule: the loader, the formulas and
    the checks ask here); else what it must be.

    >>> metode_salah("naik", "rasio"), metode_salah("turun", "rasio")
    (None, "selisih atau kebalikan untuk arah 'turun'")
    """
    sah = METODE_ARAH.get(arah, ())
    return None if metode in sah else f"{' atau '.join(sah)} untuk arah '{arah}'"


def _target_nol(r: Decimal, arah: str) -> Decimal:
    """Target 0: 100 when the realisasi meets it (naik: R ≥ 0, turun: R ≤ 0), else 0."""
    tercapai = r >= 0 if arah == "naik" else r <= 0
    return _SERATUS if tercapai else Decimal(0)


def _hitung(r: Decimal, t: Decimal, metode: str) -> Decimal:
    """The capaian formula of `metode`, unrounded."""
    if metode == "rasio":
        return r / t * _SERATUS
    if metode == "selisih":
        return (2 * t - r) / t * _SERATUS
    if r == 0:
        raise ValueError(
            "metode 'kebalikan' (Target / Realisasi) tidak dapat dipakai bila realisasi 0; "
            "gunakan metode 'selisih'"
        )
    return t / r * _SERATUS


def capaian_sasaran(daftar_capaian: Iterable) -> float:
    """Capaian sasaran: mean of its indikator capaian ("metode rata-rata data kelompok").

    >>> capaian_sasaran([101.15]), capaian_sasaran([87.87, 101.15])
    (101.15, 94.51)
    """
    return _float(capaian_sasaran_angka(daftar_capaian))


def capaian_sasaran_angka(daftar_capaian: Iterable, label: str = "Capaian sasaran") -> Angka:
    """Capaian sasaran as an unrounded `Angka` (pass `Angka` to avoid rounding twice)."""
    return rerata(daftar_capaian, label, "Jumlah capaian indikator / jumlah indikator")


def progres_renstra(
    realisasi, target_akhir, arah: str = "naik", metode: str | None = None
) -> float:
    """Progress to the Renstra end target: realisasi / target akhir × 100 (naik).

    For arah ``turun`` the capaian formula of `metode` is applied to the end target.

    >>> progres_renstra(82.94, 99.73)  # the seed's narrative: 83,16 %
    83.16
    """
    return _float(progres_renstra_angka(realisasi, target_akhir, arah, metode))


def progres_renstra_angka(
    realisasi, target_akhir, arah: str = "naik", metode: str | None = None
) -> Angka:
    """Progress to the Renstra end target as an unrounded `Angka`."""
    a = capaian_angka(realisasi, target_akhir, arah, metode, label="Progres Renstra")
    rumus = a.rumus.replace("Target", "Target akhir Renstra")
    return Angka(a.nilai, rumus, a.masukan, a.aturan, a.label, a.pola)


def rasio(pembilang, penyebut) -> float:
    """A count ratio in percent: pembilang / penyebut × 100, with 0/0 = 100.

    >>> rasio(4, 10), rasio(2, 9), rasio(0, 0)
    (40.0, 22.22, 100.0)
    """
    return _float(rasio_angka(pembilang, penyebut))


def rasio_angka(pembilang, penyebut, label: str = "") -> Angka:
    """A count ratio as an unrounded `Angka`; x/0 with x ≠ 0 raises ValueError.

    >>> rasio_angka(2, 9).uraian()
    '22,22 = 2 / 9 × 100'
    """
    masukan = (sebagai_masukan(pembilang), sebagai_masukan(penyebut))
    p, q = (nilai_dari(m) for m in masukan)
    rumus = "Pembilang / Penyebut × 100"
    if p is None or q is None:
        return Angka(None, rumus, masukan, label=label)
    _periksa_rasio(p, q)
    if q == 0:
        return Angka(_SERATUS, rumus, masukan, ATURAN_NOL_PER_NOL, label)
    return Angka(p / q * _SERATUS, rumus, masukan, label=label, pola="{0} / {1} × 100")


def rasio_salah(p: Decimal, q: Decimal) -> str | None:
    """None when counts p/q make a ratio; else why not. Counts are not negative, and a non-zero
    count over zero has no meaning (0/0 is `ATURAN_NOL_PER_NOL`). The loader and the formula
    both ask here.

    >>> rasio_salah(0, 0) is None, rasio_salah(3, 0)
    (True, 'rasio 3/0 tidak dapat dihitung: penyebut 0 tetapi pembilang bukan 0')
    """
    if p < 0 or q < 0:
        return f"pembilang dan penyebut rasio tidak boleh negatif ({p}/{q})"
    if q == 0 and p != 0:
        return f"rasio {p}/0 tidak dapat dihitung: penyebut 0 tetapi pembilang bukan 0"
    return None


def _periksa_rasio(p: Decimal, q: Decimal) -> None:
    alasan = rasio_salah(p, q)
    if alasan:
        raise ValueError(alasan)


def _float(a: Angka) -> float:
    """The public return value: rounded half-up to 2 dp, NaN when not available."""
    return math.nan if a.bulat is None else float(a.bulat)
