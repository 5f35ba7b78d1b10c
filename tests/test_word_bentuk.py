"""What an analyst may write in a chapter notebook (markdown cells, outputs) as the Word writer
(`lkjip.word_tulis`) writes it: the HTML is what nbconvert makes of the markdown (mistune) or
of a display(...) output; the WordprocessingML expected is read from pandoc 3.9's HTML reader
and docx writer (``Readers/HTML.hs``, ``Writers/Docx/OpenXML.hs``, ``Writers/Docx/Table.hs``),
which the writer replaces. A form Word cannot hold is refused with a message naming the
chapter notebook and cell."""

import io
import struct

import pytest
from lxml import etree

from lkjip.galat import LkjipError
from lkjip.word import REFERENSI, html_ke_docx
from lkjip.word_tulis import BentukTakDikenal, tulis_docx
from tests.test_word_tulis import NS as NS_TULIS
from tests.test_word_tulis import W, _badan, _gaya, _paket, _teks

NS = {**NS_TULIS, "v": "urn:schemas-microsoft-com:vml",
      "o": "urn:schemas-microsoft-com:office:office"}


def _paragraf(badan) -> list[tuple[str, str]]:
    return [(_gaya(p), _teks(p)) for p in badan.iter(f"{W}p")]


def _run(p) -> list[tuple[str, str]]:
    """Each run: its properties' tags (without namespace) joined, and its text."""
    return [(" ".join(e.tag[len(W):] + (f"={e.get(f'{W}val')}" if e.get(f"{W}val") else "")
                      for e in r.iterfind(f"{W}rPr/*")), _teks(r)) for r in p.iter(f"{W}r")]


def test_kutipan_dalam_block_text_dan_paragraf_pertama_sesudahnya():
    # "> Kutipan\n>\n> - butir" (mistune): pandoc's BlockQuote, each paragraph in Block Text;
    # a list inside keeps its Compact items (a list item's own style); the paragraph after a
    # block quote is a First Paragraph (setFirstPara)
    badan = _badan("<p>awal</p><blockquote>\n<p>Kutipan\nbaris dua</p>\n<ul>\n<li>butir</li>\n"
                   "</ul>\n</blockquote>\n<p>setelah</p>")
    assert _paragraf(badan) == [("FirstParagraph", "awal"), ("BlockText", "Kutipan baris dua"),
                                ("Compact", "butir"), ("FirstParagraph", "setelah")]


def test_garis_mendatar_gambar_vml():
    # "---": pandoc's HorizontalRule, a paragraph of one VML rule; the next a First Paragraph
    badan = _badan("<p>Sebelum</p>\n<hr/>\n<p>Sesudah</p>")
    p = badan.findall(f"{W}p")
    garis = p[1].find("w:r/w:pict/v:rect", NS)
    assert garis is not None and garis.get(f"{{{NS['o']}}}hr") == "t"
    assert garis.get("style") == "width:0;height:1.5pt"
    assert p[1].find(f"{W}pPr") is None
    assert [_gaya(x) for x in (p[0], p[2])] == ["FirstParagraph", "FirstParagraph"]


def test_kode_sebaris_verbatim_char():
    # "`lkjip build`": pandoc's Code, one run in Verbatim Char; the spaces around it are runs
    # of their own (pandoc joins a space into a run only between two texts)
    p = _badan("<p>Jalankan <code>lkjip build</code> dulu.</p>").find(f"{W}p")
    assert _run(p) == [("", "Jalankan"), ("", " "), ("rStyle=VerbatimChar", "lkjip build"),
                       ("", " "), ("", "dulu.")]


def test_tabel_markdown_rata_kolom():
    # "|:--|:-:|--:|": mistune writes text-align on every cell; pandoc's column alignment is
    # the first body row's, a cell's own alignment wins, an empty cell has Compact only;
    # <w:jc> follows the Compact style in the cell's paragraph
    html = ('<table><thead><tr><th style="text-align:left">Kiri</th>'
            '<th style="text-align:center">Tengah</th><th style="text-align:right">Kanan</th>'
            '</tr></thead><tbody><tr><td style="text-align:left">a</td>'
            '<td style="text-align:center">b</td><td style="text-align:right">1</td></tr>'
            "<tr><td>c</td><td></td><td>2</td></tr></tbody></table>")
    baris = _badan(html).findall(f"{W}tbl/{W}tr")
    rata = [[(_gaya(p), (p.find(f"{W}pPr/{W}jc") is not None
                         and p.find(f"{W}pPr/{W}jc").get(f"{W}val")) or "")
             for p in tr.iterfind(f"{W}tc/{W}p")] for tr in baris]
    assert rata == [[("Compact", "left"), ("Compact", "center"), ("Compact", "right")],
                    [("Compact", "left"), ("Compact", "center"), ("Compact", "right")],
                    [("Compact", "left"), ("Compact", ""), ("Compact", "right")]]
    ppr = baris[0].find(f"{W}tc/{W}p/{W}pPr")
    assert [e.tag[len(W):] for e in ppr] == ["pStyle", "jc"]


def test_html_keluaran_gaya_css_diabaikan():
    # display(HTML('<div style=...>Merah <span style=...>tebal</span><br>baris</div>')):
    # pandoc's docx writer gives a div's or span's style no meaning: one paragraph, plain runs
    # (the document's first: First Paragraph)
    p = _badan('<div style="color:red">Merah <span style="font-weight:bold">tebal</span><br/>'
               "baris</div>").find(f"{W}p")
    assert _gaya(p) == "FirstParagraph"
    assert [t for _, t in _run(p)] == ["Merah", " ", "tebal", "", "baris"]
    assert all(props == "" for props, _ in _run(p))
    assert len(p.findall(f".//{W}br")) == 1


def test_tag_tak_dikenal_dilewati_isinya_tetap():
    # pandoc skips a tag it does not know (<center>, <details>, <summary>, <font>), not what
    # it holds: each text between block tags is a paragraph of its own
    badan = _badan("<p>awal</p><center>Tengah</center>\n<details><summary>Rinci</summary>\n"
                   "<p>Isi <font color=\"red\">merah</font>.</p>\n</details>")
    assert _paragraf(badan) == [("FirstParagraph", "awal"), ("BodyText", "Tengah"),
                                ("BodyText", "Rinci"), ("BodyText", "Isi merah.")]


def test_stabilo_kutip_dan_span_seperti():
    # <mark>: highlighted yellow; <q>: curly double quotes (single inside); <kbd>, <abbr>,
    # <small>: spans of no formatting; <var>: code
    p = _badan('<p><mark>stabilo</mark> <q>kata <q>dalam</q></q> <kbd>Ctrl</kbd> '
               '<abbr title="x">SAKIP</abbr> <var>n</var></p>').find(f"{W}p")
    run = _run(p)
    assert run[0] == ("highlight=yellow", "stabilo")
    assert "".join(t for _, t in run) == "stabilo \u201ckata \u2018dalam\u2019\u201d Ctrl SAKIP n"
    assert run[-1] == ("rStyle=VerbatimChar", "n")
    assert all(props == "" for props, _ in run[1:-1])


def test_daftar_bernomor_gaya_css():
    # <ol style="list-style-type: lower-alpha">: pandoc's pickStyleAttrProps, lowerLetter
    paket = _paket('<ol style="list-style-type: lower-alpha"><li>satu</li></ol>')
    num = etree.fromstring(paket["word/numbering.xml"])
    lvl = num.xpath("w:abstractNum[@w:abstractNumId='99701']/w:lvl[@w:ilvl='0']/w:numFmt",
                    namespaces=NS)
    assert lvl[0].get(f"{W}val") == "lowerLetter"


def test_pemenggal_lunak_run_sendiri():
    # U+00AD: pandoc's formattedString, a w:softHyphen run between the parts' runs
    p = _badan("<p>akun\u00adtabilitas</p>").find(f"{W}p")
    runs = p.findall(f"{W}r")
    assert [_teks(r) for r in runs] == ["akun", "", "tabilitas"]
    assert runs[1].find(f"{W}softHyphen") is not None


def test_daftar_tugas_kotak_centang():
    # "- [x] selesai\n- [ ] belum" (mistune: an <input type=checkbox> opening each item):
    # pandoc's pCheckbox reads the box as U+2612 / U+2610 and a space, its docx writer makes
    # each item a list of its own whose marker is the box (abstractNum 993 checked, 992 not;
    # lvlText the box, no font) and drops the box from the text; a plain list after it is
    # numbered on
    paket = _paket('<ul><li class="task-list-item"><input checked="" class="task-list-item-'
                   'checkbox" disabled="" type="checkbox"/>selesai</li><li class="task-list-'
                   'item"><input class="task-list-item-checkbox" disabled="" type="checkbox"/>'
                   "belum</li></ul><ul><li>biasa</li></ul>")
    badan = etree.fromstring(paket["word/document.xml"]).find(f"{W}body")
    butir = [(p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val"), _teks(p))
             for p in badan.iter(f"{W}p")]
    assert butir == [("1001", "selesai"), ("1002", "belum"), ("1003", "biasa")]
    num = etree.fromstring(paket["word/numbering.xml"])
    abstrak = {n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val")
               for n in num.iter(f"{W}num")}
    assert abstrak == {"1000": "990", "1001": "993", "1002": "992", "1003": "991"}
    for i, kotak in (("993", "\u2612"), ("992", "\u2610")):
        lvl = num.xpath(f"w:abstractNum[@w:abstractNumId='{i}']/w:lvl[@w:ilvl='0']",
                        namespaces=NS)[0]
        assert (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"),
                lvl.find(f"{W}rPr")) == ("bullet", kotak, None)


def test_daftar_definisi():
    # <dl> (raw HTML in a markdown cell): pandoc's DefinitionList, each term a paragraph in
    # Definition Term (two terms of one item joined by a line break), each definition's
    # blocks in Definition (fixPlains: a plain beside a paragraph is a paragraph); the
    # paragraph after it a First Paragraph
    badan = _badan("<p>a</p><dl><dt>SAKIP</dt><dd>Sistem Akuntabilitas</dd><dt>IKU</dt>"
                   "<dt>IKK</dt><dd>Indikator</dd></dl><p>b</p>")
    assert _paragraf(badan) == [("FirstParagraph", "a"), ("DefinitionTerm", "SAKIP"),
                                ("Definition", "Sistem Akuntabilitas"),
                                ("DefinitionTerm", "IKUIKK"), ("Definition", "Indikator"),
                                ("FirstParagraph", "b")]
    assert len(badan.findall(f"{W}p")[3].findall(f".//{W}br")) == 1


def _jpeg(w: int, h: int, satuan: int, dpi: int) -> bytes:
    """A JPEG's headers only (what the writer reads): JFIF with its density, a frame header."""
    jfif = b"JFIF\0\x01\x01" + bytes([satuan]) + struct.pack(">HH", dpi, dpi) + b"\0\0"
    sof = b"\x08" + struct.pack(">HH", h, w) + b"\x01\x01\x11\x00"
    return (b"\xff\xd8\xff\xe0" + struct.pack(">H", len(jfif) + 2) + jfif
            + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9")


def test_gambar_jpeg_dan_gif():
    # IPython.display.Image(jpeg): 300 x 150 px at 150 dpi (JFIF, dots per inch) is 2 x 1
    # inch = 1 828 800 x 914 400 EMU; at 59 dots per cm, 59 x 254 div 100 = 149 dpi (as
    # JuicyPixels, which pandoc reads with); a GIF (no resolution) at 72 dpi: 72 x 36 px is
    # 1 x 0.5 inch. Each in its own media part with its content type (pandoc: rIdN.jpg)
    gif = b"GIF89a" + struct.pack("<HH", 72, 36) + b"\0" * 20
    gambar = {"a.jpg": _jpeg(300, 150, 1, 150), "b.jpg": _jpeg(149, 149, 2, 59), "c.gif": gif}
    paket = _paket('<p><img src="a.jpg"/><img src="b.jpg"/><img src="c.gif"/></p>', gambar)
    badan = etree.fromstring(paket["word/document.xml"]).find(f"{W}body")
    ukuran = [(e.get("cx"), e.get("cy")) for e in badan.iterfind(".//wp:extent", NS)]
    assert ukuran == [("1828800", "914400"), ("914400", "914400"), ("914400", "457200")]
    jenis = paket["[Content_Types].xml"].decode()
    media = sorted(n for n in paket if n.startswith("word/media/"))
    assert sorted(n.rsplit(".", 1)[1] for n in media) == ["gif", "jpg", "jpg"]
    for n in media:
        mime = {"jpg": "image/jpeg", "gif": "image/gif"}[n.rsplit(".", 1)[1]]
        assert f'PartName="/{n}" ContentType="{mime}"' in jenis
    assert paket[next(n for n in media if n.endswith(".gif"))] == gif


def _png(w: int, h: int, dpi: int) -> bytes:
    from PIL import Image

    keluar = io.BytesIO()
    Image.new("RGB", (w, h), "white").save(keluar, format="PNG", dpi=(dpi, dpi))
    return keluar.getvalue()


@pytest.mark.parametrize(("atribut", "ukuran"), [
    # <img src="attachment:..." width="300"> in a markdown cell, or display(Image(..., width=
    # 300)): pandoc's desiredSizeInPoints, a pixel at 96 dpi: 300 px = 225 pt = 2 857 500 EMU,
    # the height in the picture's ratio (400 x 200 px): 1 428 750
    ('width="300"', ("2857500", "1428750")),
    ('height="100"', ("1905000", "952500")),             # 75 pt high, 150 pt wide
    ('width="3in" height="1in"', ("2743200", "914400")),  # both given: as given
    # a percentage is no size but narrows the page's width: 50 % of the text's 467 pt is
    # 467 x floor(50 x 127) EMU = 2 965 450; the picture (300 pt at 96 dpi) is wider: fitted
    ('width="50%"', ("2965450", "1482725")),
    ('style="width:50%"', ("3810000", "1905000")),        # CSS: pandoc reads no size from it
])
def test_gambar_lebar_dan_tinggi_atribut(atribut, ukuran):
    badan = _badan(f'<p><img src="a.png" {atribut}/></p>', {"a.png": _png(400, 200, 96)})
    e = badan.find(".//wp:extent", NS)
    assert (e.get("cx"), e.get("cy")) == ukuran


def test_jangkar_nama_jadi_penanda():
    # <a name="bagian1"></a> (an old-style anchor): pandoc's mkAttr takes name for the id, so
    # a bookmark the link to #bagian1 goes to
    badan = _badan('<h2 id="judul">Judul <a name="bagian1"></a>satu</h2>'
                   '<p>Lihat <a href="#bagian1">di sini</a></p>')
    nama = [b.get(f"{W}name") for b in badan.iter(f"{W}bookmarkStart")]
    assert "bagian1" in nama
    assert badan.find(f".//{W}hyperlink").get(f"{W}anchor") == "bagian1"


SEL = "cell-id=edisi-01_bab1_pendahuluan-6"  # a chapter cell's div in the edition's HTML


@pytest.mark.parametrize(("html", "apa"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><text>Denah</text></svg>', "SVG"),
    ('<p><img alt="peta" src="peta.png"/></p>', "tidak tertanam di notebook"),
    ('<p><img alt="denah" src="g.svg"/></p>', "gambar SVG"),
    ("<video>rekaman rapat</video>", "video"),
    ('<p><img alt="foto" src="data:image/webp;base64,UklGRg=="/></p>', "'image/webp'"),
    ('<p>Nama: <input type="text"/></p>', "isian <input>"),
])
def test_bentuk_ditolak_menyebut_notebook_dan_sel(html, apa):
    # a form Word cannot hold: a user's error (no traceback on the CLI) that names the chapter
    # notebook and the cell (1-based) from the cell's div, and what it is
    gambar = {"g.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>'}
    with pytest.raises(BentukTakDikenal) as e:
        tulis_docx(f'<div id="{SEL}"><div>{html}</div></div>', gambar, REFERENSI)
    assert isinstance(e.value, LkjipError)
    pesan = str(e.value)
    assert pesan.startswith("Edisi Word (DOCX) tidak dapat ditulis:\n"
                            "- 01_bab1_pendahuluan.ipynb: sel ke-6: penulis Word tidak mengenal")
    assert apa in pesan


def test_bentuk_ditolak_lewat_edisi_word_dengan_cuplikan():
    # through the Word edition's step (word.html_ke_docx) too, with a snippet of the text
    html = f'<main><div id="{SEL}"><p>Denah</p><video>rekaman rapat desa</video></div></main>'
    with pytest.raises(BentukTakDikenal, match="sel ke-6: penulis Word tidak mengenal video "
                                               r"\('rekaman rapat desa'\)\. Ubah sel itu"):
        html_ke_docx(html)
