"""Executing a document: its notebooks joined into one, run once in a kernel of its own.

`gabung` joins the notebooks (only the first ``parameters`` cell is kept; each cell records
its notebook and cell number, so a failure names them). `jalankan` injects the parameters
and runs the joined notebook with papermill in the kernel the build started early
(`mulai_kernel`, see `lkjip.bangun.kernel`); a failing cell raises `GagalBangun` naming the
notebook and cell. nbformat and papermill are imported here, inside the functions, after
`lewati_rfc3987`.
"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

from lkjip.bangun.galat import GagalBangun, gagal_kernel
from lkjip.galat import Masalah, nama_galat

POLA_BAB = "0*_*.ipynb"
FOLDER_KERTAS_KERJA = "kertas_kerja"  # a kecamatan's working paper chapters (issue 11)
TAG_PARAMETER = "parameters"
TAG_SEMBUNYI = "hide-input"
KERNEL = "python3"


# What jsonschema imports only to check string formats ("iri", "duration", "color", "uri-template",
# ...), when present: jupyterlab and its extensions pull them in.
MODUL_FORMAT = ("rfc3987_syntax", "rfc3987", "rfc3986_validator", "rfc3339_validator", "fqdn",
                "isoduration", "uri_template", "webcolors")


def lewati_rfc3987() -> None:
    """Keep jsonschema from importing its format checkers' modules (`MODUL_FORMAT`) in a
    process that builds documents.

    jsonschema imports each when present, to check string formats: rfc3987_syntax builds a
    Lark grammar (~0.9 s) for the "iri" formats, isoduration imports arrow (with the others
    ~0,07 CPU-s and ~3 MB a process). nbformat never passes a format checker, so marking them
    absent before the first ``import nbformat`` changes nothing but that time and memory.
    Called when a build starts, never on import; kernels are not affected, nor is a process
    that already imported jsonschema.
    """
    if "jsonschema" not in sys.modules:
        for nama in MODUL_FORMAT:
            sys.modules.setdefault(nama, None)


# What a build imports but never uses: requests (with urllib3, charset_normalizer, idna, email
# and http.*), which papermill imports only for notebooks read or written over HTTP; soupsieve,
# which BeautifulSoup imports for its CSS selectors (``select``), and which the export never
# calls: it searches its trees with find_all and `lkjip.word_html.cari`.
MODUL_MALAS = ("requests", "soupsieve")


def tunda_impor() -> None:
    """Have `MODUL_MALAS` imported only when first used (`_Malas`), in a process that builds
    documents: papermill imports requests when imported (``papermill.iorw``) and calls it
    only for an ``http://`` notebook path, which a build never gives: ~6,5 MB PSS and 129
    modules a process (a batch worker, a build; issue 15). bs4 imports soupsieve when
    imported (``bs4.css``: ``import soupsieve``, its attributes read only when a selector is
    used), and soupsieve compiles its CSS grammar's regular expressions then: ~0,15 CPU-s a
    process. Called when a build starts, never on import; a module already imported, or not
    installed, is left as it is."""
    import importlib.util

    for nama in MODUL_MALAS:
        if nama not in sys.modules and importlib.util.find_spec(nama) is not None:
            sys.modules[nama] = _Malas(nama)


class _Malas(types.ModuleType):
    """A stand-in for a module not imported yet: the first attribute asked of it imports the
    module (in its place in ``sys.modules``) and answers from it, as does every later one.
    (``importlib.util.LazyLoader`` loads its module as soon as ``import`` finds it in
    ``sys.modules``: Python 3.11's import reads its ``__spec__``.)"""

    def __getattr__(self, atribut: str):
        import importlib

        asli = sys.modules.get(self.__name__)
        if asli is self:
            del sys.modules[self.__name__]
            try:
                asli = importlib.import_module(self.__name__)
            except BaseException:
                sys.modules[self.__name__] = self
                raise
        return getattr(asli, atribut)


def mulai_kernel(judul: str, cwd: Path):
    """A kernel of its own for one document, started now (see `lkjip.bangun.kernel`)."""
    from lkjip.bangun.kernel import KernelAwal

    try:
        return KernelAwal(cwd).mulai()
    except Exception as e:  # no kernel spec, or it would not start
        raise gagal_kernel(judul, e) from e


# ---------------------------------------------------------------- join


def _tag(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def _sel_bab(cell, bab: Path, nomor: int, pertama_param: bool):
    """A copy of one chapter cell for the joined notebook, or None to drop it. Cells of the
    chapters in a ``kertas_kerja/`` folder are tagged ``dokumen: kertas_kerja`` (the working
    paper, split off at export by `lkjip.ekspor.pisah`), the others ``edisi``."""
    import nbformat

    if TAG_PARAMETER in _tag(cell) and not pertama_param:
        return None
    bab = Path(bab)
    dokumen = "kertas_kerja" if bab.parent.name == FOLDER_KERTAS_KERJA else "edisi"
    baru = nbformat.from_dict(dict(cell))
    baru["id"] = re.sub(r"[^A-Za-z0-9_-]", "-", f"{dokumen}-{bab.stem}-{nomor}")
    nama = bab.name if dokumen == "edisi" else f"{FOLDER_KERTAS_KERJA}/{bab.name}"
    baru.metadata["lkjip"] = {"bab": nama, "sel": nomor, "dokumen": dokumen}
    if baru.cell_type == "code":
        baru.outputs, baru.execution_count = [], None
        baru.metadata["tags"] = _tag(baru) + [TAG_SEMBUNYI] * (TAG_SEMBUNYI not in _tag(baru))
    return baru


def gabung(bab: list[Path]):
    """One notebook of all chapters; only the first ``parameters`` cell is kept.

    Each cell records its chapter file, 1-based cell number and document (``edisi``, or
    ``kertas_kerja`` for the working paper's chapters) in ``metadata.lkjip``.
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    sudah_param = False
    for path in bab:
        asal = nbformat.read(path, as_version=4)
        nb.metadata = nb.metadata or dict(asal.metadata)
        for nomor, cell in enumerate(asal.cells, start=1):
            baru = _sel_bab(cell, Path(path), nomor, not sudah_param)
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


def _indeks_injeksi(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if "injected-parameters" in _tag(c))


def jalankan(nb, parameter: dict, judul: str, cwd: Path, km=None, kemajuan=None, pantau=None):
    """Execute the joined notebook once with `parameter` injected; return it executed.

    A failing cell raises `GagalBangun` naming its chapter file and cell; a kernel that dies
    too. ``km``: the kernel started for this document (`lkjip.bangun.kernel.KernelAwal`).
    ``kemajuan(pesan)`` is told each chapter as it starts ("bab 2/8: 01_bab1.ipynb");
    ``pantau(indeks, nb)`` each cell, with the notebook being executed (`Dokumen.pantau`).
    """
    from papermill.engines import papermill_engines
    from papermill.exceptions import PapermillExecutionError
    from papermill.execute import (
        prepare_notebook_metadata,
        raise_for_execution_errors,
        remove_error_markers,
    )
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook
    from papermill.utils import chdir

    from lkjip.bangun.mesin import MESIN, daftarkan

    nb = parameterize_notebook(load_notebook_node(nb), parameter, kernel_name=KERNEL,
                               language="python")
    nb.cells[_indeks_injeksi(nb)].metadata["tags"] += [TAG_SEMBUNYI]
    peta = [dict(c.metadata.get("lkjip", {})) for c in nb.cells]
    sumber = ", ".join(dict.fromkeys(asal["bab"] for asal in peta if asal))
    nb = remove_error_markers(prepare_notebook_metadata(nb, sumber, None))
    daftarkan()
    # papermill.execute_notebook's steps, without its two round trips of the notebook through
    # nbformat.writes (a NotebookNode input is written and read back, validated each way; an
    # output path None still serialises the executed ~2,5 MB notebook, to throw it away), and
    # with the chapters' names as input_path (papermill records a NotebookNode input itself
    # there: ~40 KB of source in every executed notebook's metadata).
    try:
        with chdir(str(cwd)):
            nb = papermill_engines.execute_notebook_with_engine(
                MESIN, nb, input_path=sumber, output_path=None, kernel_name=KERNEL,
                progress_bar=False, log_output=False, start_timeout=60, stdout_file=None,
                stderr_file=None, shutdown_kernel="immediate", km=km,
                mulai_sel=_mulai_sel(_lapor_bab(peta, kemajuan), pantau),
            )
        raise_for_execution_errors(nb, None)
        return nb
    except PapermillExecutionError as e:
        asal = peta[e.cell_index] or _asal_sel(nb, e.cell_index)
        jenis = "" if e.ename in nama_galat() else f"{e.ename}: "  # a user's error: message only
        pesan = f"sel ke-{asal['sel']}: {jenis}{e.evalue}"
        raise GagalBangun(judul, [Masalah(asal["bab"], pesan=pesan)]) from None
    except RuntimeError as e:  # the kernel died or did not start (nbclient)
        raise gagal_kernel(judul, e) from e


def _mulai_sel(lapor_bab, pantau):
    """The engine's cell-start callback ``(indeks, nb)``: the chapter told, then `pantau`."""
    if lapor_bab is None and pantau is None:
        return None

    def mulai_sel(indeks: int, nb) -> None:
        if lapor_bab is not None:
            lapor_bab(indeks)
        if pantau is not None:
            pantau(indeks, nb)

    return mulai_sel


def _lapor_bab(peta: list[dict], kemajuan):
    """A cell-start callback telling `kemajuan` each chapter once, as "bab n/N: file"."""
    if kemajuan is None:
        return None
    bab = list(dict.fromkeys(asal["bab"] for asal in peta if asal))
    sudah: set[str] = set()

    def mulai_sel(indeks: int) -> None:
        nama = peta[indeks].get("bab") if indeks < len(peta) else None
        if nama and nama not in sudah:
            sudah.add(nama)
            kemajuan(f"bab {bab.index(nama) + 1}/{len(bab)}: {nama}")

    return mulai_sel


def isi_sampul(nb, bawaan: dict):
    """Put the cover's facts in ``nb.metadata.lkjip``: the notebook's own (`ekspor.baca_sampul`),
    and `bawaan` for each fact the notebook left empty."""
    from lkjip.ekspor import baca_sampul

    sampul = baca_sampul(nb)
    sampul.update({k: v for k, v in bawaan.items() if not sampul.get(k)})
    nb.metadata["lkjip"] = sampul
    return nb
