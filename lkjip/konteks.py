"""The data and computed model of one kecamatan-year, loaded once per kernel.

All chapter notebooks of a report run in one kernel (`lkjip.laporan`), and each of them
starts with ``data, hasil = konteks(kecamatan, tahun, data_dir)``. The first call loads and
computes; the others get the same objects. The cache key includes the size and modification
time of every data file, so an analyst who edits a CSV in JupyterLab sees the change on the
next run without restarting the kernel.

Stated figures (``tersaji.csv``) that differ from the computed ones come from the consistency
checks (`lkjip.periksa`, imported lazily): `beda_tersaji` gives ``{(besaran, kunci): temuan}``
and is empty while that module is not available.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SUMBER_IKM_SINTETIS = "ikm_responden_sintetis.csv"


def _sidik(folder: Path) -> tuple:
    """(path, size, mtime) of every file under a kecamatan folder: the cache's freshness key."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in folder.rglob("*") if p.is_file()))


def konteks(kecamatan: str, tahun, data_dir=None):
    """``(data, hasil)`` of one kecamatan-year: `lkjip.muat` then `lkjip.hitung`, cached.

    ``data_dir=None`` means `lkjip.config.DATA`. Bad parameters raise `ParameterTidakSah`
    naming them (`lkjip.parameter`; the kecamatan matches ignoring case), errors in the data
    `LkjipError`.
    """
    from lkjip.parameter import cek_parameter

    kecamatan, tahun, folder = cek_parameter(kecamatan, tahun, data_dir)
    return _muat(kecamatan, tahun, str(folder), _sidik(folder / kecamatan))


@lru_cache(maxsize=8)
def _muat(kecamatan: str, tahun: int, folder: str, _sidik: tuple):
    from lkjip.hitung import hitung
    from lkjip.muat import muat

    data = muat(kecamatan, tahun, folder)
    return data, hitung(data)


def temuan(data, hasil) -> list:
    """The consistency findings (`lkjip.periksa.periksa`), or [] while it is not available."""
    return list(_temuan(id(data), id(hasil), data, hasil))


def _periksa():
    try:
        from lkjip import periksa
    except ImportError:
        return None
    return periksa if hasattr(periksa, "periksa") else None


_TEMUAN: dict = {}


def _temuan(kunci_data: int, kunci_hasil: int, data, hasil) -> tuple:
    """Findings per (data, hasil) pair, computed once (the same objects come from the cache)."""
    kunci = (kunci_data, kunci_hasil)
    simpan = _TEMUAN.get(kunci)
    if simpan is None or simpan[0] is not data or simpan[1] is not hasil:
        periksa = _periksa()
        daftar = tuple(periksa.periksa(data, hasil)) if periksa else ()
        simpan = _TEMUAN[kunci] = (data, hasil, daftar)
    return simpan[2]


def beda_tersaji(data, hasil) -> dict:
    """``{(besaran, kunci): temuan}`` for stated figures that differ from the computed ones.

    Empty while `lkjip.periksa` (or its ``tersaji_beda``) is not available.
    """
    periksa = _periksa()
    if periksa is None or not hasattr(periksa, "tersaji_beda"):
        return {}
    return dict(periksa.tersaji_beda(temuan(data, hasil)))


def ada_galat(data, hasil) -> bool:
    """True when a finding has severity ``galat`` (the cover then says so)."""
    return any(_tingkat(t) == "galat" for t in temuan(data, hasil))


def _tingkat(t) -> str | None:
    for nama in ("tingkat", "keparahan", "severity"):
        nilai = getattr(t, nama, None)
        if nilai is not None:
            return str(getattr(nilai, "value", nilai)).lower()
    return None


def ikm_sintetis(data) -> bool:
    """True when the IKM answers come from the generated (synthetic) survey file."""
    return (data.sumber_ikm or "") == SUMBER_IKM_SINTETIS
