"""Batch on a Dask cluster: the same build, the same files as the local process pool."""

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from lkjip import laporan
from lkjip.galat import LkjipError
from tests.mini import tulis_mini

CONTOH = Path(__file__).parent / "fixtures" / "notebooks" / "laporan_contoh"
DAFTAR = [("alfa", 2023), ("beta", 2023)]
# papermill's per-run bookkeeping (times, durations) differs between any two runs
METADATA_WAKTU = {"papermill", "execution"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    akar = tmp_path_factory.mktemp("data")
    for kecamatan, _ in DAFTAR:
        tulis_mini(akar, kecamatan)
    return akar


def _batch(data_dir, out_dir, **kw):
    hasil = laporan.bangun_banyak(DAFTAR, data_dir=data_dir, out_dir=out_dir,
                                  notebooks_dir=CONTOH, muat_dulu=True, **kw)
    assert [(h.kecamatan, h.ok, h.alasan) for h in hasil] == [(k, True, "") for k, _ in DAFTAR]
    return out_dir


def _berkas(out_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())


def _svg_tanpa_id_acak(cocok) -> str:
    """matplotlib names an SVG's clip paths and markers with a random salt on every render."""
    svg = base64.b64decode(cocok.group(1)).decode("utf-8")
    return re.sub(r"\b([pm])[0-9a-f]{10}\b", r"\1-id", svg)


def _keluaran(jalur: Path) -> list:
    """Cells' source and outputs, without the run's timestamps and random SVG ids."""
    nb = nbformat.read(jalur, as_version=4)
    sel = [
        (c.source, c.get("outputs", []),
         {k: v for k, v in c.metadata.items() if k not in METADATA_WAKTU})
        for c in nb.cells
    ]
    teks = json.dumps(sel, sort_keys=True)
    return re.sub(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", _svg_tanpa_id_acak, teks)


def _teks_pdf(jalur: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(jalur), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_tanpa_dask_pesan_jelas(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(LkjipError, match=r"lkjip\[dask\]"):
        laporan.bangun_banyak(DAFTAR, scheduler="tcp://127.0.0.1:1")


def test_penjadwal_tidak_terjangkau_pesan_jelas(data_dir, tmp_path):
    pytest.importorskip("distributed")
    with pytest.raises(LkjipError, match="penjadwal Dask tcp://127.0.0.1:9"):
        laporan.bangun_banyak(DAFTAR, data_dir=data_dir, out_dir=tmp_path,
                              scheduler="tcp://127.0.0.1:9")


def test_batch_dask_sama_dengan_pool_lokal(data_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    lokal = _batch(data_dir, tmp_path / "lokal", jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        dask = _batch(data_dir, tmp_path / "dask", scheduler=cluster.scheduler_address)

    assert _berkas(dask) == _berkas(lokal) == sorted(
        f"{k}/{t}/lkjip_{k}_{t}.{ext}" for k, t in DAFTAR
        for ext in ("docx", "html", "ipynb", "pdf"))
    for k, t in DAFTAR:
        nama = Path(k, str(t), f"lkjip_{k}_{t}")
        assert _keluaran(dask / nama.with_suffix(".ipynb")) == _keluaran(
            lokal / nama.with_suffix(".ipynb"))
        assert _teks_pdf(dask / nama.with_suffix(".pdf")) == _teks_pdf(
            lokal / nama.with_suffix(".pdf"))
