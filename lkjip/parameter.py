"""The parameters a user gives (kecamatan, tahun, data folder), checked before any file is read.

A notebook's ``parameters`` cell, the Python API (`lkjip.muat`, `lkjip.konteks.konteks`) and
the command line take the same three values. `cek_parameter` checks them all at once and
raises one `ParameterTidakSah` (an `LkjipError`) that names each bad value the way the user
wrote it: ``parameter `tahun``` in a notebook or in Python, ``--tahun`` on the command line
(``sebutan=ARGUMEN``). It never says "masalah pada data": the data were not read yet.

A kecamatan is the name of a folder in the data folder (a lowercase slug). The user may write
it in any case and with spaces for hyphens ("Bantarbolang", "Petarukan Timur"): it is matched
against the folders that exist (folder names are lowercase slugs, so at most one can match).
A name or year that cannot be one is refused before the disk is touched, and only names found
on disk are ever used as paths, so ``../x`` or an absolute path never reaches the file system.

>>> print(ParameterTidakSah([Masalah(sebut("tahun"), nilai="2023x", harapan=HARAPAN_TAHUN)]))
Parameter tidak sah:
- parameter `tahun`: nilai '2023x' tidak sah; seharusnya tahun empat angka, mis. 2023.
>>> cek_tahun("2023"), cek_tahun(2023)
(2023, 2023)
>>> kunci_nama("Petarukan Timur"), kunci_nama("  BANTARBOLANG ")
('petarukan-timur', 'bantarbolang')
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from pathlib import Path

from lkjip import config
from lkjip.galat import LkjipError, Masalah
from lkjip.jenis import SLUG_HARAPAN

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
TAHUN = re.compile(r"(19|20)[0-9]{2}")
HARAPAN_TAHUN = "tahun empat angka, mis. 2023"
HARAPAN_NAMA = "nama folder kecamatan: huruf, angka dan tanda hubung, mis. bantarbolang"


def sebut(nama: str) -> str:
    """How a parameter is named in a notebook or in Python: ``parameter `tahun```."""
    return f"parameter `{nama}`"


_OPSI = {"kecamatan": "--kecamatan", "tahun": "--tahun", "data_dir": "--data"}


def sebut_argumen(nama: str) -> str:
    """How a parameter is named on the command line: ``(argumen) --tahun``."""
    return f"(argumen) {_OPSI.get(nama, nama)}"


PARAMETER, ARGUMEN = sebut, sebut_argumen


class ParameterTidakSah(LkjipError):
    """A parameter (kecamatan, tahun, data folder) is not valid; every bad one is named."""

    def ringkasan(self) -> str:
        return "\n".join(["Parameter tidak sah:"] + [f"- {m}" for m in self.masalah])


def cek_tahun(tahun) -> int | None:
    """The year as an int, or None when it is not a four-digit year (1900–2099).

    >>> cek_tahun("2023x"), cek_tahun(True), cek_tahun(2023.0), cek_tahun(" 2023")
    (None, None, None, None)
    """
    if isinstance(tahun, bool):
        return None
    if isinstance(tahun, numbers.Integral):
        tahun = str(int(tahun))
    if isinstance(tahun, str) and TAHUN.fullmatch(tahun):
        return int(tahun)
    return None


def kunci_nama(nama: str) -> str:
    """A kecamatan as typed, reduced for matching: lower case, spaces and ``_`` as ``-``."""
    return re.sub(r"[\s_]+", "-", nama.strip()).casefold()


def _folder_data(data_dir, sebutan, masalah: list) -> Path | None:
    folder = Path(data_dir).expanduser() if data_dir is not None else config.data()
    if folder.is_dir():
        return folder.resolve()
    saran = ("isi `data_dir` dengan folder data" if sebutan is PARAMETER
             else "beri --data FOLDER")
    masalah.append(Masalah(sebutan("data_dir"), pesan=(
        f"folder data tidak ditemukan: {folder.resolve()}. Jalankan `lkjip init` untuk membuat "
        f"ruang kerja dengan data contoh, jalankan dari folder kerja, atau {saran}.")))
    return None


def kecamatan_ada(folder: Path) -> list[str]:
    """The kecamatan folders (lowercase slugs) of a data folder, sorted."""
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and SLUG.fullmatch(p.name))


def _cocokkan(kecamatan, folder: Path, sebutan, masalah: list) -> str | None:
    """The folder name `kecamatan` means: itself, or the one folder that matches ignoring case."""
    ada = kecamatan_ada(folder)
    if kecamatan in ada:
        return kecamatan
    cocok = [k for k in ada if k == kunci_nama(kecamatan)]
    if len(cocok) == 1:
        return cocok[0]
    masalah.append(Masalah(sebutan("kecamatan"), pesan=(
        f"kecamatan '{kecamatan}' tidak ditemukan. Yang tersedia: {', '.join(ada) or '(belum ada)'}"
        f" (folder data {folder}).")))
    return None


def _cek_ada_tahun(folder: Path, kecamatan: str, tahun: int, sebutan, masalah: list) -> None:
    dir_kec = folder / kecamatan
    if (dir_kec / str(tahun)).is_dir():
        return
    ada = sorted(p.name for p in dir_kec.iterdir() if p.is_dir() and TAHUN.fullmatch(p.name))
    masalah.append(Masalah(sebutan("tahun"), pesan=(
        f"data tahun {tahun} tidak ditemukan untuk kecamatan {kecamatan} ({dir_kec}). "
        f"Tahun yang tersedia: {', '.join(ada) or '(belum ada)'}.")))


def cek_parameter(kecamatan, tahun, data_dir=None, *,
                  sebutan: Callable[[str], str] = PARAMETER) -> tuple[str, int, Path]:
    """``(kecamatan, tahun, data folder)`` checked and resolved, or one `ParameterTidakSah`
    naming every bad value. ``data_dir=None`` means the default folder (`lkjip.config.data`).

    >>> cek_parameter("Bantarbolang", "2023", config.contoh())[:2]
    ('bantarbolang', 2023)
    >>> cek_parameter("bantarbolang", 2031, config.contoh())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lkjip.parameter.ParameterTidakSah: Parameter tidak sah:
    - parameter `tahun`: data tahun 2031 tidak ditemukan untuk kecamatan bantarbolang (...). \
Tahun yang tersedia: 2023.
    """
    masalah: list[Masalah] = []
    tahun_ok = cek_tahun(tahun)
    if tahun_ok is None:
        masalah.append(Masalah(sebutan("tahun"), nilai=str(tahun), harapan=HARAPAN_TAHUN))
    if not isinstance(kecamatan, str) or not SLUG.fullmatch(kunci_nama(kecamatan)):
        masalah.append(Masalah(sebutan("kecamatan"), nilai=str(kecamatan), harapan=HARAPAN_NAMA))
    if masalah:  # refused before the disk is touched: `../x` never reaches it
        raise ParameterTidakSah(masalah)
    folder = _folder_data(data_dir, sebutan, masalah)
    nama = _cocokkan(kecamatan, folder, sebutan, masalah) if folder is not None else None
    if nama is not None and tahun_ok is not None:
        _cek_ada_tahun(folder, nama, tahun_ok, sebutan, masalah)
    if masalah:
        raise ParameterTidakSah(masalah)
    return nama, tahun_ok, folder


def cek_nama(kecamatan: str, tahun) -> int:
    """Refuse a kecamatan that is not a plain slug or a year that is not a year.

    Called before any file is touched, so `../x` or an absolute path never reaches the disk.
    Here, not in `lkjip.muat`, so that a caller that only checks names (`lkjip batch
    --kecamatan`) does not import pandas.

    >>> cek_nama("bantarbolang", "2023")
    2023
    >>> cek_nama("../x", 2023)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lkjip.galat.LkjipError: Ditemukan 1 masalah pada data:
    - (argumen) --kecamatan: nilai '../x' tidak sah; seharusnya nama folder huruf kecil...
    """
    masalah = []
    if not isinstance(kecamatan, str) or not SLUG.fullmatch(kecamatan):
        masalah.append(Masalah("(argumen) --kecamatan", nilai=str(kecamatan),
                               harapan=SLUG_HARAPAN))
    if not TAHUN.fullmatch(str(tahun)):
        masalah.append(Masalah("(argumen) --tahun", nilai=str(tahun),
                               harapan="tahun empat angka (mis. 2023)"))
    if masalah:
        raise LkjipError(masalah)
    return int(tahun)
