"""Build the report: join the chapter notebooks, execute once, export HTML and PDF.

``bangun`` writes ``lkjip_<kecamatan>_<tahun>.{ipynb,html,pdf}`` under
``outputs/<kecamatan>/<tahun>/``. Everything is built in a temporary folder inside the
output folder and moved into place only when all of it succeeded, so a failed build
leaves the previous good report untouched.

Speed (issue 6). A report's cost is set by the machinery, so a build:
- joins the chapters into one notebook and runs it once, in one kernel (not one per chapter);
- starts that kernel first, with pandas, matplotlib and lkjip queued for import in it
  (``lkjip.kernel.KernelAwal``), and loads and checks the data while it boots;
- exports in-process (nbconvert HTML, then WeasyPrint PDF): no subprocess per step;
- shuts the kernel down at once (papermill's graceful shutdown sometimes stalls ~2.6 s);
- skips jsonschema's rfc3987_syntax import (~0.9 s a process, see ``_lewati_rfc3987``).
A batch runs builds on a spawn process pool (or a Dask cluster's executor); each worker pays
its imports (nbformat, papermill, nbconvert, WeasyPrint, its first template compile) once and
keeps them warm for all its reports. What a worker never reuses is a kernel: every report gets
a new kernel that no other report has run in, so no state, import or figure carries over.
Rejected: running reports one after another in one kernel (state leaks between reports), and
forking kernels from a pre-imported template process (would save ~1 s of kernel start and
imports a report, but shares seeded state such as numpy's random generator across reports).
In the real report (60 pages) WeasyPrint's layout of the PDF is most of the time
(``make bench`` measures it).

Interrupted and concurrent builds: each build writes its own temporary folder
``<out>/.bangun-*`` and renames each finished file into place with ``os.replace`` (atomic on
one file system). So a build killed at any moment (even SIGKILL) leaves, for each of the
three files, either the previous complete file or the new complete one, never a truncated
file; the three renames follow each other within microseconds, and a kill exactly between
them would leave e.g. the new HTML next to the previous PDF (both complete). Two builds of
the same kecamatan-year at once do not corrupt each other: the last rename wins. A build
holds an exclusive ``flock`` on ``.kunci`` in its temporary folder while it lives; the
folder of a killed build is unlocked and is removed by the next build in the same output
folder (`bersihkan_sisa`). A full disk, a read-only folder or a missing permission ends in
`GagalTulis` with the earlier report intact. A batch interrupted with Ctrl-C stops its
workers (their kernels are shut down) and raises `Dibatalkan`, which lists what was built.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import signal
import sys
import tempfile
import time
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
FOLDER_KERTAS_KERJA = "kertas_kerja"  # the working paper's chapters, run in the same kernel
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
    """The files of one built report: the executed notebook, the edition (HTML, PDF and, for a
    kecamatan, DOCX) and the working paper (HTML, PDF) when its chapters exist."""

    notebook: Path
    html: Path
    pdf: Path
    docx: Path | None = None
    kertas_html: Path | None = None
    kertas_pdf: Path | None = None

    def semua(self) -> list[Path]:
        """Every file written, edition first."""
        return [p for p in (self.html, self.pdf, self.docx, self.kertas_html, self.kertas_pdf,
                            self.notebook) if p is not None]


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
    """The chapter notebooks ``0*_*.ipynb`` of the edition, then those of the working paper
    (``kertas_kerja/0*_*.ipynb``), each in file-name order."""
    akar = Path(notebooks_dir)
    return sorted(akar.glob(POLA_BAB)) + sorted((akar / FOLDER_KERTAS_KERJA).glob(POLA_BAB))


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
    dokumen = "kertas_kerja" if Path(bab).parent.name == FOLDER_KERTAS_KERJA else "edisi"
    baru["id"] = re.sub(r"[^A-Za-z0-9_-]", "-", f"{dokumen}-{Path(bab).stem}-{nomor}")
    nama = Path(bab).name if dokumen == "edisi" else f"{FOLDER_KERTAS_KERJA}/{Path(bab).name}"
    baru.metadata["lkjip"] = {"bab": nama, "sel": nomor, "dokumen": dokumen}
    if baru.cell_type == "code":
        baru.outputs, baru.execution_count = [], None
        baru.metadata["tags"] = _tag(baru) + [TAG_SEMBUNYI] * (TAG_SEMBUNYI not in _tag(baru))
    return baru


def gabung(bab: list[Path]) -> nbformat.NotebookNode:
    """One notebook of all chapters; only the first ``parameters`` cell is kept.

    Each cell records its chapter file, 1-based cell number and document (``edisi``, or
    ``kertas_kerja`` for the working paper's chapters) in ``metadata.lkjip``.
    """
    nb = nbformat.v4.new_notebook()
    sudah_param = False
    for path in bab:
        asal = nbformat.read(path, as_version=4)
        nb.metadata = nb.metadata or dict(asal.metadata)
        for nomor, cell in enumerate(asal.cells, start=1):
            baru = _sel_bab(cell, path, nomor, not sudah_param)
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


def jalankan(nb, kecamatan: str, tahun: int, data_dir: Path, cwd: Path, parameter=None,
             km=None):
    """Execute the joined notebook once, in one kernel; a failing cell raises ``GagalBangun``.

    ``parameter`` replaces the chapter parameters (kecamatan, tahun, data_dir) for another
    notebook (the kabupaten view); ``kecamatan`` then only names the report in errors.
    ``km``: a kernel already started for this report (``lkjip.kernel.KernelAwal``)."""
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
            shutdown_kernel="immediate", cwd=str(cwd), km=km,
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
    out_dir = Path(out_dir or config.OUTPUTS).resolve()
    notebooks_dir = Path(notebooks_dir or config.NOTEBOOKS).resolve()
    bab = daftar_bab(notebooks_dir)
    if not bab:
        pesan = f"tidak ada notebook bab ({POLA_BAB})"
        raise GagalBangun(kecamatan, tahun, [Masalah(str(notebooks_dir), pesan=pesan)])
    with _kernel_awal(kecamatan, tahun, notebooks_dir) as kernel:  # boots meanwhile
        if muat_dulu:
            from lkjip.muat import muat

            muat(kecamatan, tahun, data_dir)
        return _bangun_di(kernel, gabung(bab), kecamatan, tahun, data_dir, out_dir, analis,
                          notebooks_dir)


def _kernel_awal(kecamatan: str, tahun: int, cwd: Path):
    """This report's own kernel, started now (see ``lkjip.kernel``)."""
    from lkjip.kernel import KernelAwal

    try:
        return KernelAwal(cwd).mulai()
    except Exception as e:  # no kernel spec, or it would not start
        pesan = f"kernel gagal: {type(e).__name__}: {e}"
        raise GagalBangun(kecamatan, tahun, [Masalah("(notebook gabungan)", pesan=pesan)]) from e


def _bangun_di(kernel, nb, kecamatan, tahun, data_dir, out_dir, analis, notebooks_dir):
    tmp, kunci = _buat_sementara(out_dir, kecamatan, tahun)
    try:
        nb = jalankan(nb, kecamatan, tahun, data_dir, notebooks_dir, km=kernel.km)
        kernel.tutup()  # before the export: its memory is not needed any more
        nb = _isi_metadata(nb, kecamatan, tahun)
        return _pasang(tmp, nb, folder_laporan(out_dir, kecamatan, tahun), kecamatan, tahun,
                       analis)
    finally:
        _hapus_sementara(tmp, kunci)


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


# ---------------------------------------------------------------- temporary folder, writing

AWALAN_SEMENTARA = ".bangun-"
KUNCI = ".kunci"
UMUR_SISA_TANPA_KUNCI = 3600  # seconds; a folder killed before it was locked (rare)
ALASAN_OS = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "folder keluaran hanya-baca (read-only)",
    errno.EACCES: "tidak ada izin menulis ke folder keluaran",
    errno.EPERM: "tidak ada izin menulis ke folder keluaran",
}


class GagalTulis(GagalBangun):
    """The report could not be written (disk full, read-only folder, no permission)."""


def gagal_tulis(kecamatan: str, tahun, folder: Path, e: OSError) -> GagalTulis:
    """The Indonesian message for an OSError while writing the report.

    >>> print(gagal_tulis("contoh", 2023, Path("/o"), OSError(errno.ENOSPC, "No space")))
    Laporan contoh 2023 gagal dibangun:
    - /o: tidak dapat menulis laporan: disk penuh. Laporan sebelumnya tidak diubah.
    """
    alasan = ALASAN_OS.get(e.errno) or f"{e.strerror or e}"
    pesan = f"tidak dapat menulis laporan: {alasan}. Laporan sebelumnya tidak diubah."
    return GagalTulis(kecamatan, tahun, [Masalah(str(folder), pesan=pesan)])


def _buat_sementara(out_dir: Path, kecamatan: str, tahun) -> tuple[Path, int]:
    """A fresh temporary folder in `out_dir`, locked while this build lives (returns the
    lock's file descriptor); the leftovers of killed builds are removed first."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        bersihkan_sisa(out_dir)
        tmp = Path(tempfile.mkdtemp(prefix=AWALAN_SEMENTARA, dir=out_dir))
    except OSError as e:
        raise gagal_tulis(kecamatan, tahun, out_dir, e) from e
    try:
        return tmp, _kunci(tmp)
    except OSError as e:  # a full disk may still allow the folder, not the pid
        shutil.rmtree(tmp, ignore_errors=True)
        raise gagal_tulis(kecamatan, tahun, out_dir, e) from e


def _kunci(tmp: Path) -> int:
    fd = os.open(tmp / KUNCI, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, str(os.getpid()).encode())  # written once locked: a live build's mark
    except BaseException:
        os.close(fd)
        raise
    return fd


def _hapus_sementara(tmp: Path, kunci: int) -> None:
    shutil.rmtree(tmp, ignore_errors=True)
    os.close(kunci)


def bersihkan_sisa(out_dir) -> list[Path]:
    """Remove the temporary folders that killed builds left in `out_dir`; never a live one
    (a live build holds the lock on its ``.kunci``). Returns the folders removed."""
    dihapus = []
    for sisa in sorted(Path(out_dir).glob(AWALAN_SEMENTARA + "*")):
        if sisa.is_dir() and _ditinggalkan(sisa):
            shutil.rmtree(sisa, ignore_errors=True)
            dihapus.append(sisa)
    return dihapus


def _ditinggalkan(sisa: Path) -> bool:
    """True when no live build owns `sisa`: its lock is free and its owner had written its
    pid (so it is not a build between creating and locking ``.kunci``)."""
    try:
        fd = os.open(sisa / KUNCI, os.O_RDONLY)
    except FileNotFoundError:
        return _umur(sisa) > UMUR_SISA_TANPA_KUNCI
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return os.fstat(fd).st_size > 0
    except OSError:
        return False
    finally:
        os.close(fd)


def _umur(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _tulis_kecamatan(tmp: Path, nama: str, nb, kecamatan: str, tahun, analis: bool
                     ) -> list[Path]:
    """Every file of a kecamatan build in `tmp` (`lkjip.ekspor.berkas_kecamatan`)."""
    from lkjip.ekspor import berkas_kecamatan

    isi = berkas_kecamatan(nb, kecamatan, tahun, analis=analis)
    berkas = [tmp / f"{nama}.ipynb"]
    nbformat.write(nb, berkas[0])
    for nama_berkas, data in isi.items():
        (tmp / nama_berkas).write_bytes(data)
        berkas.append(tmp / nama_berkas)
    return berkas


def _berkas_laporan(tujuan: Path, nama: str, ditulis: set[str]) -> BerkasLaporan:
    def ada(n: str) -> Path | None:
        return tujuan / n if n in ditulis else None

    kertas = nama.replace("lkjip_", "kertas_kerja_", 1)
    return BerkasLaporan(tujuan / f"{nama}.ipynb", tujuan / f"{nama}.html", tujuan / f"{nama}.pdf",
                         ada(f"{nama}.docx"), ada(f"{kertas}.html"), ada(f"{kertas}.pdf"))


def _pasang(tmp: Path, nb, tujuan: Path, kecamatan: str, tahun: int, analis: bool
            ) -> BerkasLaporan:
    """Write every file in `tmp`, then rename each into `tujuan`."""
    nama = nama_dasar(kecamatan, tahun)
    try:
        sementara = _tulis_kecamatan(tmp, nama, nb, kecamatan, tahun, analis)
        tujuan.mkdir(parents=True, exist_ok=True)
        for berkas in sementara:
            os.replace(berkas, tujuan / berkas.name)
    except OSError as e:
        raise gagal_tulis(kecamatan, tahun, tujuan, e) from e
    return _berkas_laporan(tujuan, nama, {b.name for b in sementara})


# ---------------------------------------------------------------- batch


class Dibatalkan(KeyboardInterrupt):
    """A batch stopped by Ctrl-C. ``hasil`` has one ``HasilBangun`` per task, in order:
    what was built (ok), what failed before the interrupt, the rest "dibatalkan"."""

    def __init__(self, hasil: list[HasilBangun]):
        self.hasil = hasil
        jadi = [f"{h.kecamatan} {h.tahun}" for h in hasil if h.ok]
        super().__init__(f"Dibatalkan (Ctrl-C): {len(jadi)} dari {len(hasil)} laporan "
                         f"selesai dibangun" + (f": {', '.join(jadi)}." if jadi else "."))


ALASAN_BATAL = "dibatalkan (Ctrl-C) sebelum selesai"


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
    mulai = time.time()
    if not scheduler and (jobs <= 1 or len(tugas) <= 1):
        hasil: list[HasilBangun] = []
        try:
            for t in tugas:
                hasil.append(_lapor(_bangun_satu(t), lapor))
        except KeyboardInterrupt:
            sisa = [_batal(t, mulai) for t in tugas[len(hasil):]]
            raise Dibatalkan(hasil + sisa) from None
        return hasil
    with _pelaksana(jobs, scheduler) as pool:
        futures = [pool.submit(_bangun_satu, t) for t in tugas]
        sebelum: set = set()
        try:
            for f in as_completed(futures):
                lapor(f.result())
                sebelum.add(f)
        except KeyboardInterrupt:
            _hentikan(pool, futures)
            raise Dibatalkan([_hasil_batal(f, t, f in sebelum, mulai)
                              for f, t in zip(futures, tugas, strict=True)]) from None
        return [f.result() for f in futures]


def _batal(tugas: tuple, mulai: float) -> HasilBangun:
    """A task whose outcome is unknown after Ctrl-C: built if its three files were all
    moved into place since the batch began (interrupted just before it could say so)."""
    kecamatan, tahun, kwargs = tugas
    try:
        tahun = cek_nama(kecamatan, tahun)
        folder = folder_laporan(kwargs["out_dir"], kecamatan, tahun)
        berkas = BerkasLaporan(*(folder / (nama_dasar(kecamatan, tahun) + akhiran)
                                 for akhiran in (".ipynb", ".html", ".pdf")))
        if all(p.stat().st_mtime >= mulai for p in (berkas.notebook, berkas.html, berkas.pdf)):
            return HasilBangun(kecamatan, tahun, True, berkas)
    except (LkjipError, OSError):
        pass
    return HasilBangun(kecamatan, _tahun(tahun), False, alasan=ALASAN_BATAL)


def _hasil_batal(f, tugas: tuple, sebelum: bool, mulai: float) -> HasilBangun:
    """A task's outcome after Ctrl-C: a finished build stands; a failure after the interrupt
    (its kernel was stopped) and anything unfinished count as cancelled."""
    if f.cancelled() or not f.done() or f.exception() is not None:
        return _batal(tugas, mulai)
    hasil = f.result()
    return hasil if hasil.ok or sebelum else _batal(tugas, mulai)


def _hentikan(pool, futures, tenggang: float = 3.0, batas: float = 30.0) -> None:
    """Cancel what has not started and stop the workers: they got Ctrl-C's SIGINT too (nbclient
    then shuts their kernel down); any still alive after `tenggang` s gets SIGINT, after
    `batas` s SIGTERM, then SIGKILL. A Dask executor only has its futures cancelled."""
    for f in futures:
        f.cancel()
    proses = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for sinyal, tunggu in ((None, tenggang), (signal.SIGINT, batas),
                           (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        hidup = [p for p in proses if p.is_alive()]
        for p in hidup if sinyal is not None else ():
            _kirim(p.pid, sinyal)
        akhir = time.monotonic() + tunggu
        while hidup and time.monotonic() < akhir:
            time.sleep(0.1)
            hidup = [p for p in hidup if p.is_alive()]
        if not hidup:
            return


def _kirim(pid: int, sinyal) -> None:
    try:
        os.kill(pid, sinyal)
    except ProcessLookupError:
        pass


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
