"""The Word edition: the signed LKjIP as a .docx for the office's last edits (and the quarterly
reports, through `lkjip.ekspor.ke_docx`).

Writer: `lkjip.word_tulis` writes the WordprocessingML itself from the edition's reader HTML
(prepared by `lkjip.word_html`) into the package's own reference document
(``templates/lkjip/referensi.docx``, written by ``scripts/referensi_docx.py``: page size,
margins, footer, styles); then a short pass with **python-docx** for what HTML does not say
(below).

Why we write the XML ourselves: pandoc (pypandoc-binary) did it before, and its document is
what `word_tulis` writes, element for element, for the HTML our reports hold (headings as
Word heading styles, tables with row and column spans, figures with captions, lists,
bookmarks), so the edition did not change. But its process held ~210 MB PSS at a batch
worker's memory peak (135 MB of it the binary's pages) and cost ~0,6 CPU-s a report (issue
15); our HTML is a small, known subset (with what analysts plausibly write in a chapter
notebook), and anything outside it raises `word_tulis.BentukTakDikenal`, a user's error naming
the notebook's cell, instead of being dropped. Rejected: building the document cell
by cell with python-docx (a second renderer of every table) and LibreOffice (a 300 MB system
package and a process per build).

What the python-docx pass adds:
- tables: thin borders, the header rows repeated on each page, rows that never split,
  numbers right-aligned, the text a size smaller (as in the PDF: 8,5 pt, down to 7 pt in a
  table too wide for its longest words), each column at least as wide as its longest word
  (`lkjip.word_lebar`);
- signature blocks (paragraph style "Tanda Tangan", `lkjip.tanda_tangan`): a borderless table
  whose row never splits and whose lines keep together, so a block stays on one page;
- Daftar Isi / Tabel / Grafik / Gambar as Word TOC fields (Word fills in page numbers when
  it updates fields, which the document asks for on opening; the entries are there already),
  a Gambar's caption in a style of its own so that the charts' list leaves it out;
- while a galat is undecided, "DRAF" in the page header and in the document's title;
- charts as PNG (Word and LibreOffice do not all read SVG): the exporter hands the PNG of
  each chart, rendered by matplotlib in the notebook (`lkjip.tampil.grafik`).

>>> adalah_angka("2.522.467.250"), adalah_angka("(21.945.500)"), adalah_angka("Tinggi")
(True, True, False)
"""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Mapping

from lkjip import config
from lkjip.pungut import tanpa_pungut
from lkjip.word_html import AKHIR, GAYA_KIRI, GAYA_SUMBER, PENANDA, _siapkan
from lkjip.word_lebar import UKURAN, em, ukuran_lebar

REFERENSI = config.TEMPLATES / "lkjip" / "referensi.docx"
GAYA_TTD = "Tanda Tangan"
LEBAR_TEKS_CM = 16.5  # A4 less the margins of the reference document
DAFTAR = {"daftar-isi": ("DAFTAR ISI", 'TOC \\o "1-3" \\h \\z \\u'),
          "daftar-tabel": ("DAFTAR TABEL", 'TOC \\h \\z \\t "Table Caption,1"'),
          "daftar-grafik": ("DAFTAR GRAFIK", 'TOC \\h \\z \\t "Image Caption,1"'),
          "daftar-gambar": ("DAFTAR GAMBAR", 'TOC \\h \\z \\t "Gambar Caption,1"')}
GAYA_GAMBAR = "Gambar Caption"  # a Gambar's caption (`_keterangan_gambar`)
_ANGKA = re.compile(r"\(?[-−]?(Rp\s?)?\d[\d.]*(,\d+)?\)?\s?%?|[-–]")
_PSTYLE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle"


def adalah_angka(teks: str) -> bool:
    """A cell that holds a figure (right-aligned in Word as in the PDF)."""
    return bool(_ANGKA.fullmatch(teks.strip()))


def _tulis(html: str, gambar: Mapping[str, bytes]) -> bytes:
    """The .docx written from the prepared `html` in the package's reference document, its
    pictures by file name (`_gambar_berkas`): `lkjip.word_tulis.tulis_docx`."""
    from lkjip.word_tulis import tulis_docx

    return tulis_docx(html, gambar, REFERENSI)


# ---------------------------------------------------------------- the python-docx pass


def _el(tag: str, **atribut):
    """``OxmlElement(tag)`` with `atribut` set (``w:`` attributes): a copy of the first one
    made, the names resolved once a process (python-docx resolves them at each of the ~7 000
    elements a report's tables get; making an element with its namespace declaration took
    ~4 times as long as copying one)."""
    return copy.copy(_contoh(tag, tuple((k, str(v)) for k, v in atribut.items())))


@functools.lru_cache(maxsize=256)
def _contoh(tag: str, atribut: tuple[tuple[str, str], ...]):
    """The element `_el` copies (never handed out itself)."""
    from docx.oxml.parser import oxml_parser

    nama, ruang = _nama_tag(tag)
    el = oxml_parser.makeelement(nama, nsmap=ruang)
    for k, v in atribut:
        el.set(_nama_atribut(k), v)
    return el


@functools.cache
def _nama_tag(tag: str) -> tuple[str, dict[str, str]]:
    """A tag's Clark name and namespace declaration, as `docx.oxml.OxmlElement` makes them."""
    from docx.oxml.ns import NamespacePrefixedTag

    nama = NamespacePrefixedTag(tag)
    return nama.clark_name, nama.nsmap


@functools.cache
def _nama_atribut(nama: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{nama}")


@functools.cache
def _xpath(jalur: str):
    """`jalur` compiled once (python-docx's ``xpath`` compiles it at each call)."""
    from docx.oxml.ns import nsmap
    from lxml import etree

    return etree.XPath(jalur, namespaces=nsmap)


def _pertama(induk, tag: str):
    """``get_or_add_<tag>()`` of a properties element that comes first in its parent (w:rPr,
    w:pPr, w:trPr, w:tcPr in what the writer writes: no w:tblPrEx): found, or made and put
    first without python-docx's search for its place in the schema."""
    el = induk.find(_nama_tag(tag)[0])
    if el is None:
        el = _el(tag)
        induk.insert(0, el)
    return el


def _ganti(induk, tag: str, baru) -> None:
    """Replace the child `tag` of an XML element (or add it)."""
    from docx.oxml.ns import qn

    lama = induk.find(qn(tag))
    if lama is not None:
        induk.remove(lama)
    induk.append(baru)


def _batas(tabel, ada: bool) -> None:
    """Thin borders on every cell edge, or none (a signature block)."""
    batas = _el("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        batas.append(_el(f"w:{sisi}", val="single" if ada else "nil", sz=4, space=0,
                         color="444444"))
    _ganti(tabel._tbl.tblPr, "w:tblBorders", batas)


def _paragraf_sel(tr) -> list:
    """The paragraphs of a table row's cells (each once; not those of a nested table), from
    the XML: python-docx's ``row.cells`` and ``paragraph.style`` were most of the Word pass."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, None) for p in _xpath("./w:tc/w:p")(tr)]


def _id_ttd(doc) -> str | None:
    """The signature style's (`GAYA_TTD`) id in `doc`, None without it (looked up once a
    document: python-docx's ``name in styles`` walks every style)."""
    gaya = doc.styles
    return gaya[GAYA_TTD].style_id if GAYA_TTD in gaya else None


def _gaya_ttd(tabel, id_ttd: str | None) -> bool:
    """Whether a paragraph of the table has the signature style (its id `id_ttd`)."""
    return (id_ttd is not None
            and id_ttd in _xpath("./w:tr/w:tc/w:p/w:pPr/w:pStyle/@w:val")(tabel._tbl))


def _baris_utuh(tabel, kepala: int) -> None:
    """Rows never split across pages; the first `kepala` rows repeat on each page."""
    for i, tr in enumerate(tabel._tbl.tr_lst):
        trpr = _pertama(tr, "w:trPr")
        trpr.append(_el("w:cantSplit"))
        if i < kepala:
            trpr.append(_el("w:tblHeader"))


def _sel_grid(tabel):
    """(grid column, span, text) of every cell, from the XML (python-docx repeats merged
    cells)."""
    from docx.oxml.ns import qn

    for tr in tabel._tbl.tr_lst:
        kolom = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            teks = " ".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                            for p in tc.iter(qn("w:p")))
            yield kolom, span, tc, teks.strip()
            kolom += span


def _lebar_kolom(sel, n: int) -> tuple[list[float], list[float]]:
    """Per grid column, in em: its longest word and its longest text (at most 60 characters);
    a bold cell's (Arial Bold) 10 % wider. At least two digits' width."""
    from docx.oxml.ns import qn

    kata, teks = [1.112] * n, [1.112] * n
    for k, span, tc, isi in sel:
        if span == 1 and isi:
            kali = 1.1 if next(tc.iter(qn("w:b")), None) is not None else 1
            kata[k] = max(kata[k], kali * max(em(w) for w in isi.split()))
            teks[k] = max(teks[k], kali * em(isi[:60]))
    return kata, teks


def _atur_lebar(tabel) -> float:
    """Column widths from what their cells hold (the writer leaves them equal, as pandoc did,
    which breaks a number over two lines and squeezes a description column to a word a line);
    returns the table's font size: the largest of `UKURAN` at which each column holds its
    longest word."""
    from docx.shared import Cm

    sel = list(_sel_grid(tabel))
    n = max((k + s for k, s, _, _ in sel), default=0)
    if n == 0:
        return UKURAN[0]
    pt, lebar = ukuran_lebar(*_lebar_kolom(sel, n), LEBAR_TEKS_CM)
    lebar = [Cm(w) for w in lebar]
    grid = tabel._tbl.tblGrid
    for col, w in zip(grid.gridCol_lst, lebar, strict=False):
        col.w = w
    for k, span, tc, _ in sel:
        _lebar_sel(tc, sum(lebar[k:k + span]))
    tblpr = tabel._tbl.tblPr
    _ganti(tblpr, "w:tblLayout", _el("w:tblLayout", type="fixed"))
    _ganti(tblpr, "w:tblW", _el("w:tblW", w=int(Cm(LEBAR_TEKS_CM).twips), type="dxa"))
    return pt


def _lebar_sel(tc, lebar) -> None:
    """``tc.width = lebar``; to the empty ``w:tcPr`` of most of the writer's cells the width is
    appended straight away (python-docx's insertion in schema order was a fifth of the Word
    pass)."""
    from docx.shared import Emu

    tcpr = _pertama(tc, "w:tcPr")
    if len(tcpr):
        tcpr.width = lebar
    else:
        tcpr.append(_el("w:tcW", type="dxa", w=Emu(lebar).twips))


def _rata_kanan(p) -> None:
    """``paragraph.alignment = RIGHT``, appended straight away after a lone ``w:pStyle``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    ppr = _pertama(p, "w:pPr")
    if all(el.tag == _PSTYLE for el in ppr):
        ppr.append(_el("w:jc", val="right"))
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _rapikan_tabel(tabel, id_ttd: str | None) -> None:
    if _gaya_ttd(tabel, id_ttd):
        _batas(tabel, False)
        _baris_utuh(tabel, 0)
        for tr in tabel._tbl.tr_lst:
            for p in _paragraf_sel(tr):
                p.paragraph_format.keep_with_next = True
        return
    _batas(tabel, True)
    pt = _atur_lebar(tabel)
    kepala = sum(1 for tr in tabel._tbl.tr_lst if tr.trPr is not None
                 and tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/"
                                  "2006/main}tblHeader") is not None)
    _baris_utuh(tabel, 0 if kepala else 1)
    for i, tr in enumerate(tabel._tbl.tr_lst):
        for p in _xpath("./w:tc/w:p")(tr):
            for r in p.r_lst:
                _huruf_kecil(r, pt)
            if i >= max(kepala, 1) and adalah_angka(_teks(p)):
                _rata_kanan(p)


def _huruf_kecil(r, pt: float) -> None:
    """A table's run at `pt` points (``run.font.size = Pt(pt)``; most runs have no properties
    yet, and for them python-docx's ordered insertion was most of the Word pass)."""
    from docx.shared import Pt

    rpr = _pertama(r, "w:rPr")
    if len(rpr):
        rpr.sz_val = Pt(pt)
    else:
        rpr.append(_el("w:sz", val=round(2 * pt)))  # half-points


_ISI_RUN = ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:ptab")


@functools.cache
def _xpath_teks():
    from docx.oxml.ns import nsmap
    from lxml import etree

    return etree.XPath(" | ".join(f"{r}/{isi}" for r in ("w:r", "w:hyperlink/w:r")
                                  for isi in _ISI_RUN), namespaces=nsmap)


def _teks(p) -> str:
    """A paragraph's text as python-docx's ``Paragraph.text`` gives it (runs, also in links;
    a tab as a tab, a line break as a new line), in one XPath instead of one per run."""
    return "".join(str(e) for e in _xpath_teks()(p))


def _keterangan_gambar(doc, id_gambar: set[str]) -> None:
    """A Gambar's caption (its figure's id in `id_gambar`: the writer writes it as a bookmark
    before the figure) in `GAYA_GAMBAR`, Image Caption under another name, so that
    Daftar Gambar's TOC field lists the Gambar and Daftar Grafik's the charts alone."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    gaya = doc.styles
    if not id_gambar or "Image Caption" not in gaya:
        return
    if GAYA_GAMBAR not in gaya:
        gaya.add_style(GAYA_GAMBAR, WD_STYLE_TYPE.PARAGRAPH).base_style = gaya["Image Caption"]
    asal, baru, dalam = gaya["Image Caption"].style_id, gaya[GAYA_GAMBAR].style_id, False
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:bookmarkStart"):
            dalam = el.get(qn("w:name")) in id_gambar
        elif dalam and el.tag == qn("w:p"):
            ps = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if ps is not None and ps.get(qn("w:val")) == asal:
                ps.set(qn("w:val"), baru)
                dalam = False


def _daftar(doc) -> None:
    """Replace each list-of-contents marker (and its entries, up to the end mark `AKHIR`)
    by a Word TOC field whose cached result is the entries, so the lists show before Word
    updates them."""
    paragraf = list(doc.paragraphs)
    teks = [_teks(p._p) for p in paragraf]  # one XPath each (`_teks`), not python-docx's runs
    for i, p in enumerate(paragraf):
        if not teks[i].startswith(PENANDA):
            continue
        kunci = teks[i][len(PENANDA):]
        akhir = next(j for j in range(i + 1, len(paragraf)) if teks[j] == AKHIR)
        entri = paragraf[i + 1:akhir + 1]
        _medan(p, DAFTAR.get(kunci, ("", 'TOC \\o "1-3" \\h \\z \\u'))[1],
               teks[i + 1:akhir])
        for q in entri:
            q._p.getparent().remove(q._p)


def _medan(p, instr: str, hasil: list[str]) -> None:
    """Make paragraph `p` a complex field: begin, the instruction, its cached result, end."""
    p.style = p.part.document.styles[GAYA_KIRI]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    awal = p.add_run()
    awal._r.append(_el("w:fldChar", fldCharType="begin"))
    teks = p.add_run()
    instr_el = _el("w:instrText")
    instr_el.text = f" {instr} "
    teks._r.append(instr_el)
    p.add_run()._r.append(_el("w:fldChar", fldCharType="separate"))
    for n, baris in enumerate(hasil):
        run = p.add_run(baris)
        if n < len(hasil) - 1:
            run.add_break()
    p.add_run()._r.append(_el("w:fldChar", fldCharType="end"))


def _halaman_baru(doc) -> None:
    """Each PK (but the first) and each PK's lampiran starts a page, as in the PDF. The writer
    writes a heading's HTML id (``pk-<pejabat>``, ``pk-lampiran-<pejabat>``) as a bookmark
    just before it."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    nama: list[str] = []
    pertama, gaya = True, _nama_gaya(doc)  # the first PK follows the Lampiran's introduction
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:bookmarkStart"):
            nama.append(el.get(qn("w:name"), ""))
        elif el.tag == qn("w:p"):
            nama += [b.get(qn("w:name"), "") for b in el.iter(qn("w:bookmarkStart"))]
            if gaya(el).startswith("Heading") and any(n.startswith("pk-") for n in nama):
                Paragraph(el, doc._body).paragraph_format.page_break_before = not pertama
                pertama = False
            nama = []


def _nama_gaya(doc):
    """A function giving a paragraph element's style name as python-docx's
    ``Paragraph.style.name`` does (``styles.get_by_id`` of its ``w:pStyle``: the default
    paragraph style without one or for an id of no paragraph style), each id looked up once
    a document (python-docx looks it up among every style at each paragraph)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    gaya = doc.styles
    nama = {s.styleId: gaya.get_by_id(s.styleId, WD_STYLE_TYPE.PARAGRAPH).name
            for s in gaya._element.style_lst}
    bawaan = gaya.get_by_id(None, WD_STYLE_TYPE.PARAGRAPH).name
    jalur, val = f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val")

    def nama_gaya(p) -> str:
        ps = p.find(jalur)
        return bawaan if ps is None else nama.get(ps.get(val), bawaan)

    return nama_gaya


def _draf(doc, draf: bool, judul: str, subjek: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc.core_properties.title = ("DRAF — " if draf else "") + judul
    doc.core_properties.subject = ("DRAF: masih ada galat pemeriksaan data yang belum "
                                   "diputuskan" if draf else subjek)
    doc.core_properties.keywords = "DRAF" if draf else "LKjIP"
    if not draf:
        return
    for section in doc.sections:
        p = section.header.paragraphs[0] if section.header.paragraphs else \
            section.header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run("DRAF")
        run.font.bold, run.font.size = True, Pt(12)
        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)


def _kepala(doc, judul: str) -> None:
    """The running header: the report's short title, right-aligned, small (after DRAF)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    for section in doc.sections:
        kosong = section.header.paragraphs and not section.header.paragraphs[0].text
        p = section.header.paragraphs[0] if kosong else section.header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(judul)
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _nomor(sect_pr, **atribut) -> None:
    """Set a section's page numbering (``w:pgNumType``) in its place in the schema order."""
    from docx.oxml.ns import qn

    lama = sect_pr.find(qn("w:pgNumType"))
    if lama is not None:
        sect_pr.remove(lama)
    sect_pr.insert_element_before(
        _el("w:pgNumType", **atribut), "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
        "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
        "w:printerSettings", "w:sectPrChange")


def _nomor_halaman(doc) -> None:
    """Front matter numbered i, ii, … (the cover unnumbered), the body 1, 2, … from BAB I: a
    section break before the first chapter heading, as in the PDF."""
    from docx.oxml.ns import qn

    gaya = _nama_gaya(doc)
    bab = next((p for p in doc.paragraphs if gaya(p._p) == "Heading 1"
                and _teks(p._p).startswith("BAB ")), None)
    if bab is None:
        return
    akhir = doc.element.body.sectPr
    depan = copy.deepcopy(akhir)
    _nomor(depan, fmt="lowerRoman", start="0")
    depan.get_or_add_titlePg()  # the cover: no number, no header
    _nomor(akhir, start="1")
    sebelum = bab._p.getprevious()
    if sebelum is None or sebelum.tag != qn("w:p"):
        sebelum = _el("w:p")
        bab._p.addprevious(sebelum)
    sebelum.get_or_add_pPr().append(depan)
    bab.paragraph_format.page_break_before = False  # the section break starts the page


def _perbarui_saat_dibuka(doc) -> None:
    """Ask Word to update the fields (TOC page numbers) when the document opens."""
    settings = doc.settings.element
    _ganti(settings, "w:updateFields", _el("w:updateFields", val="true"))


def _catatan_lekat(doc) -> None:
    """A table's notes (Sumber, Catatan) stay on the page of its last row: the last row and
    each note but the last keep with the next paragraph (a note alone atop a page, seen in
    LibreOffice, is otherwise what a table ending at a page's foot leaves)."""
    from docx.oxml.ns import qn

    gaya = doc.styles[GAYA_SUMBER].style_id
    jalur, val, tbl, par = f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val"), qn("w:tbl"), qn("w:p")

    def catatan(el) -> bool:
        ps = None if el is None else el.find(jalur)
        return ps is not None and ps.get(val) == gaya

    for el in list(doc.element.body.iterchildren()):
        if not catatan(el.getnext()):
            continue
        lekat = el.tr_lst[-1].iter(par) if el.tag == tbl else [el] * catatan(el)
        for p in lekat:
            ppr = p.get_or_add_pPr()
            if all(e.tag == _PSTYLE for e in ppr):  # keepNext comes right after a pStyle
                ppr.append(_el("w:keepNext"))
            else:  # python-docx's insertion in schema order
                ppr.keepNext_val = True


def html_ke_docx(html: str, png: Mapping[str, bytes] | None = None, *, draf: bool = False,
                 judul: str = "LKjIP", subjek: str = "LKjIP untuk ditandatangani",
                 siap: tuple | None = None) -> bytes:
    """The .docx of a report's reader HTML (see the module docstring); `judul` and `subjek`
    are the document's title and subject properties. `siap`: `word_html.siapkan_pohon` of the
    HTML's tree, made already (`lkjip.ekspor.html_dan_word`), so `html` and `png` are not read."""
    from docx import Document

    if siap is None:
        with tanpa_pungut():  # the tree is freed at once after it (`lkjip.pungut`)
            siap = _siapkan(html, png or {})
    isi, gambar, id_gambar = siap
    doc = Document(io.BytesIO(_tulis(isi, gambar)))
    _keterangan_gambar(doc, id_gambar)
    id_ttd = _id_ttd(doc)
    for tabel in doc.tables:
        _rapikan_tabel(tabel, id_ttd)
    _catatan_lekat(doc)
    _daftar(doc)
    _halaman_baru(doc)
    _draf(doc, draf, judul, subjek)
    _kepala(doc, judul)
    _nomor_halaman(doc)  # last: the front matter's section shares the header written above
    _perbarui_saat_dibuka(doc)
    keluar = io.BytesIO()
    doc.save(keluar)
    return keluar.getvalue()
