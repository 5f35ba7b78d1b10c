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
    # declaration, attributes in order), and the compiled XPath finds what .xpath finds
    from docx.oxml import OxmlElement
    from lxml import etree

    from lkjip.word import _el, _xpath

    baru = _el("w:tcW", type="dxa", w=1134)
    lama = OxmlElement("w:tcW")
    lama.set(qn("w:type"), "dxa")
    lama.set(qn("w:w"), "1134")
    assert type(baru) is type(lama) and baru.nsmap == lama.nsmap
    assert etree.tostring(baru) == etree.tostring(lama)
    doc = docx.Document()
    tabel = doc.add_table(rows=2, cols=3)
    tr = tabel._tbl.tr_lst[1]
    assert _xpath("./w:tc/w:p")(tr) == tr.xpath("./w:tc/w:p") and len(tr.xpath("./w:tc/w:p")) == 3


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
    monkeypatch.setattr(word_html, "_tanpa_kelas_sendiri", lambda soup: None)
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
    assert word._id_ttd(doc) == (doc.styles[word.GAYA_TTD].style_id
                                 if word.GAYA_TTD in doc.styles else None)


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
