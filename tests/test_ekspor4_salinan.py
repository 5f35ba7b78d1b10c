"""A copy made for speed (issue 15) gives what the copy it replaces gave: the notebook the
reader's filter changes (`lkjip.ekspor._salin` for a deep copy)."""

import copy

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkjip import ekspor
from lkjip.ekspor import GRAFIK_PNG_MIME, SaringLaporan, _salin


def _dieksekusi():
    """An executed edition: a chart's output with its PNG copy (dropped for the reader) and
    a stderr stream (dropped), a cell without output, markdown."""
    grafik = new_output("display_data", data={"image/svg+xml": "<svg/>",
                                               GRAFIK_PNG_MIME: {"g1": "iVBO"}})
    galat = new_output("stream", name="stderr", text="peringatan\n")
    nb = new_notebook(cells=[new_markdown_cell("# A"),
                             new_code_cell("x", outputs=[grafik, galat], execution_count=1),
                             new_code_cell("y", execution_count=2)])
    return nb


def test_salin_saring_tidak_mengubah_asli_dan_sama_dengan_salinan_dalam():
    asli = _dieksekusi()
    sebelum = nbformat.writes(asli)
    lewat_salin, _ = SaringLaporan().preprocess(_salin(asli), {})
    lewat_dalam, _ = SaringLaporan().preprocess(copy.deepcopy(asli), {})
    assert nbformat.writes(asli) == sebelum  # the PNG copy and stderr still there
    assert GRAFIK_PNG_MIME in asli.cells[1].outputs[0].data
    assert nbformat.writes(lewat_salin) == nbformat.writes(lewat_dalam)
    assert [len(c.get("outputs", ())) for c in lewat_salin.cells] == [0, 1]


def test_html_dari_salin_sama_dengan_dari_salinan_dalam(monkeypatch):
    nb = _dieksekusi()
    html = ekspor.html_dan_pembaca(nb, False)[0]
    monkeypatch.setattr(ekspor, "_salin", copy.deepcopy)
    assert ekspor.html_dan_pembaca(nb, False)[0] == html


def test_tabel_lebih_banyak_baris_dari_garis_utuh_tidak_pernah_utuh():
    """`_tabel_utuh` skips reading a table of more rows than GARIS_UTUH: `tampil.utuh` counts
    each row at least one line, so such a table never fits, however short its cells."""
    from lkjip.tampil import GARIS_UTUH, utuh

    assert not utuh([[""]] * (GARIS_UTUH + 1))
    assert not utuh([["1", "x"]] * (GARIS_UTUH + 1))
    assert utuh([["1", "x"]] * GARIS_UTUH)


def test_tabel_utuh_menandai_tabel_pendek_saja():
    from bs4 import BeautifulSoup

    from lkjip.ekspor_daftar import _tabel_utuh
    from lkjip.tampil import GARIS_UTUH

    def tabel(n: int) -> str:
        baris = "".join(f"<tr><td>{i}</td><td>a</td></tr>" for i in range(n))
        return f'<figure class="lk-tabel"><table><tbody>{baris}</tbody></table></figure>'

    soup = BeautifulSoup(tabel(GARIS_UTUH) + tabel(GARIS_UTUH + 1), "html.parser")
    _tabel_utuh(soup)
    assert [f["class"] for f in soup.find_all("figure")] == [["lk-tabel", "lk-utuh"],
                                                              ["lk-tabel"]]
