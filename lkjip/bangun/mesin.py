"""The papermill engine of a build: papermill's nbclient engine, with its client made here.

Registered as ``lkjip`` in papermill's engine registry when a build first executes
(`daftarkan`). ``papermill.execute_notebook(..., engine_name="lkjip", km=km, mulai_sel=f)``
then runs the notebook as papermill's own nbclient engine does, except that

- the kernel client is made (and closed, whatever happens) by `lkjip.bangun.kernel`, with
  Ctrl-C held back while its sockets are made: a KeyboardInterrupt inside nbclient's own
  ``start_channels`` left a socket that hung the process at exit;
- ``f(index, nb)`` is called before each cell, with the notebook being executed (the build's
  progress, "bab 2/8"; `lkjip.bangun.Dokumen.pantau`);
- the kernel's ``language_info`` is in the notebook's metadata before the first cell
  (`_bahasa`), not only after the last.
"""

from __future__ import annotations

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from lkjip.bangun.kernel import buka_klien, tutup_klien

MESIN = "lkjip"


class MesinLkjip(NBClientEngine):
    """``NBClientEngine`` with the kernel client made by lkjip and a per-cell callback."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                 stderr_file=None, start_timeout=60, execution_timeout=None,
                                 mulai_sel=None, **kwargs):
        if mulai_sel is not None:
            _lapor_sel(nb_man, mulai_sel)
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        klien = PapermillNotebookClient(nb_man, **merge_kwargs(
            kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
            kernel_name=kernel_name, log=logger, log_output=log_output,
            stdout_file=stdout_file, stderr_file=stderr_file))
        if klien.km is not None:  # the kernel the build started: connect to it here
            klien.kc = buka_klien(klien.km, start_timeout)
            _bahasa(klien)
        try:
            return klien.execute()
        finally:
            tutup_klien(klien.kc)


def _bahasa(klien) -> None:
    """The kernel's ``language_info`` in the notebook before its cells run, as papermill sets
    it after them (from the same kernel's same reply): a part of the notebook exported while
    the rest runs (`lkjip.laporan.EdisiDini`) has the metadata the finished notebook has."""
    balas = klien.wait_for_reply(klien.kc.kernel_info())
    if balas is not None and "language_info" in balas["content"]:
        klien.nb.metadata["language_info"] = balas["content"]["language_info"]


def _lapor_sel(nb_man, mulai_sel) -> None:
    """Call ``mulai_sel(index, nb)`` as papermill marks each cell started (every cell before
    it has run: nbclient runs them one after another)."""
    asli = nb_man.cell_start

    def cell_start(cell, cell_index=None, **kw):
        mulai_sel(cell_index, nb_man.nb)
        return asli(cell, cell_index, **kw)

    nb_man.cell_start = cell_start


def daftarkan() -> None:
    """Register the engine with papermill (again is harmless)."""
    papermill_engines.register(MESIN, MesinLkjip)
