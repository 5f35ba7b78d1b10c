"""Rating scales as data: one CSV per preset in ``lkjip/skala/``.

Each CSV has columns ``batas_bawah,inklusif,kategori,kode``, one row per band from the highest
to the lowest; the lowest band has an empty ``batas_bawah`` ("everything below"). A value is
first rounded half-up to 2 decimals (the figure the report prints), then the first band whose
lower bound it reaches (``≥`` when inklusif is ``ya``, ``>`` when ``tidak``) is its category.
So 93,505 → 93,51 → Sangat Tinggi on ``bantarbolang-2023``, and the gaps of the published
Permendagri 86/2017 bands (90,5) fall into the band below (Tinggi).

>>> kategori(87.87, "bantarbolang-2023"), kategori(90.5), kategori(90, "permenpan-88-2021")
('Sedang', 'Tinggi', 'A')
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lkjip.angka import bulatkan
from lkjip.bilangan import baca_ya_tidak
from lkjip.format import format_angka

FOLDER_SKALA = Path(__file__).with_name("skala")
SKALA_BAKU = "permendagri-86-2017"
NAMA_SKALA = {  # how the report names a preset (the file name is for the data)
    "bantarbolang-2023": "skala nilai peringkat kinerja Kecamatan Bantarbolang "
                         "(LKjIP Tahun 2023)",
    "permendagri-86-2017": "skala Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
    "permenpan-88-2021": "skala predikat Peraturan Menteri PANRB Nomor 88 Tahun 2021",
}


def daftar_skala() -> list[str]:
    """Names of the available presets.

    >>> daftar_skala()
    ['bantarbolang-2023', 'permendagri-86-2017', 'permenpan-88-2021']
    """
    return sorted(p.stem for p in FOLDER_SKALA.glob("*.csv"))


def nama_skala(nama: str) -> str:
    """The scale as a sentence names it (never the preset's file name).

    >>> nama_skala("permendagri-86-2017")
    'skala Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017'
    >>> nama_skala("lain")
    'skala nilai peringkat kinerja yang berlaku'
    """
    return NAMA_SKALA.get(nama, "skala nilai peringkat kinerja yang berlaku")


def muat_skala(nama: str = SKALA_BAKU) -> pd.DataFrame:
    """The scale as a DataFrame for Tabel 3.1, with an ``interval`` column in 2-dp text.

    >>> list(muat_skala("bantarbolang-2023")["interval"])
    ['≥ 93,51', '88,76 – 93,50', '81,26 – 88,75', '75,51 – 81,25', '≤ 75,50']
    """
    return _baca(nama).copy()


@lru_cache
def _baca(nama: str) -> pd.DataFrame:
    """Read and check one preset (cached; callers get copies)."""
    if nama not in daftar_skala():
        raise ValueError(
            f"skala {nama!r} tidak dikenal; pilih salah satu: {', '.join(daftar_skala())}"
        )
    df = pd.read_csv(FOLDER_SKALA / f"{nama}.csv", dtype=str, keep_default_na=False)
    df["batas_bawah"] = [Decimal(b) if b else None for b in df["batas_bawah"]]
    df["inklusif"] = [baca_ya_tidak(v) for v in df["inklusif"]]
    df["interval"] = _interval(list(df["batas_bawah"]), list(df["inklusif"]))
    return df[["batas_bawah", "inklusif", "interval", "kategori", "kode"]]


def _interval(batas: list, inklusif: list) -> list[str]:
    """Band texts in 2 dp: '≥ 93,51', '88,76 – 93,50', '> 80,00 – 90,00', '≤ 75,50'."""
    teks = []
    for i, (b, ink) in enumerate(zip(batas, inklusif, strict=True)):
        atas = None if i == 0 else _atas(batas[i - 1], inklusif[i - 1])
        bawah = None if b is None else ("≥ " if ink else "> ") + format_angka(b)
        if atas is None:
            teks.append(bawah)
        else:
            teks.append(f"≤ {atas}" if bawah is None else f"{bawah.lstrip('≥ ')} – {atas}")
    return teks


def _atas(batas_atas: Decimal, inklusif_atas: bool) -> str:
    """The highest 2-dp value below the band above."""
    return format_angka(batas_atas - Decimal("0.01") if inklusif_atas else batas_atas)


def kategori(persen, skala: str = SKALA_BAKU) -> str:
    """Category name of a capaian (percent) on a scale; None/NaN gives None.

    >>> kategori(93.505, "bantarbolang-2023"), kategori(93.504, "bantarbolang-2023")
    ('Sangat Tinggi', 'Tinggi')
    """
    pita = _pita(persen, skala)
    return None if pita is None else pita["kategori"]


def kode_kategori(persen, skala: str = SKALA_BAKU) -> str:
    """Category code (ST, T, S, ...; AA ... D) of a capaian on a scale.

    >>> kode_kategori(81.26, "bantarbolang-2023")
    'S'
    """
    pita = _pita(persen, skala)
    return None if pita is None else pita["kode"]


def _pita(persen, skala: str):
    """The band (row) a value falls in after rounding to 2 dp."""
    df = _baca(skala)
    nilai = bulatkan(persen, 2)
    if nilai is None:
        return None
    for _, baris in df.iterrows():
        if _masuk(nilai, baris["batas_bawah"], baris["inklusif"]):
            return baris
    raise ValueError(f"skala {skala!r} tidak mencakup nilai {nilai}")


def _masuk(nilai: Decimal, batas: Decimal | None, inklusif: bool) -> bool:
    """Does a value reach a lower bound (None = no bound)?"""
    if batas is None:
        return True
    return nilai >= batas if inklusif else nilai > batas


def tabel_skala() -> str:
    r"""The scales table of data/README.md (tested to be there verbatim): one row per preset.

    >>> print(tabel_skala().splitlines()[3].replace(" · ", "\n"))
    | `permendagri-86-2017` | Sangat Tinggi ≥ 91,00
    Tinggi 76,00 – 90,99
    Sedang 66,00 – 75,99
    Rendah 51,00 – 65,99
    Sangat Rendah ≤ 50,99 |
    """
    baris = ["| skala | kategori (nilai dibulatkan setengah ke atas, dua desimal) |", "|---|---|"]
    for nama in daftar_skala():
        df = muat_skala(nama)
        pita = " · ".join(f"{k} {i}" for k, i in zip(df["kategori"], df["interval"], strict=True))
        baris.append(f"| `{nama}` | {pita} |")
    return "\n".join(baris) + "\n"
