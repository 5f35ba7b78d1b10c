"""Writing an executed notebook in each format a document asks for (ipynb, HTML, PDF, …).

`Keluaran` has one method per format, named by the format's file extension, each writing
one file; the reader's HTML is made once and shared by the HTML, the PDF and the DOCX. A new
format is one method here and its name in a document's ``format``.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

FORMAT_BAWAAN = ("ipynb", "html", "pdf")
NAMA_FORMAT = {"ipynb": "notebook", "html": "HTML", "pdf": "PDF", "docx": "DOCX"}


class Keluaran:
    """The files of one executed notebook; ``analis`` shows the code in the HTML."""

    def __init__(self, nb, analis: bool = False):
        self.nb, self.analis = nb, analis

    @cached_property
    def _html(self) -> tuple[str, str]:
        """(the HTML as asked, the reader's HTML, which the PDF is made from)."""
        from lkjip.ekspor import html_dan_pembaca

        return html_dan_pembaca(self.nb, self.analis)

    def ipynb(self, jalur: Path) -> None:
        jalur.write_text(teks_ipynb(self.nb), encoding="utf-8")

    def html(self, jalur: Path) -> None:
        jalur.write_text(self._html[0], encoding="utf-8")

    def pdf(self, jalur: Path) -> None:
        """The PDF of the reader's HTML, its charts from their print copies (text as text),
        as the edition's (`lkjip.ekspor.pdf_cetak`)."""
        from lkjip.ekspor import pdf_cetak

        jalur.write_bytes(pdf_cetak(self._html[1], self.nb))

    def docx(self, jalur: Path) -> None:
        """The Word file, from the reader's HTML as the edition's (`lkjip.ekspor.ke_docx`)."""
        from lkjip.ekspor import ke_docx

        jalur.write_bytes(ke_docx(self.nb, self._html[1]))


# what nbformat's JSON writer takes out of a notebook (``strip_transient``) and which text of a
# MIME bundle it writes as lines (``_split_mimebundle``), nbformat 5.10 to 5.11
_SEMENTARA = ("orig_nbformat", "orig_nbformat_minor", "signature")
_BARIS_MIME = frozenset(("application/javascript", "image/svg+xml"))


def teks_ipynb(nb) -> str:
    """``nbformat.write``'s text of the executed notebook `nb` (v4), without its two costs on
    the 2,6 MB notebook of a report (issue 15): its validation (~0,01-0,03 CPU-s; the notebook
    is lkjip's own: nbclient validated each output as it came, and nbconvert validates the
    edition's and the working paper's notebooks split from it when it exports them) and the
    writer's
    deep copy of the whole notebook before it splits texts into lines (~0,015): here only
    the dictionaries and lists that change are copied. The same text (tests/test_keluaran.py);
    another nbformat version of `nb` is written by nbformat."""
    import json

    import nbformat

    if nb.get("nbformat") != 4:
        teks = nbformat.writes(nb)
        return teks if teks.endswith("\n") else teks + "\n"
    from nbformat.v4.nbjson import BytesEncoder

    def garis(bundel: dict) -> dict:
        return {k: v.splitlines(True) if isinstance(v, str) and (
            k.startswith("text/") or k in _BARIS_MIME) else v for k, v in bundel.items()}

    def sel(asli) -> dict:
        c = dict(asli)
        if isinstance(c.get("source"), str):
            c["source"] = c["source"].splitlines(True)
        if "attachments" in c:
            c["attachments"] = {k: garis(v) for k, v in c["attachments"].items()}
        if c["cell_type"] == "code":
            c["outputs"] = [keluaran(o) for o in c["outputs"]]
        if "trusted" in c["metadata"]:
            c["metadata"] = {k: v for k, v in c["metadata"].items() if k != "trusted"}
        return c

    def keluaran(asli) -> dict:
        o = dict(asli)
        if o["output_type"] in ("execute_result", "display_data"):
            if "data" in o:
                o["data"] = garis(o["data"])
        elif o["output_type"] == "stream" and isinstance(o.get("text"), str):
            o["text"] = o["text"].splitlines(True)
        return o

    salinan = dict(nb)
    salinan["metadata"] = {k: v for k, v in nb["metadata"].items() if k not in _SEMENTARA}
    salinan["cells"] = [sel(c) for c in nb["cells"]]
    teks = json.dumps(salinan, cls=BytesEncoder, indent=1, sort_keys=True,
                      separators=(",", ": "), ensure_ascii=False)
    return teks if teks.endswith("\n") else teks + "\n"


def cek_format(format: tuple[str, ...]) -> None:
    """Refuse a format `Keluaran` cannot write (a programming error, so a ValueError).

    >>> cek_format(("html", "odt"))
    Traceback (most recent call last):
    ...
    ValueError: format tidak dikenal: odt (yang ada: docx, html, ipynb, pdf)
    """
    ada = sorted(n for n, v in vars(Keluaran).items() if callable(v) and not n.startswith("_"))
    salah = [f for f in format if f not in ada]
    if salah:
        raise ValueError(f"format tidak dikenal: {', '.join(salah)} (yang ada: {', '.join(ada)})")


def tulis_format(nb, format: tuple[str, ...], folder: Path, nama: str, analis: bool = False,
                 kemajuan=None) -> dict[str, Path]:
    """Write ``<folder>/<nama>.<format>`` for each format, in order; return them by format."""
    keluaran = Keluaran(nb, analis)
    berkas = {}
    for f in format:
        if kemajuan is not None:
            kemajuan(f"menulis {NAMA_FORMAT.get(f, f)}")
        berkas[f] = folder / f"{nama}.{f}"
        getattr(keluaran, f)(berkas[f])
    return berkas
