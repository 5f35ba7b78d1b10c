"""The plain chain's last step: the same files lkjip writes, from the chapters' nbconvert HTML.

``python benchmarks/rantai.py OUT EDISI1.html EDISI2.html ... -- KERTAS1.html ...`` writes
``OUT.pdf`` and ``OUT.docx`` of the edition's chapters and ``OUT_kertas_kerja.pdf`` of the
working paper's: the bodies of the chapter pages are joined under the first page's head and
rendered by the calls lkjip uses (``lkjip.ekspor.html_ke_pdf``, ``lkjip.word.html_ke_docx``
with the charts' PNG copies from each chapter's executed notebook, ``EDISI1.ipynb`` beside
``EDISI1.html``), so both sides of the benchmark pay the same PDF and Word engines.
"""

import sys
from pathlib import Path


def gabung_html(halaman: list[str]) -> str:
    """The first page's head and every page's body, as one document."""
    kepala = halaman[0].split("<body", 1)[0]
    isi = [h.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0] for h in halaman]
    return f"{kepala}<body>{''.join(isi)}</body></html>"


def main(argv: list[str]) -> None:
    import nbformat

    from lkjip.ekspor import html_ke_pdf, png_grafik
    from lkjip.word import html_ke_docx

    keluar, sisa = Path(argv[0]), argv[1:]
    edisi, kertas = (sisa[:sisa.index("--")], sisa[sisa.index("--") + 1:]) if "--" in sisa \
        else (sisa, [])
    html = gabung_html([Path(p).read_text(encoding="utf-8") for p in edisi])
    keluar.with_suffix(".pdf").write_bytes(html_ke_pdf(html))
    # the charts' PNG copies from the chapters' executed notebooks (papermill's, beside their
    # HTML), as lkjip hands them to the same Word step (`lkjip.ekspor.png_grafik`)
    png = {}
    for p in edisi:
        png.update(png_grafik(nbformat.reads(Path(p).with_suffix(".ipynb").read_text(
            encoding="utf-8"), as_version=4)))
    keluar.with_suffix(".docx").write_bytes(html_ke_docx(html, png))
    if kertas:
        html = gabung_html([Path(p).read_text(encoding="utf-8") for p in kertas])
        Path(f"{keluar}_kertas_kerja.pdf").write_bytes(html_ke_pdf(html))


if __name__ == "__main__":
    main(sys.argv[1:])
