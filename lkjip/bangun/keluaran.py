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
        import nbformat

        nbformat.write(self.nb, jalur)

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
