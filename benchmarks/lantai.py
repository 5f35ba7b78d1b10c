"""The floor of one report, and each chapter notebook run alone, in a warm process.

``python benchmarks/lantai.py NOTEBOOKS DATA KECAMATAN TAHUN ULANG BAB_DIR`` prints one JSON
object:

- ``lantai``: per run, the seconds of what no build can avoid: a kernel started to ready, the
  imports (pandas, matplotlib, lkjip) in it, the report's cells (all chapters joined), one
  export (HTML + PDF, in-process). The parent's own imports and first-export set-up are paid
  once before the timed runs, as a batch worker pays them once.
- ``bab``: per chapter notebook of BAB_DIR, papermill run in-process with its default
  parameters, kernel included (what "Run All" in JupyterLab costs).
"""

import asyncio
import json
import sys
import time
from pathlib import Path

import papermill
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from lkjip import laporan
from lkjip.ekspor import ekspor

IMPOR = "import pandas, matplotlib.pyplot, lkjip, lkjip.tampil"


def notebook_laporan(nb_dir: Path, kecamatan: str, tahun: int, data_dir: Path):
    nb = load_notebook_node(laporan.gabung(laporan.daftar_bab(nb_dir)))
    param = {"kecamatan": kecamatan, "tahun": tahun, "data_dir": str(data_dir)}
    return parameterize_notebook(nb, param, kernel_name="python3", language="python")


async def _sekali(nb, nb_dir: Path) -> dict:
    waktu = {}
    t = time.perf_counter()
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel(cwd=str(nb_dir))
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    waktu["kernel"], t = _lewat(t)
    await kc.execute_interactive(IMPOR, timeout=60, output_hook=lambda msg: None)
    kc.stop_channels()
    waktu["impor"], t = _lewat(t)
    klien = NotebookClient(nb, km=km, kernel_name="python3", timeout=600)
    await klien.async_execute()
    waktu["sel"], t = _lewat(t)
    await km.shutdown_kernel(now=True)
    return waktu, klien.nb


def lantai_sekali(nb, nb_dir: Path) -> dict:
    waktu, hasil = asyncio.run(_sekali(nb, nb_dir))
    t = time.perf_counter()
    ekspor(hasil)
    waktu["ekspor"] = time.perf_counter() - t
    return waktu


def _lewat(t: float) -> tuple[float, float]:
    sekarang = time.perf_counter()
    return sekarang - t, sekarang


def bab_sendiri(nb_dir: Path) -> dict:
    waktu = {}
    for bab in laporan.daftar_bab(nb_dir):
        t = time.perf_counter()
        papermill.execute_notebook(str(bab), None, kernel_name="python3", progress_bar=False,
                                   cwd=str(nb_dir), shutdown_kernel="immediate")
        waktu[bab.name] = time.perf_counter() - t
    return waktu


def main(argv: list[str]) -> None:
    nb_dir, data_dir, kecamatan, tahun, ulang = Path(argv[0]), Path(argv[1]), argv[2], *argv[3:5]
    bab_dir = Path(argv[5])
    nb = notebook_laporan(nb_dir, kecamatan, int(tahun), data_dir)
    ekspor(asyncio.run(_sekali(nb, nb_dir))[1])  # warm-up: the parent's first export
    lantai = [lantai_sekali(nb, nb_dir) for _ in range(int(ulang))]
    print(json.dumps({"lantai": lantai, "bab": bab_sendiri(bab_dir)}))


if __name__ == "__main__":
    main(sys.argv[1:])
