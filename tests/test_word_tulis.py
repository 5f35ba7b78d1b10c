"""The Word writer (`lkjip.word_tulis`) on small hand-written HTML: the WordprocessingML
expected is reasoned out from pandoc's docx writer, which it replaces (the structures python-docx's
pass and Word read: merged cells, list numbering, bookmarks, pictures)."""

import hashlib
import io
import zipfile

import pytest
from lxml import etree
from PIL import Image

from lkjip.word import REFERENSI
from lkjip.word_tulis import BentukTakDikenal, tulis_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _paket(html: str, gambar=None) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(tulis_docx(html, gambar or {}, REFERENSI))) as z:
        return {n: z.read(n) for n in z.namelist()}


def _badan(html: str, gambar=None):
    return etree.fromstring(_paket(html, gambar)["word/document.xml"]).find(f"{W}body")


def _teks(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _gaya(p) -> str:
    ps = p.find(f"{W}pPr/{W}pStyle")
    return "" if ps is None else ps.get(f"{W}val")


def _png(w: int, h: int, dpi: int) -> bytes:
    keluar = io.BytesIO()
    Image.new("RGB", (w, h), "white").save(keluar, format="PNG", dpi=(dpi, dpi))
    return keluar.getvalue()


def test_sel_gabung_baris_dan_kolom():
    # A spans two header rows, B two columns: three grid columns of 7 920 / 3 twips; the
    # second header row starts with A's continuation (vMerge continue, an empty paragraph);
    # both header rows repeat (tblHeader), the body row does not
    badan = _badan('<table><thead><tr><th rowspan="2">A</th><th colspan="2">B</th></tr>'
                   "<tr><th>b1</th><th>b2</th></tr></thead>"
                   "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>")
    tbl = badan.find(f"{W}tbl")
    assert [g.get(f"{W}w") for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")] == ["2640"] * 3
    baris = tbl.findall(f"{W}tr")
    assert [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in baris] == [True, True, False]
    sel = [tr.findall(f"{W}tc") for tr in baris]
    assert [[_teks(tc) for tc in r] for r in sel] == [["A", "B"], ["", "b1", "b2"],
                                                     ["1", "2", "3"]]
    assert sel[0][0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    assert sel[0][1].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
    lanjut = sel[1][0]
    assert lanjut.find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "continue"
    assert lanjut.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "1"
    assert {_gaya(p) for tc in sel[2] for p in tc.iter(f"{W}p")} == {"Compact"}


def test_daftar_bernomor_dan_berbutir():
    # pandoc's numbering: num 1000 is "no marker"; each list its own num from 1001, an <ol
    # type="a"> an abstractNum 99 + 7 (lowerLetter) + 0 (default delimiter) + 1 (start)
    paket = _paket('<ol type="a"><li>satu</li><li>dua</li></ol><ul><li>x</li></ul>')
    badan = etree.fromstring(paket["word/document.xml"]).find(f"{W}body")
    nomor = [(p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val"),
              p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val"), _gaya(p), _teks(p))
             for p in badan.iter(f"{W}p")]
    assert nomor == [("0", "1001", "Compact", "satu"), ("0", "1001", "Compact", "dua"),
                     ("0", "1002", "Compact", "x")]
    num = etree.fromstring(paket["word/numbering.xml"])
    abstrak = {n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val")
               for n in num.iter(f"{W}num")}
    assert abstrak == {"1000": "990", "1001": "99701", "1002": "991"}
    lvl0 = num.xpath("w:abstractNum[@w:abstractNumId='99701']/w:lvl[@w:ilvl='0']",
                     namespaces=NS)[0]
    assert lvl0.find(f"{W}numFmt").get(f"{W}val") == "lowerLetter"
    assert lvl0.find(f"{W}lvlText").get(f"{W}val") == "%1."


def test_penanda_mengapit_bagian_judul():
    # a div's id and a heading's id are bookmarks; the heading's spans its section (the
    # heading and what follows it in its div), so the bookmarks nest; an id Word cannot take
    # (over 40 characters) is named "X" + its SHA-1 but the first hex digit
    panjang = "tabel-" + "x" * 40
    badan = _badan(f'<div id="bagian-a"><h2 id="judul-a">Judul</h2><p>isi</p></div>'
                   f'<div id="{panjang}"><p>lagi</p></div>')
    urutan = []
    for el in badan:
        if el.tag == f"{W}bookmarkStart":
            urutan.append(("awal", el.get(f"{W}name")))
        elif el.tag == f"{W}bookmarkEnd":
            urutan.append(("akhir",))
        elif el.tag == f"{W}p":
            urutan.append((_gaya(el), _teks(el)))
    nama = "X" + hashlib.sha1(panjang.encode()).hexdigest()[1:]
    assert urutan == [("awal", "bagian-a"), ("awal", "judul-a"), ("Heading2", "Judul"),
                      ("FirstParagraph", "isi"), ("akhir",), ("akhir",),
                      ("awal", nama), ("BodyText", "lagi"), ("akhir",)]


def test_gambar_ukuran_dari_piksel_dan_dpi():
    # 254 x 127 px at 127 dpi (5 000 px/m in the PNG's pHYs, x 254 div 10 000 as pandoc
    # reads it): 2 x 1 inch = 1 828 800 x 914 400 EMU; 1 200 x 600 px at 72 dpi
    # (1 200 pt) is wider than the text (A4 less the margins: 9 355 twips, 467 pt): 467 pt
    # wide (5 930 900 EMU), half as high
    png = {"a.png": _png(254, 127, 127), "b.png": _png(1200, 600, 72)}
    paket = _paket('<figure id="g"><img alt="Grafik A" src="a.png"/><figcaption>Grafik 1'
                   '</figcaption></figure><figure><img alt="B" src="b.png"/></figure>', png)
    badan = etree.fromstring(paket["word/document.xml"]).find(f"{W}body")
    ukuran = [(e.get("cx"), e.get("cy")) for e in badan.iterfind(".//wp:extent", NS)]
    assert ukuran == [("1828800", "914400"), ("5930900", "2965450")]
    p = badan.findall(f"{W}p")
    assert [_gaya(x) for x in p] == ["CaptionedFigure", "ImageCaption", "Figure"]
    assert [d.get("descr") for d in badan.iterfind(".//wp:docPr", NS)] == ["Grafik A", "B"]
    assert [d.get("descr") for d in badan.iterfind(".//pic:cNvPr", NS)] == ["a.png", "b.png"]
    rid = badan.find(".//a:blip", NS).get(f"{{{NS['r']}}}embed")
    assert f'Id="{rid}" Target="media/{rid}.png"'.encode() in paket["word/_rels/document.xml.rels"]
    assert paket[f"word/media/{rid}.png"] == png["a.png"]
    assert f'PartName="/word/media/{rid}.png" ContentType="image/png"'.encode() in \
        paket["[Content_Types].xml"]


def test_paragraf_pertama_setelah_judul_dan_spasi():
    # pandoc's First Paragraph after a heading, table or list, Body Text after a paragraph;
    # a formatting's edge spaces stand outside it and meet the text's as one space, a run of
    # its own (pandoc joins a space into a run only between two texts), a line break swallows
    # the newline after it
    badan = _badan("<p>a</p><p>b <strong> tebal </strong>c<br/>\n d</p><h3>H</h3><p>e</p>")
    p = badan.findall(f".//{W}p")
    assert [_gaya(x) for x in p] == ["FirstParagraph", "BodyText", "Heading3", "FirstParagraph"]
    run = [(r.find(f"{W}rPr/{W}b") is not None, _teks(r), r.find(f"{W}br") is not None)
           for r in p[1].iter(f"{W}r")]
    assert run == [(False, "b", False), (False, " ", False), (True, "tebal", False),
                   (False, " ", False), (False, "c", False), (False, "", True),
                   (False, "d", False)]


def test_tautan_ke_penanda_dan_ke_luar():
    # a link to an id goes to its bookmark (w:anchor), one to a URL through a relationship
    # (TargetMode External, its spaces percent-encoded), both in the Hyperlink style
    paket = _paket('<p><a href="#bab-i">Bab I</a> dan <a href="https://contoh.id/a b">'
                   "situs</a></p>")
    p = etree.fromstring(paket["word/document.xml"]).find(f"{W}body/{W}p")
    tautan = p.findall(f"{W}hyperlink")
    assert [(h.get(f"{W}anchor"), _teks(h)) for h in tautan] == [("bab-i", "Bab I"),
                                                                 (None, "situs")]
    assert {r.get(f"{W}val") for r in p.iterfind(f".//{W}hyperlink//{W}rStyle")} == {"Hyperlink"}
    rid = tautan[1].get(f"{{{NS['r']}}}id")
    rels = etree.fromstring(paket["word/_rels/document.xml.rels"])
    rel = next(r for r in rels if r.get("Id") == rid)
    assert (rel.get("Target"), rel.get("TargetMode")) == ("https://contoh.id/a%20b", "External")


@pytest.mark.parametrize("html", [
    "<p>a <canvas>x</canvas></p>",                  # an element whose content pandoc drops
    "<td>x</td>",                                   # a table's part outside a table
    '<p><img src="logo.jpg" alt="logo"/></p>',      # a picture it was not given
    '<div data-dir="rtl"><p>x</p></div>',           # right-to-left (pandoc: bidi)
    '<pre class="python">x = 1</pre>',              # a language pandoc would highlight
    '<p><span lang="en">x</span></p>',              # a span's language (pandoc: w:lang)
])
def test_bentuk_tak_dikenal_menjadi_galat(html):
    # (the forms pandoc took that the writer now writes as it did: tests/test_word_bentuk.py)
    with pytest.raises(BentukTakDikenal, match="penulis Word tidak mengenal"):
        tulis_docx(html, {}, REFERENSI)


def test_kode_dan_atribut_div_seperti_pandoc():
    """A notebook's highlighted code cell (nbconvert's ``<pre>`` of ``<span>``s, a ``<br>``)
    is one Source Code paragraph of its text, as pandoc's reader takes a ``<pre>``; a div's
    data- attributes other than custom-style (nbconvert's data-mime-type, data-type,
    data-tabindex) give the paragraph nothing, as in pandoc's docx writer."""
    badan = _badan('<div data-type="x" data-tabindex="0"><p>teks</p></div>'
                   '<div class="highlight"><pre><span></span><span class="kn">import</span>'
                   ' <span class="nn">pandas</span><br/>x</pre></div>')
    p = badan.findall(f"{W}p")
    assert [(_gaya(q), _teks(q)) for q in p] == [("FirstParagraph", "teks"),
                                                   ("SourceCode", "import pandasx")]
    assert len(p[1].findall(f".//{W}br")) == 1  # the line break between the two lines
