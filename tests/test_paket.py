"""The declared dependencies agree: pyproject.toml, environment.yml and the lower bounds the
test suite is run with (scripts/batas_bawah.txt, `make batas-bawah`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]


def _nama(teks: str) -> str:
    return re.sub(r"[-_.]+", "-", teks.strip().lower())


def _batas(baris: list[str], tanda: str) -> dict[str, str]:
    """name → version from ``name>=1.2`` (or ``name==1.2``) lines, extras dropped."""
    hasil = {}
    for b in baris:
        m = re.fullmatch(rf"\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*{tanda}\s*([0-9][0-9.]*)\s*", b)
        if m:
            hasil[_nama(m.group(1))] = m.group(3)
    return hasil


def _pyproject() -> tuple[dict, dict]:
    proyek = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tambahan = [d for daftar in proyek["optional-dependencies"].values() for d in daftar]
    return _batas(proyek["dependencies"], ">="), _batas(tambahan, ">=")


def _versi(v: str) -> tuple[int, ...]:
    """``"2.2"`` and ``"2.2.0"`` are the same version."""
    angka = [int(x) for x in v.split(".")]
    while len(angka) > 1 and angka[-1] == 0:
        angka.pop()
    return tuple(angka)


def test_environment_yml_has_every_dependency_with_its_bound():
    utama, tambahan = _pyproject()
    baris = [b.strip().removeprefix("- ") for b in
             (AKAR / "environment.yml").read_text(encoding="utf-8").splitlines()]
    conda = _batas(baris, ">=")
    for nama, versi in (utama | tambahan).items():
        if nama in {"dask"}:  # optional extra (lkjip[dask]), not in the analyst's environment
            continue
        assert _versi(conda.get(nama, "0")) == _versi(versi), nama


def test_lower_bounds_are_the_ones_tested():
    utama, tambahan = _pyproject()
    baris = (AKAR / "scripts" / "batas_bawah.txt").read_text(encoding="utf-8").splitlines()
    diuji = _batas(baris, "==")
    for nama, versi in (utama | tambahan).items():
        assert nama in diuji, f"{nama}: batas bawah belum diuji (scripts/batas_bawah.txt)"
        assert _versi(diuji[nama]) == _versi(versi), nama
