"""The package `lkjip` imports its public names when first used (issue 15), and keeps its API.

``lkjip build`` imports ``lkjip`` (and ``lkjip.cli``) before it starts the report's kernel;
pandas and pandera imported there made the kernel start later. Each check runs in a new
interpreter, where nothing of lkjip is imported yet: what the package imports, and in which
order its submodules are imported, is the point.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def _jalankan(kode: str) -> str:
    hasil = subprocess.run([sys.executable, "-c", textwrap.dedent(kode)], capture_output=True,
                           text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


@pytest.mark.parametrize("modul", ["lkjip", "lkjip.cli"])
def test_importing_the_package_or_the_cli_imports_no_pandas(modul):
    keluar = _jalankan(f"""
        import sys
        import {modul}
        print(sorted(m for m in ("pandas", "pandera", "numpy", "lkjip.muat", "lkjip.hitung")
                     if m in sys.modules))
    """)
    assert keluar == "[]"


# the names are functions (or classes) of the modules named, whichever is imported first: the
# submodule (the import system then sets lkjip.<name> to the module) or the package's name
@pytest.mark.parametrize("urutan", ["submodul dulu", "nama dulu"])
def test_a_name_shared_with_its_submodule_stays_the_function(urutan):
    keluar = _jalankan(f"""
        import importlib, sys, types
        import lkjip
        nama = ("muat", "hitung", "capaian", "ikm")
        if {urutan!r} == "submodul dulu":
            for n in nama:
                importlib.import_module("lkjip." + n)
        for n in nama:
            f = getattr(lkjip, n)
            assert isinstance(f, types.FunctionType), (n, f)
            assert f.__module__ == "lkjip." + n, (n, f.__module__)
            assert isinstance(sys.modules["lkjip." + n], types.ModuleType)
            importlib.import_module("lkjip." + n)  # again: still the function
            assert getattr(lkjip, n) is f
        from lkjip import capaian, ikm, muat  # noqa: F401
        assert isinstance(muat, types.FunctionType)
        print("ok")
    """)
    assert keluar == "ok"


def test_the_public_api_answers_as_documented():
    # by hand: naik, R / T × 100 = 83,20 / 94,69 × 100 = 87,8657... -> 87,87; turun (selisih),
    # (2 × T − R) / T × 100 = (189,38 − 83,20) / 94,69 × 100 = 112,134... -> 112,13
    keluar = _jalankan("""
        import lkjip
        print(lkjip.capaian(83.20, 94.69), lkjip.capaian(83.20, 94.69, arah="turun"))
        print(lkjip.format_rupiah(2522467250), lkjip.format_persen(87.87))
        print(issubclass(lkjip.LkjipError, Exception), lkjip.krejcie_morgan.__name__)
        print(sorted(set(lkjip.__all__) - set(dir(lkjip))))
    """)
    assert keluar.splitlines() == ["87.87 112.13", "Rp 2.522.467.250 87,87\xa0%",
                                   "True krejcie_morgan", "[]"]


def test_an_unknown_name_is_an_attribute_error():
    keluar = _jalankan("""
        import lkjip
        try:
            lkjip.tidak_ada
        except AttributeError as e:
            print(e)
    """)
    assert keluar == "module 'lkjip' has no attribute 'tidak_ada'"
