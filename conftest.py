"""Settings for the whole test suite, wherever pytest is started from.

- The suite does not depend on the environment. `lkjip.config` reads its folder overrides
  (``LKJIP_DATA``, ``LKJIP_NOTEBOOKS``, ``LKJIP_OUTPUTS``, ...) from it; they are removed here,
  before any test runs, so a default run never reads or writes a developer's own folders.
  Tests name their folders as arguments (the example: `tests.mini.CONTOH`), or set a variable
  with ``monkeypatch`` where the variable itself is what they test.
- Hypothesis keeps no example database (earlier failures replayed from it would make a run
  depend on that folder's history; a failing example is printed with its reproduction blob
  instead), and its caches go to the checkout's ``.hypothesis/`` (git-ignored), not to
  whatever folder pytest runs from.
- ``--fuzz`` sets the size of the property-based and kill tests (`tests.ukuran`): empty for the
  default run, ``besar`` for `make fuzz`, or a number of examples. A command-line option, not an
  environment variable, so a run is reproduced by its command line alone.
- Ctrl-C reaches the suite's processes as a terminal's would, however the suite was started.
  A non-interactive shell starts a background command (``make test &``, ``(make test &)``)
  with SIGINT ignored, and an ignored signal stays ignored in every process it starts: the
  Ctrl-C tests (tests/test_interupsi.py) then saw their builds and batches ignore SIGINT.
  Python's own handler here means the processes the tests start get the default again.
- ``make test`` runs the suite on two processes (pytest-xdist, ``-n 2``). Each test module
  runs whole in one process, so its module fixtures (whole builds) are made once; the modules
  that read one session build (`_BERSAMA`) run in the same process, so it is made once too;
  the longest modules are handed out first, so neither process is left alone with a long one
  at the end. A plain ``python -m pytest`` runs serially as before.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(__file__).resolve().parent / ".hypothesis")  # its caches
settings.register_profile("lkjip", database=None, print_blob=True)
settings.load_profile("lkjip")

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

_DIABAIKAN = sorted(k for k in os.environ if k.startswith("LKJIP_"))
for _k in _DIABAIKAN:
    del os.environ[_k]
# A checkout's own data-sintetis/ (untracked, written by `lkjip sintetis`) is found by
# `config.data_sintetis()` and would add the kabupaten's synthetic kecamatan to a report's
# comparisons: the suite would pass in one working copy and fail in a clean clone. The
# default synthetic folder is an empty one; a test that wants those kecamatan puts them in
# its data folder (tests/conftest.py: `dengan_pembanding`).
os.environ["LKJIP_DATA_SINTETIS"] = tempfile.mkdtemp(prefix="lkjip-uji-sintetis-kosong-")
# The cache of loaded kecamatan-years (`lkjip.tembolok`) is the suite's own, never the user's
# ~/.cache/lkjip, removed at the end of the run; test_tembolok points it at a folder of each test.
_TEMBOLOK = os.environ["LKJIP_TEMBOLOK"] = tempfile.mkdtemp(prefix="lkjip-uji-tembolok-")


def pytest_addoption(parser):
    parser.addoption("--fuzz", default="", metavar="UKURAN",
                     help="ukuran uji properti dan uji henti: kosong (bawaan), 'besar' "
                          "(make fuzz) atau jumlah contoh per jenis berkas")


# Modules that read one session-scoped build (tests/conftest.py): one unit of work under xdist.
_BERSAMA = {"tests/test_notebooks.py": "laporan_contoh",
            "tests/test_laporan_analisis.py": "laporan_contoh"}
# The longest modules first (measured serially, longest first); the rest keep their order.
_LAMA = ["test_fuzz", "test_notebooks", "test_laporan_analisis", "test_keputusan",
         "test_interupsi", "test_ekspor", "test_cli", "test_wheel", "test_sintetis",
         "test_triwulan_laporan", "test_edisi_dini", "test_zigot", "test_batch_dask",
         "test_grafik", "test_tata_letak", "test_bersamaan", "test_keamanan"]


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PYTEST_XDIST_WORKER"):  # every worker orders alike: xdist checks
        urutan = {f"tests/{m}.py": i for i, m in enumerate(_LAMA)}
        items.sort(key=lambda item: urutan.get(item.nodeid.split("::", 1)[0], len(urutan)))


if importlib.util.find_spec("xdist") is not None:
    def pytest_xdist_make_scheduler(config, log):
        """Whole modules (as ``--dist loadfile``), `_BERSAMA` joined, in collection order."""
        from xdist.scheduler import LoadScopeScheduling

        class PerModul(LoadScopeScheduling):
            def _split_scope(self, nodeid: str) -> str:
                berkas = nodeid.split("::", 1)[0]
                return _BERSAMA.get(berkas, berkas)

        config.option.loadscopereorder = False  # keep `_LAMA`'s order, not by test count
        return PerModul(config, log)


def pytest_unconfigure(config):
    shutil.rmtree(_TEMBOLOK, ignore_errors=True)


def pytest_configure(config):
    from tests import ukuran

    try:
        ukuran.atur(config.getoption("fuzz"))
    except ValueError as e:
        raise pytest.UsageError(str(e)) from None
    # (an xdist worker inherits the folders the main process set above: that one warns)
    if _DIABAIKAN and not os.environ.get("PYTEST_XDIST_WORKER"):
        config.issue_config_time_warning(pytest.PytestConfigWarning(
            f"variabel lingkungan {', '.join(_DIABAIKAN)} diabaikan oleh uji (uji memakai data dan "
            "notebook repositori; ukuran uji properti diatur dengan --fuzz)"), stacklevel=2)
