"""The layer contracts of pyproject.toml (`lint-imports`, run by `make test`) can fail.

`make test` runs them on lkjip as it is; here they run on a copy of lkjip with one import added
against the layers, and must refuse it, naming the import. A contract that could never fail (a
module left out, a layer list gone empty) would pass these copies and fail the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(akar: Path) -> subprocess.CompletedProcess:
    """lint-imports on the lkjip and pyproject.toml found in `akar`."""
    env = {**os.environ, "PYTHONPATH": str(akar)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=akar, env=env,
                          capture_output=True, text=True, timeout=120)


def _salinan(tmp_path: Path) -> Path:
    """A copy of lkjip and its contracts in tmp_path."""
    shutil.copytree(AKAR / "lkjip", tmp_path / "lkjip",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(AKAR / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold_on_lkjip():
    hasil = _lint(AKAR)
    assert hasil.returncode == 0, hasil.stdout
    assert "Contracts: 2 kept, 0 broken." in hasil.stdout


@pytest.mark.parametrize(("modul", "baris", "pesan"), [
    # a check drawing HTML: periksa (checks) above tampil_periksa (views)
    ("periksa/dasar.py", "from lkjip import tampil_periksa",
     "lkjip.periksa.dasar -> lkjip.tampil_periksa"),
    # a formula reading files: capaian (rules) below muat (data), even inside a function
    ("capaian.py", "def _f():\n    from lkjip import muat",
     "lkjip.capaian -> lkjip.muat"),
    # the number formatter and the figure each importing the other (base, format above angka)
    ("angka.py", "from lkjip import format", "lkjip.angka -> lkjip.format"),
    # the build path reaching up to a document it builds
    ("bangun/__init__.py", "from lkjip import laporan", "lkjip.bangun -> lkjip.laporan"),
])
def test_an_import_against_the_layers_is_refused(tmp_path, modul, baris, pesan):
    with open(_salinan(tmp_path) / "lkjip" / modul, "a", encoding="utf-8") as f:
        f.write(f"\n{baris}  # noqa\n")
    hasil = _lint(tmp_path)
    assert hasil.returncode == 1, hasil.stdout
    assert "BROKEN" in hasil.stdout
    assert pesan in hasil.stdout


def test_a_module_not_placed_in_a_layer_is_refused(tmp_path):
    (_salinan(tmp_path) / "lkjip" / "baru_sekali.py").write_text('"""Nobody placed it."""\n')
    hasil = _lint(tmp_path)
    assert hasil.returncode == 1, hasil.stdout
    assert "lkjip.baru_sekali" in hasil.stdout
