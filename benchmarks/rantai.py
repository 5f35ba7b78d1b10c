"""The plain chain's PDF step: one WeasyPrint PDF of the chapters' nbconvert HTML.

``python benchmarks/rantai.py OUT.pdf BAB1.html BAB2.html ...``: the bodies of the chapter
pages are joined under the first page's head and rendered by the same call lkjip uses
(``lkjip.ekspor.html_ke_pdf``), so both sides of the benchmark pay the same PDF engine.
"""

import sys
from pathlib import Path


def gabung_html(halaman: list[str]) -> str:
    """The first page's head and every page's body, as one document."""
    kepala = halaman[0].split("<body", 1)[0]
    isi = [h.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0] for h in halaman]
    return f"{kepala}<body>{''.join(isi)}</body></html>"


def main(argv: list[str]) -> None:
    from lkjip.ekspor import html_ke_pdf

    halaman = [Path(p).read_text(encoding="utf-8") for p in argv[1:]]
    Path(argv[0]).write_bytes(html_ke_pdf(gabung_html(halaman)))


if __name__ == "__main__":
    main(sys.argv[1:])
