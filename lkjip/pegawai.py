"""Personnel tables of Bab I (Tabel 1.1–1.3), computed by grouping one row per person.

Each table is a DataFrame indexed by jabatan in the fixed order of `URUTAN_JABATAN`, with a
final ``Jumlah`` row; counts are ints (the renderer prints 0 as '-', as the seed does).

>>> df = pd.DataFrame({"jabatan": ["Camat", "Pelaksana", "Tenaga Honorer"],
...                    "status": ["PNS", "PNS", "Honorer"], "pendidikan": ["S1", "SLTA", "SD"],
...                    "golongan": ["IV", "II", None]})
>>> tabel_jabatan(df)["Jumlah"].tolist()
[1, 0, 0, 0, 1, 1, 3]
"""

from __future__ import annotations

import pandas as pd

URUTAN_JABATAN = (
    "Camat",
    "Sekretaris Kecamatan",
    "Kepala Seksi",
    "Kepala Sub Bagian",
    "Pelaksana",
    "Tenaga Honorer",
)
URUTAN_PENDIDIKAN = ("SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
PENDIDIKAN_TETAP = ("SD", "SLTP", "SLTA", "D3", "S1", "S2")
GOLONGAN = ("I", "II", "III", "IV")
JUMLAH = "Jumlah"


def _periksa(pegawai: pd.DataFrame, kolom: str, sah: tuple[str, ...]) -> pd.Series:
    """The column stripped, with unknown values an error."""
    nilai = pegawai[kolom].astype("string").str.strip()
    salah = sorted(set(nilai.dropna()) - set(sah))
    if salah or nilai.isna().any():
        temuan = ", ".join(salah) if salah else "kosong"
        raise ValueError(
            f"nilai kolom {kolom!r} tidak dikenal: {temuan}; seharusnya {', '.join(sah)}"
        )
    return nilai


def _silang(baris: pd.Series, kolom: pd.Series, urutan_baris, urutan_kolom) -> pd.DataFrame:
    """Cross-count with fixed row/column order, row and column totals named Jumlah."""
    tabel = pd.crosstab(baris, kolom).reindex(index=urutan_baris, columns=urutan_kolom)
    tabel = tabel.fillna(0).astype(int)
    tabel[JUMLAH] = tabel.sum(axis=1)
    tabel.loc[JUMLAH] = tabel.sum(axis=0)
    tabel.index.name, tabel.columns.name = "Jabatan", None
    return tabel


def tabel_jabatan(pegawai: pd.DataFrame) -> pd.DataFrame:
    """Tabel 1.1: number of personnel per jabatan, with a Jumlah row (column ``Jumlah``)."""
    jabatan = _periksa(pegawai, "jabatan", URUTAN_JABATAN)
    jumlah = jabatan.value_counts().reindex(URUTAN_JABATAN, fill_value=0).astype(int)
    tabel = jumlah.to_frame(JUMLAH)
    tabel.loc[JUMLAH] = int(jumlah.sum())
    tabel.index.name = "Jabatan"
    return tabel


def tabel_pendidikan(pegawai: pd.DataFrame) -> pd.DataFrame:
    """Tabel 1.2: jabatan × pendidikan (SD SLTP SLTA D3 S1 S2, other levels only if present).

    >>> df = pd.DataFrame({"jabatan": ["Camat"], "pendidikan": ["S3"]})
    >>> tabel_pendidikan(df).columns.tolist()
    ['SD', 'SLTP', 'SLTA', 'D3', 'S1', 'S2', 'S3', 'Jumlah']
    """
    jabatan = _periksa(pegawai, "jabatan", URUTAN_JABATAN)
    pendidikan = _periksa(pegawai, "pendidikan", URUTAN_PENDIDIKAN)
    ada = set(pendidikan) | set(PENDIDIKAN_TETAP)
    kolom = [p for p in URUTAN_PENDIDIKAN if p in ada]
    return _silang(jabatan, pendidikan, list(URUTAN_JABATAN), kolom)


def tabel_golongan(pegawai: pd.DataFrame) -> pd.DataFrame:
    """Tabel 1.3: jabatan × golongan I–IV for PNS only (Tenaga Honorer shown only if a PNS).

    >>> df = pd.DataFrame({"jabatan": ["Camat", "Tenaga Honorer"], "status": ["PNS", "Honorer"],
    ...                    "golongan": ["IV", None]})
    >>> tabel_golongan(df).loc["Jumlah"].tolist()
    [0, 0, 0, 1, 1]
    """
    pns = pegawai[_periksa(pegawai, "status", ("PNS", "Honorer")) == "PNS"]
    jabatan = _periksa(pns, "jabatan", URUTAN_JABATAN)
    golongan = _periksa(pns, "golongan", GOLONGAN)
    baris = [j for j in URUTAN_JABATAN if j != "Tenaga Honorer" or j in set(jabatan)]
    return _silang(jabatan, golongan, baris, list(GOLONGAN))
