"""The executed notebook's file (`lkjip.bangun.keluaran.teks_ipynb`): nbformat's own text."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkjip.bangun.keluaran import Keluaran, teks_ipynb


def _notebook():
    """Every part nbformat's writer changes: texts it splits into lines (sources, streams,
    text/* and SVG outputs, attachments) beside those it leaves whole (JSON, PNG, a source
    already in lines), and the transient keys it drops (notebook and cell metadata)."""
    kode = new_code_cell("a = 1\nb = 2\n", metadata={"trusted": True, "tags": ["x"]})
    kode.outputs = [
        new_output("stream", name="stdout", text="baris 1\n\nbaris 3"),
        new_output("display_data", data={
            "text/plain": "x\ny", "text/html": "<p>a</p>\n<p>b</p>\n",
            "image/svg+xml": "<svg>\n</svg>", "image/png": "iVBORw0KGgo=",
            "application/json": {"a": [1, 2]}, "application/vnd.x+json": {"k": "v\nw"}},
            metadata={"lkjip": {"nomor": "1.1"}}),
        new_output("execute_result", data={"text/plain": "42"}, execution_count=3),
        new_output("error", ename="E", evalue="v", traceback=["t1", "t2"]),
    ]
    md = new_markdown_cell("# Judul\n\nTeks é ✓", attachments={
        "a.png": {"image/png": "iVBO", "text/plain": "satu\ndua"}})
    md.metadata["trusted"] = False
    kosong = new_code_cell(["sudah\n", "baris"])
    nb = new_notebook(cells=[kode, md, kosong], metadata={
        "orig_nbformat": 3, "orig_nbformat_minor": 1, "signature": "sha256:x",
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    return nb


def test_teks_ipynb_sama_dengan_tulisan_nbformat(tmp_path):
    nb = _notebook()
    nbformat.write(nb, tmp_path / "a.ipynb")
    Keluaran(nb).ipynb(tmp_path / "b.ipynb")
    assert (tmp_path / "b.ipynb").read_bytes() == (tmp_path / "a.ipynb").read_bytes()
    assert teks_ipynb(nb) == (tmp_path / "a.ipynb").read_text(encoding="utf-8")


def test_teks_ipynb_tidak_mengubah_notebook():
    nb = _notebook()
    sebelum = nbformat.writes(nb)
    teks_ipynb(nb)
    assert nb.metadata["signature"] == "sha256:x" and nb.cells[0].metadata["trusted"]
    assert isinstance(nb.cells[0].source, str) and isinstance(nb.cells[0].outputs[0].text, str)
    assert nbformat.writes(nb) == sebelum
