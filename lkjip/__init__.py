"""lkjip: the LKjIP of a kecamatan, computed from its yearly CSV data.

The public API (other parts and outside checks call these names):

>>> import lkjip
>>> lkjip.capaian(83.20, 94.69), lkjip.capaian(83.20, 94.69, arah="turun")
(87.87, 112.13)
>>> lkjip.kategori(87.87, skala="bantarbolang-2023")
'Sedang'
>>> lkjip.format_angka(87.8657), lkjip.format_rupiah(2522467250)
('87,87', 'Rp 2.522.467.250')

The names are imported when first used (PEP 562), not with the package: ``lkjip build``
imports ``lkjip`` before it starts the report's kernel, and the eager imports of pandas and
pandera here (~0,25-0,4 s) made the kernel start that much later (issue 15). Four names are
both a submodule and the function of the same name in it (`muat`, `hitung`, `capaian`,
`ikm`): importing the submodule makes the import system set ``lkjip.muat`` to the module,
so the package's module class keeps the function there instead (`_Paket.__setattr__`), as
the eager ``from lkjip.muat import muat`` did; the module stays in ``sys.modules``.

>>> import importlib, sys, types
>>> importlib.import_module("lkjip.muat") is sys.modules["lkjip.muat"]
True
>>> isinstance(lkjip.muat, types.FunctionType), lkjip.muat.__module__
(True, 'lkjip.muat')
"""

from __future__ import annotations

import importlib
import sys
import types

# public name -> the module that defines it
_API = {
    "LkjipError": "lkjip.galat", "Masalah": "lkjip.galat", "capaian": "lkjip.capaian",
    "format_angka": "lkjip.format", "format_persen": "lkjip.format",
    "format_rupiah": "lkjip.format", "hitung": "lkjip.hitung", "ikm": "lkjip.ikm",
    "kategori": "lkjip.skala", "krejcie_morgan": "lkjip.ikm", "muat": "lkjip.muat",
}
__all__ = sorted(_API)
__version__ = "0.1.0"


def __getattr__(nama: str):
    """A public name, imported from its module on first use (then a plain attribute)."""
    if nama not in _API:
        raise AttributeError(f"module 'lkjip' has no attribute {nama!r}")
    nilai = getattr(importlib.import_module(_API[nama]), nama)
    setattr(sys.modules[__name__], nama, nilai)
    return nilai


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


class _Paket(types.ModuleType):
    """The package's module: where the import system sets a submodule that shares its name
    with the public function it defines (``lkjip.muat``), the function is kept."""

    def __setattr__(self, nama: str, nilai) -> None:
        if (isinstance(nilai, types.ModuleType) and _API.get(nama) == nilai.__name__
                and hasattr(nilai, nama)):
            nilai = getattr(nilai, nama)
        super().__setattr__(nama, nilai)


sys.modules[__name__].__class__ = _Paket
