"""The report's look in JupyterLab: the report stylesheet, scoped to notebook outputs, carried
by each styled output itself.

JupyterLab does not load the report's CSS (``templates/lkjip/lkjip.css``), and its own rules
for HTML outputs right-align every cell, stripe rows, fix column widths and drop borders, so
a report table in a notebook lost its look (text columns right-aligned, a differing stated
figure not highlighted). The style must travel with the output: an output that shows a table,
a chart or a figure's provenance starts with one ``<style data-lkjip="gaya">`` block holding
the report stylesheet with every selector prefixed by `CAKUPAN` (so it reaches outputs only,
never the notebook's own markdown or interface, and outranks JupyterLab's
``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td``), plus a few resets of JupyterLab's
table rules (measured in Chromium: scripts/lihat_jupyterlab.py). ``@page`` and
print-only rules are left out. The stylesheet is read from the template, so report and
notebook never drift apart.

The exporter removes the block (`buang_gaya`): the report has the stylesheet in its head once.
Rejected: injecting the CSS once per kernel (an output re-run or cleared loses it; a notebook
opened with outputs has none), a JupyterLab extension (an install step on every analyst's
machine), inline ``style=`` on every cell (hover rules of the provenance tooltips cannot be
inline).

>>> "td.lk-angka" in gaya_notebook() and "@page" not in gaya_notebook()
True
>>> buang_gaya(dengan_gaya('<figure class="lk-tabel"><table></table></figure>'))
'<figure class="lk-tabel"><table></table></figure>'
>>> dengan_gaya("<p>teks</p>")
'<p>teks</p>'
"""

from __future__ import annotations

import re
from functools import lru_cache

from lkjip import config

# outputs only (not markdown cells), and one class more than JupyterLab's own table rules
# (``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td`` right-aligns every cell)
CAKUPAN = ".jp-OutputArea-output.jp-RenderedHTMLCommon"
AWAL = '<style data-lkjip="gaya">'
AKHIR = "</style>"
# JupyterLab's .jp-RenderedHTMLCommon table rules that the report's sheet does not set
RESET = """
figure table { table-layout: auto; margin: 0; border-spacing: 0; }
figure td { text-align: left; line-height: 1.3; }
figure th { text-align: center; }
figure tbody tr, figure tbody tr:nth-child(odd), figure tbody tr:hover { background: none; }
h1.lk-bab { break-before: auto; margin-top: 0.5cm; }
"""
_TANDA = ("<table", "lk-jejak", "lk-grafik")
# selectors that never match inside an output: the page, the cover, the lists, nbconvert chrome
_LUAR = re.compile(r"(html|body|main|nav|\.jp-|\.lk-analis|\.lk-sampul)\b")


def _blok(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of a stylesheet without comments."""
    hasil, i = [], 0
    while True:
        buka = css.find("{", i)
        if buka < 0:
            return hasil
        kedalaman, j = 1, buka + 1
        while kedalaman:
            kedalaman += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        hasil.append((css[i:buka].strip(), css[buka + 1:j - 1]))
        i = j


def cakup(css: str, cakupan: str = CAKUPAN) -> str:
    """Prefix every selector with `cakupan`; keep ``@media screen``, drop ``@page``, print
    rules and selectors of the page itself (`_LUAR`).

    >>> cakup("a, td.x { color: red } @page { size: A4 } @media screen { p { margin: 0 } }", ".c")
    '.c a, .c td.x { color: red }\\n@media screen { .c p { margin: 0 } }'
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    keluar = []
    for awal, isi in _blok(css):
        if awal.startswith("@media"):
            dalam = cakup(isi, cakupan) if "print" not in awal else ""
            if dalam:
                keluar.append(f"{awal} {{ {dalam} }}")
        elif not awal.startswith("@"):
            pilih = [p.strip() for p in awal.split(",") if not _LUAR.match(p.strip())]
            if pilih:
                pilih = ", ".join(f"{cakupan} {p}" for p in pilih)
                keluar.append(f"{pilih} {{ {' '.join(isi.split())} }}")
    return "\n".join(keluar)


@lru_cache(maxsize=1)
def gaya_notebook() -> str:
    """The ``<style>`` block that shows report HTML in JupyterLab as in the report."""
    css = (config.TEMPLATES / "lkjip" / "lkjip.css").read_text(encoding="utf-8")
    return f"{AWAL}{cakup(css + RESET)}{AKHIR}"


def dengan_gaya(html: str) -> str:
    """`html` preceded by the style block when it shows a table, a chart or a provenance."""
    if AWAL in html or not any(t in html for t in _TANDA):
        return html
    return gaya_notebook() + html


def buang_gaya(html: str) -> str:
    """`html` without the style blocks `dengan_gaya` added (the report has the sheet once)."""
    if AWAL not in html:
        return html
    return re.sub(re.escape(AWAL) + ".*?" + re.escape(AKHIR), "", html, flags=re.S)
