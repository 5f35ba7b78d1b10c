"""The Word edition's lists of contents (`lkjip.word`), on small reader HTML."""

import base64
import io

import docx
from docx.oxml.ns import qn
from PIL import Image

from lkjip.word import GAYA_GAMBAR, html_ke_docx


def _png() -> str:
    keluar = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(keluar, format="PNG")
    return "data:image/png;base64," + base64.b64encode(keluar.getvalue()).decode()


def _daftar(id_: str, judul: str, *entri: tuple[str, str]) -> str:
    butir = "".join(f'<li class="lk-tingkat-1"><a href="#{h}">{t}</a></li>' for h, t in entri)
    return f'<nav class="lk-daftar-bagian"><h1 id="{id_}">{judul}</h1><ol>{butir}</ol></nav>'


def _medan_di(p) -> str:
    """The field instruction in a paragraph ("" if none)."""
    return "".join(i.text for i in p._p.iter(qn("w:instrText")))


def _medan(doc) -> dict[str, str]:
    """Each list's TOC field instruction, by the heading above it."""
    hasil, judul = {}, None
    for p in doc.paragraphs:
        instr = _medan_di(p)
        if instr:
            hasil[judul] = instr.strip()
        judul = p.text
    return hasil


def test_daftar_isi_alone_keeps_the_paragraph_after_it():
    # Daftar Isi is the only list (no table, no chart) and a body paragraph, not a heading,
    # follows it: the paragraph stays itself, not merged into the list's TOC field
    html = ("<main>" + _daftar("daftar-isi", "DAFTAR ISI", ("daftar-isi", "DAFTAR ISI"))
            + "<p>Capaian 78,13 %.</p></main>")
    doc = docx.Document(io.BytesIO(html_ke_docx(html)))
    teks = [p.text for p in doc.paragraphs]
    assert teks == ["DAFTAR ISI", "DAFTAR ISI", "Capaian 78,13 %."]
    assert _medan(doc) == {"DAFTAR ISI": 'TOC \\o "1-3" \\h \\z \\u'}


def test_daftar_gambar_lists_the_gambar_and_daftar_grafik_the_charts():
    # a Gambar's caption has its own style, so that Word, updating the fields, fills Daftar
    # Gambar with the Gambar (before: a TOC of the headings) and Daftar Grafik with the charts
    png = _png()
    html = ("<main>"
            + _daftar("daftar-grafik", "DAFTAR GRAFIK", ("grafik-1-1", "Grafik 1.1 Pagu"))
            + _daftar("daftar-gambar", "DAFTAR GAMBAR", ("gambar-1-1", "Gambar 1.1 Susunan"))
            + '<h1 id="bab-i">BAB I</h1>'
            + f'<figure class="lk-grafik" id="grafik-1-1"><img src="{png}" alt="G">'
            + "<figcaption>Grafik 1.1 Pagu</figcaption></figure>"
            + f'<figure class="lk-grafik lk-jenis-gambar" id="gambar-1-1"><img src="{png}" '
            + 'alt="S"><figcaption>Gambar 1.1 Susunan</figcaption></figure></main>')
    doc = docx.Document(io.BytesIO(html_ke_docx(html)))
    gaya = {p.text: p.style.name for p in doc.paragraphs  # the captions, not the fields
            if p.text.startswith(("Grafik ", "Gambar ")) and not _medan_di(p)}
    assert gaya == {"Grafik 1.1 Pagu": "Image Caption", "Gambar 1.1 Susunan": GAYA_GAMBAR}
    assert _medan(doc) == {"DAFTAR GRAFIK": 'TOC \\h \\z \\t "Image Caption,1"',
                           "DAFTAR GAMBAR": 'TOC \\h \\z \\t "Gambar Caption,1"'}


def test_unsur_xml_sama_dengan_buatan_python_docx():
    # word._el resolves tag and attribute names once a process instead of at each element:
    # the element is the one python-docx's OxmlElement makes (class, tag, namespace
    # declaration, attributes in order)
    from docx.oxml import OxmlElement
    from lxml import etree

    from lkjip.word import _el

    baru = _el("w:tcW", type="dxa", w=1134)
    lama = OxmlElement("w:tcW")
    lama.set(qn("w:type"), "dxa")
    lama.set(qn("w:w"), "1134")
    assert type(baru) is type(lama) and baru.nsmap == lama.nsmap
    assert etree.tostring(baru) == etree.tostring(lama)


def test_kelas_lkjip_dibuang_dari_html_word_tanpa_mengubah_docx(monkeypatch):
    # lkjip's and JupyterLab's class attributes (a third of the edition's Word HTML) are
    # dropped from the Word HTML: the writer gives them no meaning, so the .docx is the same
    # without them
    import zipfile

    from lkjip import ekspor, word_html
    from tests.test_ekspor_daftar import _notebook

    nb = _notebook()
    _, pembaca, siap = ekspor.html_dan_word(nb, analis=False)
    assert 'class="lk-' not in siap[0] and 'class="jp-' not in siap[0]
    monkeypatch.setattr(word_html, "_tanpa_kelas_sendiri", lambda soup, unsur=None: None)
    dengan = word_html._siapkan(pembaca, ekspor.png_grafik(nb))
    assert 'class="lk-' in dengan[0] and 'class="jp-' in dengan[0]

    def bagian(isi: bytes) -> dict:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}

    assert bagian(html_ke_docx("", siap=siap)) == bagian(html_ke_docx("", siap=dengan))


def test_nama_gaya_sama_dengan_gaya_python_docx():
    # the style names read once a document are what python-docx's Paragraph.style.name gives:
    # a heading, no w:pStyle (the default), an id of no style and a character style's id (both
    # the default paragraph style), the signature style found by its id
    from lkjip import word

    doc = docx.Document(str(word.REFERENSI))
    doc.add_heading("BAB I", level=1)
    doc.add_paragraph("biasa")
    tanpa, karakter = doc.add_paragraph("x"), doc.add_paragraph("y")
    for p, id_ in ((tanpa, "TidakAda"), (karakter, doc.styles["Hyperlink"].style_id)):
        p._p.get_or_add_pPr().get_or_add_pStyle().val = id_
    nama = word._nama_gaya(doc)
    normal = doc.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).name
    assert [nama(p._p) for p in doc.paragraphs][-4:] == ["Heading 1", normal, normal, normal]
    assert all(nama(p._p) == p.style.name for p in doc.paragraphs)
    # the writer finds the signature style's id by its name as python-docx's styles[name] does
    from lkjip.word_tulis import referensi

    assert referensi(word.REFERENSI).id_gaya[word.GAYA_TTD] == doc.styles[word.GAYA_TTD].style_id


def test_catatan_lekat_keepnext_sama_dengan_python_docx():
    # the last row's paragraphs and the notes but the last keep with the next: keepNext
    # appended after a lone pStyle is the XML python-docx's keepNext_val = True makes, and a
    # paragraph with other properties still goes through python-docx (schema order)
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from lxml import etree

    from lkjip import word

    def dokumen(lewat_python_docx: bool):
        doc = docx.Document(str(word.REFERENSI))
        tabel = doc.add_table(rows=2, cols=1)
        tabel.rows[1].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for teks in ("Sumber: x", "Catatan: y"):
            doc.add_paragraph(teks, style=word.GAYA_SUMBER)
        if lewat_python_docx:
            for p in [*tabel.rows[1].cells[0].paragraphs, doc.paragraphs[-2]]:
                p._p.get_or_add_pPr().keepNext_val = True
        else:
            word._catatan_lekat(doc)
        return etree.tostring(doc.element.body)

    assert dokumen(False) == dokumen(True)
    assert dokumen(False).count(b"keepNext") == 2


def test_entri_daftar_yang_mirip_markup_tetap_teks():
    # a table title that reads like markup stays words in the list of tables (it was put back
    # into the HTML unescaped: an <img> there became a picture with nothing to show)
    html = ("<main>" + _daftar("daftar-tabel", "DAFTAR TABEL",
                               ("tabel-1", "Tabel 1 &lt;img src=x&gt; &amp; &lt;b&gt;"))
            + "<p>Isi.</p></main>")
    doc = docx.Document(io.BytesIO(html_ke_docx(html)))
    medan = next(p for p in doc.paragraphs if _medan_di(p))
    assert "Tabel 1 <img src=x> & <b>" in medan.text


# ---------------------------------------------------------------- the tables' house style

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _badan(html: str):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(html_ke_docx(html))) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _atr(el, nama: str) -> str | None:
    return el.get(f"{W}{nama}")


def test_tabel_bergaris_tipis_baris_utuh_kepala_berulang_angka_rata_kanan():
    # a table without <thead>: its first row repeats on each page; every row never splits;
    # six thin borders (4 eighths of a point, grey 444444); fixed layout over the text width
    # 16,5 cm = 5 940 000 EMU = 9 354 twips; each run 8,5 pt (17 half-points: the words are
    # short); a figure in a body row right-aligned, the same figure in the first row not
    badan = _badan("<table><tr><td>No.</td><td>Uraian</td><td>12</td></tr>"
                   "<tr><td>1</td><td>Rapat <b>koordinasi</b></td><td>1.234,50</td></tr>"
                   "<tr><td>2</td><td>Apel</td><td>Rp 2.000</td></tr></table>")
    tbl = badan.find(f"{W}tbl")
    tblpr = tbl.find(f"{W}tblPr")
    batas = tblpr.find(f"{W}tblBorders")
    assert [(c.tag[len(W):], _atr(c, "val"), _atr(c, "sz"), _atr(c, "color")) for c in batas] == [
        (s, "single", "4", "444444") for s in ("top", "left", "bottom", "right", "insideH",
                                               "insideV")]
    assert _atr(tblpr.find(f"{W}tblLayout"), "type") == "fixed"
    assert (_atr(tblpr.find(f"{W}tblW"), "w"), _atr(tblpr.find(f"{W}tblW"), "type")) == ("9354",
                                                                                         "dxa")
    baris = tbl.findall(f"{W}tr")
    assert [[c.tag[len(W):] for c in tr.find(f"{W}trPr")] for tr in baris] == [
        ["cantSplit", "tblHeader"], ["cantSplit"], ["cantSplit"]]
    runs = [r for tr in baris for tc in tr.findall(f"{W}tc") for p in tc.findall(f"{W}p")
            for r in p.findall(f"{W}r")]
    assert runs and {_atr(r.find(f"{W}rPr/{W}sz"), "val") for r in runs} == {"17"}
    kanan = [["".join(t.text for t in tc.iter(f"{W}t")) for tc in tr.findall(f"{W}tc")
              if tc.find(f"{W}p/{W}pPr/{W}jc") is not None] for tr in baris]
    assert kanan == [[], ["1", "1.234,50"], ["2", "Rp 2.000"]]
    # the grid: each column's width, the cells the same, summing to the text width
    grid = [int(_atr(g, "w")) for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert abs(sum(grid) - 9354) <= len(grid)
    for tr in baris:
        assert [int(_atr(tc.find(f"{W}tcPr/{W}tcW"), "w")) for tc in tr.findall(f"{W}tc")] == grid


def test_tabel_kepala_thead_dan_sel_gabung():
    # header rows from <thead> keep their tblHeader (before cantSplit) and no other row gets
    # one; a merged cell's width is the sum of its columns'; a number in the header stays
    # left, a link's runs keep their own size (python-docx's run list of a paragraph)
    badan = _badan('<table><thead><tr><th colspan="2">Capaian 2023</th></tr></thead><tbody>'
                   '<tr><td>Target</td><td><a href="#x">100</a></td></tr></tbody></table>')
    tbl = badan.find(f"{W}tbl")
    baris = tbl.findall(f"{W}tr")
    assert [[(c.tag[len(W):], _atr(c, "val")) for c in tr.find(f"{W}trPr")] for tr in baris] == [
        [("tblHeader", "on"), ("cantSplit", None)], [("cantSplit", None)]]
    grid = [int(_atr(g, "w")) for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    gabung = baris[0].find(f"{W}tc/{W}tcPr")
    assert [c.tag[len(W):] for c in gabung] == ["tcW", "gridSpan"]
    assert abs(int(_atr(gabung[0], "w")) - sum(grid)) <= 1
    tautan = baris[1].findall(f"{W}tc")[1].find(f"{W}p/{W}hyperlink/{W}r")
    assert tautan.find(f"{W}rPr/{W}sz") is None
    assert _atr(baris[1].findall(f"{W}tc")[1].find(f"{W}p/{W}pPr/{W}jc"), "val") == "right"


def test_tabel_dalam_sel_ditulis_seperti_pandoc():
    # a table inside a cell is not the edition's (python-docx's doc.tables are the body's):
    # no borders, pandoc's equal widths, its runs without a size
    badan = _badan("<table><tr><td><table><tr><td>dalam</td><td>9</td></tr></table></td>"
                   "<td>luar</td></tr></table>")
    dalam = badan.find(f"{W}tbl").find(f"{W}tr/{W}tc/{W}tbl")
    assert dalam.find(f"{W}tblPr/{W}tblBorders") is None
    assert [_atr(g, "w") for g in dalam.iterfind(f"{W}tblGrid/{W}gridCol")] == ["3960", "3960"]
    assert all(r.find(f"{W}rPr") is None for r in dalam.iter(f"{W}r"))


def test_blok_tanda_tangan_tanpa_garis_baris_lekat():
    # a signature block: borders "nil", rows never split, no header row, each line kept with
    # the next (keepNext right after the style), the text at its own size
    badan = _badan('<table><tr><td><div data-custom-style="Tanda Tangan"><p>Camat</p>'
                   "<p>NIP 19700101</p></div></td></tr></table>")
    tbl = badan.find(f"{W}tbl")
    assert {_atr(c, "val") for c in tbl.find(f"{W}tblPr/{W}tblBorders")} == {"nil"}
    assert [c.tag[len(W):] for c in tbl.find(f"{W}tr/{W}trPr")] == ["cantSplit"]
    paragraf = tbl.findall(f"{W}tr/{W}tc/{W}p")
    assert [[c.tag[len(W):] for c in p.find(f"{W}pPr")] for p in paragraf] == [
        ["pStyle", "keepNext"]] * 2
    assert all(r.find(f"{W}rPr/{W}sz") is None for r in tbl.iter(f"{W}r"))
