"""What a batch process holds (issue 15, memory): it runs its print service, its
zygote and its pool, and draws, loads and computes nothing itself, so it imports neither
pandas, matplotlib nor IPython (~65 MB PSS together)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lkjip import zigot

DATA = Path(__file__).resolve().parents[1] / "data"


def _di_proses_baru(kode: str, **env) -> str:
    hasil = subprocess.run([sys.executable, "-c", textwrap.dedent(kode)], capture_output=True,
                           text=True, timeout=180, env={**os.environ, **env})
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


@pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")
def test_proses_batch_tanpa_pandas_matplotlib_ipython():
    # the list of kecamatan-years (all, and those named with --kecamatan), then a pool of
    # two workers with the batch's zygote and its print service
    keluar = _di_proses_baru(f"""
        import sys
        from lkjip import cli
        from lkjip.bangun.kumpulan import petakan
        daftar, _ = cli._daftar_batch({str(DATA)!r}, "2023", ())
        pilih, _ = cli._daftar_batch({str(DATA)!r}, "2023", ("bantarbolang",))
        print(daftar == pilih == [("bantarbolang", 2023)], petakan(abs, [-1, -2, -3], jobs=2))
        print(*[m for m in ("pandas", "matplotlib", "IPython") if m in sys.modules])
    """)
    assert keluar.splitlines() == ["True [1, 2, 3]"]


def test_tanpa_zigot_proses_batch_membangun_tembolok_huruf(monkeypatch):
    # no zygote (turned off): this process builds matplotlib's font cache before the pool,
    # so the workers' kernels do not each build it at once
    keluar = _di_proses_baru("""
        import sys
        from lkjip.bangun.kumpulan import petakan
        print(petakan(abs, [-1, -2], jobs=2), "matplotlib.font_manager" in sys.modules)
    """, LKJIP_ZIGOT="0")
    assert keluar == "[1, 2] True"


@pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")
def test_spek_zigot_dicari_tanpa_ipython():
    # the batch's zygote is started for the spec jupyter_client's default lookup finds,
    # looked up without importing IPython
    keluar = _di_proses_baru("""
        import sys
        from jupyter_client.kernelspec import KernelSpecManager
        from lkjip import zigot
        z = zigot.aktifkan("python3")
        print("IPython" in sys.modules)
        print(z.argv == KernelSpecManager().get_kernel_spec("python3").argv)
        zigot.matikan()
    """)
    assert keluar.split() == ["False", "True"]


def test_proses_bangun_tanpa_modul_pemeriksa_format_jsonschema():
    # a build's process (and a batch worker) validates notebooks with nbformat, which never
    # checks string formats: jsonschema's format modules are not imported (isoduration, with
    # arrow; rfc3987_syntax), and a notebook is still validated
    keluar = _di_proses_baru("""
        import sys
        from lkjip.bangun.jalankan import MODUL_FORMAT, lewati_rfc3987
        lewati_rfc3987()
        import nbformat
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
        nbformat.validate(nb)
        nb.cells[0]["execution_count"] = "satu"
        try:
            nbformat.validate(nb)
        except nbformat.ValidationError:
            print("ditolak")
        print(*[m for m in (*MODUL_FORMAT, "arrow") if sys.modules.get(m) is not None])
    """)
    assert keluar.splitlines() == ["ditolak"]


def test_proses_bangun_mengimpor_requests_hanya_bila_dipakai():
    # papermill imports requests (with urllib3) and uses it only for notebooks over HTTP: a
    # build's process imports it when something first uses it, and it then works as imported
    keluar = _di_proses_baru("""
        import sys
        from lkjip.bangun.jalankan import lewati_rfc3987, tunda_impor
        lewati_rfc3987()
        tunda_impor()
        import papermill.iorw
        print("urllib3" in sys.modules, "requests.exceptions" in sys.modules)
        print(papermill.iorw.requests.codes.not_found)
        import requests.exceptions
        print(issubclass(requests.exceptions.HTTPError, requests.RequestException),
              sys.modules["requests"].__name__, "urllib3" in sys.modules)
    """)
    assert keluar.splitlines() == ["False False", "404", "True requests True"]
