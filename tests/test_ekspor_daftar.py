"""The reader's HTML pass (`lkjip.ekspor_daftar`) and the Word edition's HTML made from its tree
(`lkjip.ekspor.html_dan_word`): the same as from a second parse of the reader's HTML."""

import io
import zipfile

import pandas as pd
from bs4 import BeautifulSoup, NavigableString
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkjip import ekspor, ekspor_daftar, tampil, word
from lkjip.ekspor_daftar import _sisipkan_daftar, seperti_dibaca, teks_bersebelahan


def _keluaran(obj):
    return new_output("display_data", data={"text/html": obj._repr_html_(), "text/plain": "x"})


def _notebook():
    """A cover, lists marker, a front-matter heading, two chapters (the print marks wrap the
    cells, leaving the whitespace between them side by side), tables, a <pre> whose blank
    lines must stay, and a repeated heading id."""
    df = pd.DataFrame({"URAIAN": ["Camat", "Sekcam"], "NILAI": ["1.234", "5"]})
    sel = new_code_cell("x")
    sel.outputs = [new_output("display_data", data=tampil.sampul(
        "Contoh", "Pemalang", 2023, sintetis=True)._repr_mimebundle_()),
        _keluaran(tampil.daftar())]
    sel2 = new_code_cell("y")
    sel2.outputs = [_keluaran(tampil.judul_bab("I", "Pendahuluan")),
                    _keluaran(tampil.tabel(df, "1.1", "Rincian Personil")),
                    new_output("stream", name="stdout", text="baris 1\n\n\n   baris 2\n")]
    sel3 = new_code_cell("z")
    sel3.outputs = [_keluaran(tampil.judul_bab("II", "Perencanaan")),
                    _keluaran(tampil.tabel(df, "2.1", "Rincian Lain"))]
    return new_notebook(cells=[sel, new_markdown_cell("# KATA PENGANTAR\n\nTeks."), sel2,
                               new_markdown_cell("## A. Umum\n\nSebagai berikut:"), sel3,
                               new_markdown_cell("## A. Umum")])


def test_html_untuk_word_dari_pohon_pembaca_sama_dengan_dari_parse_kedua():
    # the Word HTML made from the reader's own tree is what word._siapkan makes from a parse
    # of the reader's HTML, byte for byte (before: the edition parsed twice, ~0,09 CPU-s)
    nb = _notebook()
    html, pembaca, siap = ekspor.html_dan_word(nb, analis=False)
    assert (html, pembaca) == ekspor.html_dan_pembaca(nb, analis=False)
    assert "baris 1\n\n\n   baris 2" in siap[0]  # whitespace in <pre> kept
    assert siap == word._siapkan(pembaca, ekspor.png_grafik(nb))
    # for the analyst the Word HTML is still the reader's (no code)
    html_analis, pembaca_analis, siap_analis = ekspor.html_dan_word(nb, analis=True)
    assert html_analis != pembaca_analis and pembaca_analis == pembaca and siap_analis == siap


def test_html_word_mengabari_html_yang_ditulis_sebelum_html_word(monkeypatch):
    # tertulis(html, pembaca) is told the HTML as returned, before the Word HTML is made
    from lkjip import word_html

    nb, urutan, asli = _notebook(), [], word_html.siapkan_pohon

    def pohon(soup, png, tulis=str):
        urutan.append("word")
        return asli(soup, png, tulis)

    monkeypatch.setattr(word_html, "siapkan_pohon", pohon)
    for analis in (False, True):
        urutan.clear()
        html, pembaca, siap = ekspor.html_dan_word(nb, analis, lambda h, p: urutan.append((h, p)))
        assert urutan == [(html, pembaca), "word"]


def test_seperti_dibaca_memberi_pohon_parse_html_yang_ditulis():
    # after the pass (cells moved into front matter/body/chapter wrappers) the tree has
    # strings side by side; made "as read", it has the same nodes as a parse of the HTML
    # written from it: same kinds, names and strings, in the same places
    html, _ = ekspor.LkjipHTMLExporter()._html_templat(*_siap_templat(_notebook()))
    pohon = _sisipkan_daftar(html, None)
    tertulis = str(pohon)

    assert any(teks_bersebelahan(t) for t in pohon.find_all(True))

    def isi(t):
        return [(type(c).__name__, c.name or str(c), isi(c) if hasattr(c, "contents") else None)
                for c in t.contents]

    assert isi(seperti_dibaca(pohon)) == isi(BeautifulSoup(tertulis, "html.parser"))


def _siap_templat(nb):
    pengekspor = ekspor.LkjipHTMLExporter()
    pengekspor.exclude_input = pengekspor.exclude_input_prompt = True
    pengekspor.exclude_output_prompt = True
    sumber = {"lkjip": ekspor.baca_sampul(nb)}
    return ekspor.SaringLaporan().preprocess(nb, sumber)


def test_seperti_dibaca_menggabung_teks_bersebelahan_kecuali_dalam_pre():
    s = BeautifulSoup("<main><p>a</p>\n<p>b</p>\n<pre>x</pre></main>", "html.parser")
    s.main.append(s.find_all("p")[1].extract())  # "\n", "\n" side by side
    s.pre.append("\n\n")
    s.pre.append("  ")  # in <pre> strings are joined but not squeezed
    seperti_dibaca(s)
    assert [str(c) for c in s.main.contents] == ["<p>a</p>", "\n", "<pre>x\n\n  </pre>",
                                                 "<p>b</p>"]
    assert s.pre.contents == ["x\n\n  "]


def test_docx_dari_pohon_bersama_sama_dengan_dari_parse_sendiri(monkeypatch):
    nb = _notebook()
    _, pembaca, siap = ekspor.html_dan_word(nb, analis=False)
    lama = ekspor.ke_docx(nb, pembaca)

    def jangan(*a, **k):
        raise AssertionError("the reader's HTML was parsed again for Word")

    monkeypatch.setattr(word, "_siapkan", jangan)
    baru = ekspor.ke_docx(nb, pembaca, siap)

    def bagian(docx: bytes) -> dict:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}

    assert bagian(baru) == bagian(lama)


def test_tulis_html_sama_dengan_str_bs4():
    # tulis_html is bs4's own serialisation, only faster: every kind of node a document may
    # hold, written as str(soup) writes it
    from lkjip.ekspor_daftar import tulis_html

    html = ('<!DOCTYPE html><html><head><meta charset="ISO-8859-1">'
            '<meta content="text/html; charset=latin-1" http-equiv="Content-type">'
            '<style>a > b { content: "&" }</style><script>if (1 < 2 && 3 > 2) {}</script>'
            '</head><body><!-- catatan --><p z="1" a=\'kata "kutip"\' b="it\'s &quot;x&quot;"'
            ' c="a &amp; b &lt; c" class="x  y" hidden>teks &amp; &lt;tag&gt; é</p>'
            '<br><img alt="" src="data:,"><div></div><template><p>t &amp; t</p></template>'
            '<pre>\n  a &lt; b\n</pre><textarea>x &amp; y</textarea>'
            '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><![CDATA[x]]><?pi x?></body></html>')
    soup = BeautifulSoup(html, "html.parser")
    soup.body.append(soup.new_tag("br"))  # a void element made, not parsed
    soup.body.append(soup.new_tag("span", attrs={"data-n": 3, "kosong": ""}))
    soup.p.insert(0, NavigableString("a & b"))
    assert tulis_html(soup) == str(soup)
    assert tulis_html(BeautifulSoup("", "html.parser")) == ""


def test_baca_html_memberi_pohon_bs4_sendiri():
    """`baca_html` builds the tree BeautifulSoup's html.parser builder builds: every node's
    attributes and links, for every kind of event (the probe: doctype, comments, references,
    void and self-closed tags, stray end tags, script and style, pre/textarea whitespace,
    ruby and template strings, a meta charset) and for the reader's HTML of a notebook."""
    dokumen = [ekspor_daftar._PROBE, _html_templat(_notebook())]
    assert ekspor_daftar._pembaca_cocok()
    for html in dokumen:
        asli, cepat = BeautifulSoup(html, "html.parser"), ekspor_daftar.baca_html(html)
        assert ekspor_daftar._pohon_sama(asli, cepat)
        assert str(cepat) == str(asli)


def _html_templat(nb):
    """The reader's HTML as the template writes it, before the lists are put in."""
    terima = []
    asli = ekspor_daftar._sisipkan_daftar

    def tangkap(html, log):
        terima.append(html)
        return asli(html, log)

    ekspor_daftar._sisipkan_daftar = tangkap
    try:
        ekspor.html_dan_pembaca(nb, False)
    finally:
        ekspor_daftar._sisipkan_daftar = asli
    return terima[0]


def test_pohon_sama_melihat_beda_atribut_tempat_dan_tautan():
    """The comparison `baca_html` is checked by tells apart trees that print the same but
    differ in an attribute's class, a tag's source position or a link."""
    def baca(html):
        return BeautifulSoup(html, "html.parser")

    assert ekspor_daftar._pohon_sama(baca("<p class='a'>x</p>"), baca("<p class='a'>x</p>"))
    assert not ekspor_daftar._pohon_sama(baca("<p class='a'>x</p>"), baca("<p class='b'>x</p>"))
    assert not ekspor_daftar._pohon_sama(baca("<p>x</p>"), baca(" <p>x</p>"))
    satu, dua = baca("<p id='a b'>x</p>"), baca("<p id='a b'>x</p>")
    dua.p["id"] = ["a", "b"]  # prints the same, a list where the parser gives a string
    assert str(satu) == str(dua) and not ekspor_daftar._pohon_sama(satu, dua)
    satu, dua = baca("<p>x</p><p>y</p>"), baca("<p>x</p><p>y</p>")
    dua.p.next_sibling = None  # a broken link
    assert not ekspor_daftar._pohon_sama(satu, dua)
    satu, dua = baca("<p>x</p>"), baca("<p>x</p>")
    dua.p.sourcepos = 1
    assert not ekspor_daftar._pohon_sama(satu, dua)


def test_baca_html_memakai_bs4_bila_pohonnya_lain(monkeypatch):
    """A bs4 whose tree `_Pembaca` does not build (the probe differs) parses with its own."""
    monkeypatch.setattr(ekspor_daftar, "_pembaca_cocok", lambda: False)
    monkeypatch.setattr(ekspor_daftar, "_baca_cepat", None)
    assert str(ekspor_daftar.baca_html("<p>a<br>b")) == "<p>a<br/>b</p>"
