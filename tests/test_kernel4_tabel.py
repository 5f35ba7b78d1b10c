"""A table's text/plain in a notebook: its number, not the DataFrame's text (issue 15)."""

import pandas as pd
from IPython.core.formatters import HTMLFormatter, PlainTextFormatter

from lkjip.tabel_dasar import Tabel


def _tabel(nomor: str = "3.1") -> Tabel:
    df = pd.DataFrame({"Uraian": ["Camat", "Sekretaris"], "Jumlah": ["1", "2"]})
    return Tabel(df, nomor, "Jumlah Pegawai")


def test_teks_polos_ipython_nomor_tabel():
    assert PlainTextFormatter()(_tabel()) == "<Tabel 3.1>"
    assert PlainTextFormatter()(_tabel("")) == "<Tabel>"


def test_html_dan_repr_tetap():
    t = _tabel()
    assert HTMLFormatter()(t) == t.html()._repr_html_()  # what the exports read, unchanged
    assert repr(t).startswith("Tabel(df=")  # print() and repr() keep the dataclass's text
    assert "Sekretaris" in repr(t)
