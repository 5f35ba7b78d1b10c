"""Build the report: join the chapter notebooks, execute once, export HTML and PDF.

``bangun`` writes ``lkjip_<kecamatan>_<tahun>.{ipynb,html,pdf}`` under
``outputs/<kecamatan>/<tahun>/``. Everything is built in a temporary folder inside the
output folder and moved into place only when all of it succeeded, so a failed build
leaves the previous good report untouched.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from lkjip import config
from lkjip.galat import LkjipError, Masalah
from lkjip.muat import cek_nama


def _lewati_rfc3987() -> None:
    """Keep jsonschema from importing rfc3987_syntax in a process that builds reports.

    jupyterlab pulls in rfc3987-syntax, and jsonschema imports it when present, building a
    Lark grammar (~0.9 s) only to check the "iri" string formats. nbformat never passes a
    format checker, so marking the module absent before the first ``import nbformat`` changes
    nothing but that second. Kernels are not affected; nor is a process that already
    imported jsonschema.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


_lewati_rfc3987()

import nbformat  # noqa: E402

POLA_BAB = "0*_*.ipynb"
TAG_PARAMETER = "parameters"
TAG_SEMBUNYI = "hide-input"
KERNEL = "python3"


class GagalBangun(LkjipError):
    """The report could not be built; names the chapter file and cell that failed.

    >>> print(GagalBangun("contoh", 2023, [Masalah("01_bab1.ipynb", pesan="sel ke-3: E: x")]))
    Laporan contoh 2023 gagal dibangun:
    - 01_bab1.ipynb: sel ke-3: E: x
    """

    def __init__(self, kecamatan: str, tahun, masalah: list[Masalah]):
        self.kecamatan, self.tahun = kecamatan, tahun
        super().__init__(masalah)

    def ringkasan(self) -> str:
        baris = [f"Laporan {self.kecamatan} {self.tahun} gagal dibangun:"]
        return "\n".join(baris + [f"- {m}" for m in self.masalah])


@dataclass(frozen=True)
class BerkasLaporan:
    """The files of one built report."""

    notebook: Path
    html: Path
    pdf: Path


@dataclass(frozen=True)
class HasilBangun:
    """The outcome of one build in a batch."""

    kecamatan: str
    tahun: int
    ok: bool
    berkas: BerkasLaporan | None = None
    alasan: str = ""


# ---------------------------------------------------------------- names and places


def nama_dasar(kecamatan: str, tahun: int) -> str:
    """The report's file name without extension.

    >>> nama_dasar("bantarbolang", 2023)
    'lkjip_bantarbolang_2023'
    """
    return f"lkjip_{kecamatan}_{tahun}"


def folder_laporan(out_dir: Path, kecamatan: str, tahun: int) -> Path:
    return Path(out_dir) / kecamatan / str(tahun)


def daftar_bab(notebooks_dir: Path) -> list[Path]:
    """The chapter notebooks ``0*_*.ipynb``, in file-name order."""
    return sorted(Path(notebooks_dir).glob(POLA_BAB))


def temukan(data_dir=None, tahun=None, kecamatan=None) -> list[tuple[str, int]]:
    """Kecamatan-years with data: folders ``<kecamatan>/<yyyy>/`` holding ``profil.csv``."""
    akar = Path(data_dir or config.DATA)
    ada = [
        (p.parent.parent.name, int(p.parent.name))
        for p in akar.glob("*/*/profil.csv")
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.parent.parent.name)
        and re.fullmatch(r"[0-9]{4}", p.parent.name)
    ]
    return sorted(
        (k, t) for k, t in ada
        if (tahun is None or t == int(tahun)) and (kecamatan is None or k == kecamatan)
    )


# ---------------------------------------------------------------- join


def _tag(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def _sel_bab(cell, bab: str, nomor: int, pertama_param: bool):
    """A copy of one chapter cell for the joined notebook, or None to drop it."""
    if TAG_PARAMETER in _tag(cell) and not pertama_param:
        return None
    baru = nbformat.from_dict(dict(cell))
    baru["id"] = re.sub(r"[^A-Za-z0-9_-]", "-", f"{Path(bab).stem}-{nomor}")
    baru.metadata["lkjip"] = {"bab": bab, "sel": nomor}
    if baru.cell_type == "code":
        baru.outputs, baru.execution_count = [], None
        baru.metadata["tags"] = _tag(baru) + [TAG_SEMBUNYI] * (TAG_SEMBUNYI not in _tag(baru))
    return baru


def gabung(bab: list[Path]) -> nbformat.NotebookNode:
    """One notebook of all chapters; only the first ``parameters`` cell is kept.

    Each cell records its chapter file and 1-based cell number in ``metadata.lkjip``.
    """
    nb = nbformat.v4.new_notebook()
    sudah_param = False
    for path in bab:
        asal = nbformat.read(path, as_version=4)
        nb.metadata = nb.metadata or dict(asal.metadata)
        for nomor, cell in enumerate(asal.cells, start=1):
            baru = _sel_bab(cell, path.name, nomor, not sudah_param)
            sudah_param = sudah_param or (baru is not None and TAG_PARAMETER in _tag(baru))
            if baru is not None:
                nb.cells.append(baru)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    return nb


# ---------------------------------------------------------------- execute


def _asal_sel(nb, indeks: int) -> dict:
    """Chapter file and cell number of a joined cell (the injected cell maps to its neighbour)."""
    for i in (indeks, indeks - 1):
        if 0 <= i < len(nb.cells) and "lkjip" in nb.cells[i].metadata:
            return dict(nb.cells[i].metadata["lkjip"])
    return {"bab": "(notebook gabungan)", "sel": indeks + 1}


def jalankan(nb, kecamatan: str, tahun: int, data_dir: Path, cwd: Path, parameter=None):
    """Execute the joined notebook once, in one kernel; a failing cell raises ``GagalBangun``.

    ``parameter`` replaces the chapter parameters (kecamatan, tahun, data_dir) for another
    notebook (the kabupaten view); ``kecamatan`` then only names the report in errors."""
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    param = parameter if parameter is not None else \
        {"kecamatan": kecamatan, "tahun": tahun, "data_dir": str(data_dir)}
    nb = parameterize_notebook(load_notebook_node(nb), param, kernel_name=KERNEL, language="python")
    nb.cells[_indeks_injeksi(nb)].metadata["tags"] += [TAG_SEMBUNYI]
    peta = [dict(c.metadata.get("lkjip", {})) for c in nb.cells]
    try:
        return papermill.execute_notebook(
            nb, None, kernel_name=KERNEL, progress_bar=False, request_save_on_cell_execute=False,
            shutdown_kernel="immediate", cwd=str(cwd),
        )
    except PapermillExecutionError as e:
        asal = peta[e.cell_index] or _asal_sel(nb, e.cell_index)
        pesan = f"sel ke-{asal['sel']}: {e.ename}: {e.evalue}"
        raise GagalBangun(kecamatan, tahun, [Masalah(asal["bab"], pesan=pesan)]) from None
    except RuntimeError as e:  # the kernel died or did not start (nbclient)
        pesan = f"kernel gagal: {type(e).__name__}: {e}"
        raise GagalBangun(kecamatan, tahun, [Masalah("(notebook gabungan)", pesan=pesan)]) from e


def _indeks_injeksi(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if "injected-parameters" in _tag(c))


def _isi_metadata(nb, kecamatan: str, tahun: int):
    from lkjip.ekspor import baca_sampul

    sampul = baca_sampul(nb)
    sampul.update(kecamatan=kecamatan, tahun=sampul["tahun"] or tahun)
    sampul["nama_kecamatan"] = sampul["nama_kecamatan"] or kecamatan.replace("-", " ").title()
    nb.metadata["lkjip"] = sampul
    return nb


# ---------------------------------------------------------------- build


def _tulis_sementara(tmp: Path, nama: str, nb, analis: bool) -> list[Path]:
    from lkjip.ekspor import ekspor

    html, pdf = ekspor(nb, analis=analis)
    berkas = [tmp / f"{nama}.ipynb", tmp / f"{nama}.html", tmp / f"{nama}.pdf"]
    nbformat.write(nb, berkas[0])
    berkas[1].write_text(html, encoding="utf-8")
    berkas[2].write_bytes(pdf)
    return berkas


def bangun(
    kecamatan: str,
    tahun,
    data_dir=None,
    out_dir=None,
    analis: bool = False,
    notebooks_dir=None,
    muat_dulu: bool = False,
) -> BerkasLaporan:
    """Build one report; return its files. Raises ``LkjipError`` (``GagalBangun``) on failure.

    With ``muat_dulu`` the data are loaded and validated first, so bad input ends in the
    loader's full list of problems before any notebook runs or any file is written.
    """
    tahun = cek_nama(kecamatan, tahun)
    data_dir = Path(data_dir or config.DATA).resolve()
    if muat_dulu:
        from lkjip.muat import muat

        muat(data_dir, kecamatan, tahun)
    out_dir = Path(out_dir or config.OUTPUTS).resolve()
    notebooks_dir = Path(notebooks_dir or config.NOTEBOOKS).resolve()
    bab = daftar_bab(notebooks_dir)
    if not bab:
        pesan = f"tidak ada notebook bab ({POLA_BAB})"
        raise GagalBangun(kecamatan, tahun, [Masalah(str(notebooks_dir), pesan=pesan)])
    nb = gabung(bab)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".bangun-", dir=out_dir))
    try:
        nb = jalankan(nb, kecamatan, tahun, data_dir, notebooks_dir)
        nb = _isi_metadata(nb, kecamatan, tahun)
        sementara = _tulis_sementara(tmp, nama_dasar(kecamatan, tahun), nb, analis)
        tujuan = folder_laporan(out_dir, kecamatan, tahun)
        tujuan.mkdir(parents=True, exist_ok=True)
        for berkas in sementara:
            os.replace(berkas, tujuan / berkas.name)
        return BerkasLaporan(*(tujuan / b.name for b in sementara))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bangun_notebook(notebook, parameter: dict, tujuan, nama: str, analis: bool = False
                    ) -> BerkasLaporan:
    """Execute one parameterised notebook and export it as a report, written atomically like
    `bangun`: ``<tujuan>/<nama>.{ipynb,html,pdf}``. The cover comes from a ``tampil.sampul``
    output of the notebook (`ekspor.baca_sampul`). Used by the kabupaten view."""
    from lkjip.ekspor import baca_sampul

    notebook, tujuan = Path(notebook).resolve(), Path(tujuan).resolve()
    tujuan.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".bangun-", dir=tujuan))
    try:
        nb = jalankan(gabung([notebook]), nama, parameter.get("tahun", ""), Path(),
                      notebook.parent, parameter=parameter)
        nb.metadata["lkjip"] = baca_sampul(nb)
        sementara = _tulis_sementara(tmp, nama, nb, analis)
        for berkas in sementara:
            os.replace(berkas, tujuan / berkas.name)
        return BerkasLaporan(*(tujuan / b.name for b in sementara))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- batch


def _bangun_satu(tugas: tuple) -> HasilBangun:
    kecamatan, tahun, kwargs = tugas
    try:
        return HasilBangun(kecamatan, int(tahun), True, bangun(kecamatan, tahun, **kwargs))
    except LkjipError as e:
        return HasilBangun(kecamatan, _tahun(tahun), False, alasan=str(e))
    except Exception as e:  # a bug; recorded so the batch goes on
        return HasilBangun(kecamatan, _tahun(tahun), False, alasan=f"{type(e).__name__}: {e}")


def _tahun(tahun) -> int:
    return int(tahun) if str(tahun).isdigit() else 0


def _hangatkan_matplotlib() -> None:
    """Build matplotlib's font cache once, before the workers start."""
    from matplotlib import font_manager

    font_manager.findfont("DejaVu Sans")


def bangun_banyak(
    daftar,
    data_dir=None,
    out_dir=None,
    jobs: int = 1,
    analis: bool = False,
    notebooks_dir=None,
    muat_dulu: bool = False,
    kemajuan=None,
    scheduler: str | None = None,
) -> list[HasilBangun]:
    """Build many ``(kecamatan, tahun)`` reports on ``jobs`` processes; never stops at a failure.

    ``kemajuan`` (optional) is called with each ``HasilBangun`` as it finishes (a progress
    bar); the returned list is in the order of ``daftar``. With ``scheduler``
    (``tcp://HOST:PORT``) the same ``bangun`` is mapped over that Dask cluster instead; the
    folders are resolved here, so they must be the same paths on every worker (shared storage).
    """
    kwargs = {"data_dir": _mutlak(data_dir, config.DATA), "analis": analis,
              "out_dir": _mutlak(out_dir, config.OUTPUTS), "muat_dulu": muat_dulu,
              "notebooks_dir": _mutlak(notebooks_dir, config.NOTEBOOKS)}
    tugas = [(k, t, kwargs) for k, t in daftar]
    lapor = kemajuan or (lambda hasil: None)
    if not scheduler and (jobs <= 1 or len(tugas) <= 1):
        return [_lapor(_bangun_satu(t), lapor) for t in tugas]
    with _pelaksana(jobs, scheduler) as pool:
        futures = [pool.submit(_bangun_satu, t) for t in tugas]
        for f in as_completed(futures):
            lapor(f.result())
        return [f.result() for f in futures]


def _mutlak(folder, bawaan: Path) -> Path:
    return Path(folder or bawaan).resolve()


@contextmanager
def _pelaksana(jobs: int, scheduler: str | None):
    """A ``concurrent.futures`` executor: a spawn process pool, or a Dask cluster's."""
    if scheduler:
        with _klien_dask(scheduler) as klien:
            klien.run(_hangatkan_matplotlib)
            with klien.get_executor(pure=False) as pool:
                yield pool
        return
    _hangatkan_matplotlib()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        yield pool


def _klien_dask(scheduler: str):
    """A ``distributed.Client`` of the scheduler; ``LkjipError`` when Dask or it is missing."""
    try:
        from distributed import Client
    except ImportError:
        pesan = ("--scheduler memerlukan Dask: pasang dengan "
                 "pip install 'lkjip[dask]' (dask[distributed]).")
        raise LkjipError([Masalah("--scheduler", pesan=pesan)]) from None
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as e:
        pesan = f"tidak dapat terhubung ke penjadwal Dask {scheduler}: {e}"
        raise LkjipError([Masalah("--scheduler", pesan=pesan)]) from None


def _lapor(hasil: HasilBangun, lapor) -> HasilBangun:
    lapor(hasil)
    return hasil
