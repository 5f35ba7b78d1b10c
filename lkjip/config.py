"""All paths lkjip uses, in one place, resolved when they are used (never at import).

The user's folders come from the current folder, not from where lkjip is installed, so a
normal install (a wheel in site-packages) works anywhere and never writes into itself:

- `data` (``data/``): the input; the current folder's, or the one of the nearest of its two
  parent folders that has one, so a notebook opened in ``notebooks/`` or ``notebooks/analisis/``
  of a workspace finds the workspace's ``data/``.
- `data_sintetis` (``data-sintetis/``): generated demo data, found the same way when read;
  `lkjip sintetis` writes it under the current folder (`data_sintetis_baru`).
- `outputs` (``outputs/``): reports, always under the current folder.

What ships inside the package is read only: the chapter notebooks (`notebooks`), the example
data copied by ``lkjip init`` (`contoh`), templates and scales. In a wheel the repository's
top-level ``notebooks/`` and ``data/`` are mapped into the package (``lkjip/notebooks``,
``lkjip/contoh``) by the build backend (pyproject.toml, hatchling ``force-include``); in an
editable install or a checkout they are read where they are, next to the package.

Every folder can be overridden by an environment variable, read at each use (``LKJIP_DATA``,
``LKJIP_DATA_SINTETIS``, ``LKJIP_OUTPUTS``, ``LKJIP_NOTEBOOKS``), or by passing a path to the
function that uses it (``laporan.bangun(..., data_dir=..., out_dir=..., notebooks_dir=...)``).
The old constants (``config.DATA``, ``config.OUTPUTS``, ...) still work: they are computed at
each access (module ``__getattr__``).

>>> notebooks().name in {"notebooks"}, TEMPLATES.name
(True, 'templates')
>>> (notebooks() / "03_bab3_akuntabilitas.ipynb").is_file()
True
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent  # the checkout, in an editable install; site-packages in a wheel
TEMPLATES = PACKAGE / "templates"
SKALA = PACKAGE / "skala"
NAIK_MAKS = 2  # how many parent folders `data()` looks into


def _env(nama: str) -> Path | None:
    value = os.environ.get(nama)
    return Path(value).expanduser().resolve() if value else None


def _terdekat(nama: str, dari: Path | None = None) -> Path:
    """``<folder>/<nama>`` for the current folder (or `dari`) or the nearest of its parents (up
    to `NAIK_MAKS` levels) that has it; the current folder's when none has."""
    kini = Path(dari) if dari is not None else Path.cwd()
    for folder in [kini, *kini.parents][: NAIK_MAKS + 1]:
        if (folder / nama).is_dir():
            return folder / nama
    return kini / nama


def data() -> Path:
    """The input data folder: ``LKJIP_DATA``, else the nearest ``data/`` (see module doc)."""
    return _env("LKJIP_DATA") or _terdekat("data")


def data_sintetis(dari: Path | None = None) -> Path:
    """Where synthetic data is read: ``LKJIP_DATA_SINTETIS``, else the nearest
    ``data-sintetis/`` (from `dari` when given: where a process started in that folder, such
    as a build's kernel, finds it)."""
    return _env("LKJIP_DATA_SINTETIS") or _terdekat("data-sintetis", dari)


def data_sintetis_baru() -> Path:
    """Where `lkjip sintetis` writes: ``LKJIP_DATA_SINTETIS``, else ``./data-sintetis``."""
    return _env("LKJIP_DATA_SINTETIS") or Path.cwd() / "data-sintetis"


def outputs() -> Path:
    """Where reports are written: ``LKJIP_OUTPUTS``, else ``./outputs``."""
    return _env("LKJIP_OUTPUTS") or Path.cwd() / "outputs"


def _terpasang(di_paket: str, di_repo: str) -> Path:
    """A folder shipped with lkjip: inside the package (wheel) or next to it (checkout)."""
    dalam = PACKAGE / di_paket
    return dalam if dalam.is_dir() else ROOT / di_repo


def notebooks() -> Path:
    """The chapter notebooks: ``LKJIP_NOTEBOOKS``, else the ones shipped with lkjip."""
    return _env("LKJIP_NOTEBOOKS") or _terpasang("notebooks", "notebooks")


def contoh() -> Path:
    """The example data shipped with lkjip (a data folder: ``bantarbolang/``, README.md)."""
    return _terpasang("contoh", "data")


_LAMA = {"DATA": data, "DATA_SINTETIS": data_sintetis, "OUTPUTS": outputs,
         "NOTEBOOKS": notebooks, "CONTOH": contoh}


def __getattr__(nama: str) -> Path:
    """``config.DATA`` and friends, computed at each access (never frozen at import)."""
    if nama in _LAMA:
        return _LAMA[nama]()
    raise AttributeError(f"module 'lkjip.config' has no attribute {nama!r}")
