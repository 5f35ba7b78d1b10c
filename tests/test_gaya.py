"""Report tables keep their look in JupyterLab: the style travels with the output, scoped to
outputs, and the exported report holds the sheet once, not per table (lkjip.gaya)."""

from __future__ import annotations

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_notebook, new_output

from lkjip import gaya, tampil
from lkjip.ekspor import LkjipHTMLExporter


def _tabel():
    df = pd.DataFrame({"Uraian": ["Camat"], "Jumlah": ["1"]})
    return tampil.tabel(df, "1.1", "Personil", tandai={(0, "Jumlah"): "lk-tw-tidak"})


def test_table_output_carries_the_scoped_sheet():
    html = _tabel()._repr_html_()
    assert html.startswith('<style data-lkjip="gaya">') and html.count("<style") == 1
    css = html[: html.index("</style>")]
    # the rules that JupyterLab overrode: text columns left, numbers right, a marked cell
    # (the early warning's "tidak sesuai jalur", lkjip.css)
    assert f"{gaya.CAKUPAN} figure td {{ text-align: left;" in css
    assert f"{gaya.CAKUPAN} td.lk-angka {{ text-align: right;" in css
    assert (f"{gaya.CAKUPAN} figure td.lk-tw-tidak {{ background: #fde8e8; font-weight: bold; }}"
            in css)
    # every selector is scoped to outputs; nothing for the page or print
    for aturan in css.split("\n")[1:]:
        if not aturan.startswith("@media"):
            assert all(p.strip().startswith(gaya.CAKUPAN) for p in aturan.split("{")[0].split(","))
    assert "@page" not in css and "print" not in css


def test_plain_fragments_and_nested_ones_get_it_at_most_once():
    assert tampil.paragraf("teks")._repr_html_() == '<p class="lk-paragraf">teks</p>'
    ganda = tampil.Html(_tabel()._repr_html_() + "<p>x</p>")
    assert ganda._repr_html_().count("<style") == 1


def test_the_report_holds_the_sheet_once():
    nb = new_notebook(cells=[new_code_cell("t", outputs=[new_output(
        "display_data", data={"text/html": _tabel()._repr_html_(), "text/plain": "x"})])])
    html, _ = LkjipHTMLExporter().from_notebook_node(nbformat.from_dict(nb))
    assert 'data-lkjip="gaya"' not in html and 'id="tabel-1-1"' in html
