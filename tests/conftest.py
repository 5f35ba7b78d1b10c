"""Expensive inputs several test modules read, made once per session.

- `sintetis_demo`: the synthetic demo data as ``lkjip sintetis`` writes it (13 kecamatan ×
  4 years with the default seed; writing it loads and computes every kecamatan-year, ~10 s
  idle, 25–45 s under load). test_sintetis, test_triwulan_sintetis and test_triwulan_laporan
  each wrote their own copy before. It is READ-ONLY: a test that changes data writes its own;
  the fixture checks at the end of the session that no file in it changed.
- `muat_sintetis(kecamatan, tahun)`: ``muat`` of that folder, each kecamatan-year loaded once
  (loading is ~0,2 s of pandera validation per kecamatan-year, and three tests load all 52);
  every call returns a deep copy, so a test that changed what it got cannot change another's.
- `dengan_pembanding(folder)`: copies every kecamatan of `sintetis_demo` into a data folder
  (lkjip refuses symlinks that point out of the data folder), so
  a report built from it compares itself with the kabupaten's (synthetic) kecamatan, as after
  ``lkjip sintetis`` in an analyst's folder. The suite's default synthetic folder is empty
  (root conftest.py), so no test depends on an untracked ``data-sintetis/``.
- `laporan_contoh`: the example report (bantarbolang 2023, the real chapters, default options)
  built once per session beside the kabupaten's synthetic kecamatan (Bab III compares the IKM
  with theirs). A whole build is one of the suite's largest costs (~1–2 min under load);
  test_notebooks and test_laporan_analisis each built this same report before. Its files are
  READ-ONLY: a test that changes one copies it first.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sintetis_demo(tmp_path_factory) -> Path:
    from lkjip import sintetis

    out = tmp_path_factory.mktemp("sintetis_demo")
    sintetis.tulis(out)
    sebelum = _keadaan(out)
    yield out
    assert _keadaan(out) == sebelum, f"uji mengubah data sintetis bersama {out} (hanya-baca)"


def _keadaan(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` → (size, modification time in ns): a write, a
    new file or a removed one changes it."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}


@pytest.fixture(scope="session")
def muat_sintetis(sintetis_demo):
    from lkjip.muat import muat

    dimuat: dict = {}

    def muat_salinan(kecamatan: str, tahun: int):
        kunci = (kecamatan, int(tahun))
        if kunci not in dimuat:
            dimuat[kunci] = muat(kecamatan, int(tahun), sintetis_demo)
        return copy.deepcopy(dimuat[kunci])

    return muat_salinan


@pytest.fixture(scope="session")
def dengan_pembanding(sintetis_demo):
    def tautkan(folder: Path) -> Path:
        for kec in sorted(p for p in sintetis_demo.iterdir() if p.is_dir()):
            if not (folder / kec.name).exists():
                shutil.copytree(kec, folder / kec.name)
        return folder

    return tautkan


@pytest.fixture(scope="session")
def laporan_contoh(tmp_path_factory, dengan_pembanding):
    from lkjip import config
    from lkjip.laporan import bangun

    data = tmp_path_factory.mktemp("data_contoh")
    shutil.copytree(config.contoh() / "bantarbolang", data / "bantarbolang")
    return bangun("bantarbolang", 2023, data_dir=dengan_pembanding(data),
                  out_dir=tmp_path_factory.mktemp("laporan_contoh"))
