"""The Word edition: the signed LKjIP as a .docx for the office's last edits (and the quarterly
reports, through `lkjip.ekspor.ke_docx`).

Writer: `lkjip.word_tulis` writes the WordprocessingML itself from the edition's reader HTML
(prepared by `lkjip.word_html`) into the package's own reference document
(``templates/lkjip/referensi.docx``, written by ``scripts/referensi_docx.py``: page size,
margins, footer, styles), its tables in the edition's style as they are written
(`_tabel_rapi`, below); then a short pass with **python-docx** for the rest of what HTML does
not say (below).

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

What the writer's tables get (`_tabel_rapi`, the writer's ``rapi``; a python-docx pass over
the written tables before, the same XML: that pass was ~0,44 CPU-s a report, issue 15):
- thin borders, the header rows repeated on each page, rows that never split, numbers
  right-aligned, the text a size smaller (as in the PDF: 8,5 pt, down to 7 pt in a table too
  wide for its longest words), each column at least as wide as its longest word
  (`lkjip.word_lebar`);
- signature blocks (paragraph style "Tanda Tangan", `lkjip.tanda_tangan`): a borderless table
  whose row never splits and whose lines keep together, so a block stays on one page.

What the python-docx pass adds:
- a table's notes kept on the page of its last row (`_catatan_lekat`);
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
from xml.sax.saxutils import unescape

from lkjip import config
from lkjip.pungut import tanpa_pungut
from lkjip.word_html import AKHIR, GAYA_KIRI, GAYA_SUMBER, PENANDA, _siapkan
from lkjip.word_lebar import em, ukuran_lebar
from lkjip.word_tulis import _URUT_RPR, Baris, Tabel

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
    pictures by file name (`_gambar_berkas`), its tables in the edition's style (`_tabel_rapi`):
    `lkjip.word_tulis.tulis_docx`."""
    from lkjip.word_tulis import tulis_docx

    return tulis_docx(html, gambar, REFERENSI, rapi=_tabel_rapi)


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


def _ganti(induk, tag: str, baru) -> None:
    """Replace the child `tag` of an XML element (or add it)."""
    from docx.oxml.ns import qn

    lama = induk.find(qn(tag))
    if lama is not None:
        induk.remove(lama)
    induk.append(baru)


# ---------------------------------------------------------------- tables, as they are written


_SISI = ("top", "left", "bottom", "right", "insideH", "insideV")
_BATAS = {ada: "<w:tblBorders>" + "".join(
    f'<w:{sisi} w:val="{"single" if ada else "nil"}" w:sz="4" w:space="0" w:color="444444" />'
    for sisi in _SISI) + "</w:tblBorders>" for ada in (True, False)}
_TBLW = f'<w:tblW w:w="{round(int(LEBAR_TEKS_CM * 360000) / 635)}" w:type="dxa" />'
_P = re.compile(r"<w:p>(?:<w:pPr>(.*?)</w:pPr>|(<w:pPr />))?(.*)</w:p>\Z", re.S)
_PSTYLE_VAL = re.compile(r'<w:pStyle w:val="([^"]*)" />')
_PSTYLE_AWAL = re.compile(r"<w:pStyle [^>]*/>")
_JC = re.compile(r'<w:jc w:val="[^"]*" />')
_RUN = re.compile(r"<w:hyperlink\b.*?</w:hyperlink>|<w:r>(?:<w:rPr>(.*?)</w:rPr>)?", re.S)
_UNSUR = re.compile(r"<w:(\w+)")
_TEKS_SEL = re.compile(r'<w:p(?=[ >/])|<w:t xml:space="preserve">([^<]*)</w:t>')
_TEKS_P = re.compile(r'<w:t xml:space="preserve">([^<]*)</w:t>|<w:br />')
_URUT_SZ = _URUT_RPR["sz"]


def _twips(cm: float) -> int:
    """A width in cm as python-docx writes ``Cm(cm)`` in twips (``Length.twips``)."""
    return round(int(cm * 360000) / 635)


def _xml_teks(s: str) -> str:
    """A ``w:t``'s text as an XML parser reads it (entities, line ends)."""
    return unescape(s).replace("\r\n", "\n").replace("\r", "\n") if "&" in s or "\r" in s \
        else s


def _paragraf(xml: str) -> tuple[str | None, str] | None:
    """(what its ``w:pPr`` holds, None without one; the rest) of a paragraph's XML as the writer
    writes it, None for another block (a nested table, a bookmark)."""
    if xml == "<w:p />":
        return None, ""
    m = _P.match(xml) if xml.startswith("<w:p>") else None
    if m is None:
        return None
    return (m[1] if m[1] is not None else "" if m[2] else None), m[3]


def _tulis_paragraf(ppr: str | None, isi: str) -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{isi}</w:p>" if ppr is not None else f"<w:p>{isi}</w:p>"


def _teks_paragraf(isi: str) -> str:
    """A paragraph's text as python-docx's ``Paragraph.text`` gives it (`_teks`) from its
    runs' XML as the writer writes it: its ``w:t``, a line break as a new line."""
    return "".join("\n" if m[1] is None else _xml_teks(m[1]) for m in _TEKS_P.finditer(isi))


def _teks_sel(xml: str) -> tuple[str, bool]:
    """A cell's text as its width is measured (each paragraph's ``w:t``, paragraphs joined
    by a space, nested tables' too) and whether it holds bold (``w:b``: Arial Bold is ~10 %
    wider)."""
    paragraf: list[str] = []
    for m in _TEKS_SEL.finditer(xml):
        if m[1] is None:
            paragraf.append("")
        elif paragraf:
            paragraf[-1] += _xml_teks(m[1])
    return " ".join(paragraf).strip(), "<w:b />" in xml


def _dengan_sz(props: str | None, pt: float) -> str:
    """A run's ``w:rPr`` content with the font size `pt` (``w:sz``, half-points) where
    python-docx put it: to a run without properties ``<w:sz w:val=round(2 * pt)>``, else
    before the first property that follows it in the schema (``rpr.sz_val = Pt(pt)``)."""
    if not props:
        return f'<w:sz w:val="{round(2 * pt)}" />'
    sz = f'<w:sz w:val="{int(int(pt * 12700) / 12700 * 2)}" />'
    for m in _UNSUR.finditer(props):
        if _URUT_RPR.get(m[1], 0) > _URUT_SZ:
            return props[:m.start()] + sz + props[m.start():]
    return props + sz


def _huruf_run(isi: str, pt: float) -> str:
    """The runs of a paragraph (not those of a link: python-docx's ``p.r_lst``) at `pt`."""
    def ganti(m) -> str:
        if m[0].startswith("<w:h"):
            return m[0]
        return f"<w:r><w:rPr>{_dengan_sz(m[1], pt)}</w:rPr>"

    return _RUN.sub(ganti, isi)


def _kanan(ppr: str | None) -> str:
    """``w:pPr`` content right-aligned (``paragraph.alignment = RIGHT``): an alignment set
    to right, else one appended (nothing the writer writes follows ``w:jc`` in the schema)."""
    if ppr and "<w:jc " in ppr:
        return _JC.sub('<w:jc w:val="right" />', ppr, count=1)
    return (ppr or "") + '<w:jc w:val="right" />'


def _lekat(ppr: str | None) -> str:
    """``w:pPr`` content with ``w:keepNext`` (``paragraph_format.keep_with_next = True``: after
    the style, before any other property the writer writes)."""
    ppr = ppr or ""
    m = _PSTYLE_AWAL.match(ppr)
    i = m.end() if m else 0
    return ppr[:i] + "<w:keepNext />" + ppr[i:]


def _gaya_ttd(tabel: Tabel, id_ttd: str | None) -> bool:
    """Whether a paragraph of a cell has the signature style (its id `id_ttd`). A block
    whose XML does not hold that style's ``w:pStyle`` as the writer writes it cannot match
    and is not parsed (`_paragraf`: ~14 % of `_tabel_rapi`, for every cell of every table)."""
    if id_ttd is None:
        return False
    tanda = f'<w:pStyle w:val="{id_ttd}" />'
    for b in tabel.baris:
        for s in b.sel:
            for xml in s.isi:
                if tanda not in xml:
                    continue
                p = _paragraf(xml)
                if p is not None and p[0] and (m := _PSTYLE_VAL.search(p[0])) and m[1] == id_ttd:
                    return True
    return False


def _tr(b: Baris, kepala_baru: bool, tc: str) -> str:
    """A row: never split; a header row, or `kepala_baru` (the first row of a table without
    one), repeated on each page."""
    trpr = ('<w:tblHeader w:val="on" />' if b.kepala else "") + "<w:cantSplit />" + (
        "<w:tblHeader />" if kepala_baru else "")
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{tc}</w:tr>"


def _tc(tcpr: str, isi: list[str]) -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(isi)}</w:tc>" if tcpr else \
        f"<w:tc><w:tcPr />{''.join(isi)}</w:tc>"


def _tabel_ttd(tabel: Tabel) -> str:
    """A signature block: no borders, rows never split, each line kept with the next."""
    baris = []
    for b in tabel.baris:
        sel = []
        for s in b.sel:
            isi = []
            for xml in s.isi:
                p = _paragraf(xml)
                isi.append(xml if p is None else _tulis_paragraf(_lekat(p[0]), p[1]))
            sel.append(_tc(s.tcpr, isi))
        baris.append(_tr(b, False, "".join(sel)))
    return (f"<w:tbl><w:tblPr>{''.join(tabel.tblpr)}{_BATAS[False]}</w:tblPr><w:tblGrid>"
            f"{''.join(tabel.grid)}</w:tblGrid>{''.join(baris)}</w:tbl>")


def _tabel_rapi(tabel: Tabel, penulis) -> str:
    """A table of the body as the Word edition has it (the writer's ``rapi``,
    `lkjip.word_tulis.tulis_docx`): thin borders, rows never split, the header rows (or the
    first row) repeated on each page, each column at least as wide as its longest word
    (`lkjip.word_lebar`), the text a size smaller, figures right-aligned outside the header;
    a signature block (`GAYA_TTD`) borderless, its lines kept together. Written as python-docx
    wrote it after the writer (the same elements, attributes and order: the pass over the
    ~7 000 elements of a report's tables was ~0,44 CPU-s, issue 15)."""
    if _gaya_ttd(tabel, penulis.id_gaya(GAYA_TTD)):
        return _tabel_ttd(tabel)
    kolom = []  # (grid column, span, cell) of each cell
    for b in tabel.baris:
        k = 0
        for s in b.sel:
            kolom.append((k, s.span))
            k += s.span
    n = max(k + s for k, s in kolom)
    kata, teks = [1.112] * n, [1.112] * n
    sel = [s for b in tabel.baris for s in b.sel]
    for (k, span), s in zip(kolom, sel, strict=True):
        if span == 1:
            isi, tebal = _teks_sel("".join(s.isi))
            if isi:
                kali = 1.1 if tebal else 1
                kata[k] = max(kata[k], kali * max(em(w) for w in isi.split()))
                teks[k] = max(teks[k], kali * em(isi[:60]))
    pt, lebar = ukuran_lebar(kata, teks, LEBAR_TEKS_CM)
    emu = [int(w * 360000) for w in lebar]
    grid = [f'<w:gridCol w:w="{round(e / 635)}" />' for e in emu] + tabel.grid[n:]
    tblpr = [x for x in tabel.tblpr if not x.startswith(("<w:tblW ", "<w:tblLayout "))]
    kepala = sum(b.kepala for b in tabel.baris)
    mulai_angka = max(kepala, 1)
    baris, j = [], 0
    for i, b in enumerate(tabel.baris):
        tc = []
        for s in b.sel:
            k, span = kolom[j]
            j += 1
            isi = []
            for xml in s.isi:
                p = _paragraf(xml)
                if p is None:
                    isi.append(xml)
                    continue
                ppr, runs = p[0], _huruf_run(p[1], pt)
                if i >= mulai_angka and adalah_angka(_teks_paragraf(runs)):
                    ppr = _kanan(ppr)
                isi.append(_tulis_paragraf(ppr, runs))
            lebar_sel = round(sum(emu[k:k + span]) / 635)
            tc.append(_tc(f'<w:tcW w:type="dxa" w:w="{lebar_sel}" />{s.tcpr}', isi))
        baris.append(_tr(b, i == 0 and not kepala, "".join(tc)))
    return (f"<w:tbl><w:tblPr>{''.join(tblpr)}{_BATAS[True]}<w:tblLayout w:type=\"fixed\" />"
            f"{_TBLW}</w:tblPr><w:tblGrid>{''.join(grid)}</w:tblGrid>{''.join(baris)}</w:tbl>")


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
    from docx.enum.style import WD_STYLE_TYPE

    paragraf = list(doc.paragraphs)
    teks = [_teks(p._p) for p in paragraf]  # one XPath each (`_teks`), not python-docx's runs
    id_kiri = None
    for i, p in enumerate(paragraf):
        if not teks[i].startswith(PENANDA):
            continue
        kunci = teks[i][len(PENANDA):]
        akhir = next(j for j in range(i + 1, len(paragraf)) if teks[j] == AKHIR)
        entri = paragraf[i + 1:akhir + 1]
        if id_kiri is None:
            id_kiri = doc.part.get_style_id(doc.styles[GAYA_KIRI], WD_STYLE_TYPE.PARAGRAPH)
        _medan(p, DAFTAR.get(kunci, ("", 'TOC \\o "1-3" \\h \\z \\u'))[1],
               teks[i + 1:akhir], id_kiri)
        for q in entri:
            q._p.getparent().remove(q._p)


def _medan(p, instr: str, hasil: list[str], id_gaya: str | None) -> None:
    """Make paragraph `p` a complex field: begin, the instruction, its cached result, end.
    `id_gaya`: the id of its style, `GAYA_KIRI`, looked up once a document (what python-docx's
    ``p.style = styles[GAYA_KIRI]`` looks up among all styles at each call, then sets)."""
    p._p.style = id_gaya
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
    a document (python-docx looks it up among every style at each paragraph), from the
    styles' XML in one walk (``get_by_id`` of each style searched them all: ~0,017 CPU-s a
    call, two calls a report)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.styles import BabelFish

    gaya = doc.styles
    bawaan = gaya.get_by_id(None, WD_STYLE_TYPE.PARAGRAPH).name
    nama: dict = {None: bawaan}
    w_id, w_jenis, w_nama, val = qn("w:styleId"), qn("w:type"), qn("w:name"), qn("w:val")
    for s in gaya._element.iterchildren(qn("w:style")):
        id_ = s.get(w_id)
        if id_ in nama:  # python-docx takes the first style of an id
            continue
        if s.get(w_jenis, "paragraph") != "paragraph":  # not a paragraph style: the default
            nama[id_] = bawaan
            continue
        n = s.find(w_nama)
        nama[id_] = None if n is None or n.get(val) is None else BabelFish.internal2ui(n.get(val))
    jalur = f"{qn('w:pPr')}/{qn('w:pStyle')}"

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
    w_ppr, w_lekat = qn("w:pPr"), qn("w:keepNext")

    def catatan(el) -> bool:
        ps = None if el is None else el.find(jalur)
        return ps is not None and ps.get(val) == gaya

    for el in list(doc.element.body.iterchildren()):
        if not catatan(el.getnext()):
            continue
        lekat = el.tr_lst[-1].iter(par) if el.tag == tbl else [el] * catatan(el)
        for p in lekat:  # python-docx's ``p.get_or_add_pPr().keepNext_val = True``, directly:
            ppr = p.find(w_ppr)
            if ppr is None:  # a paragraph's properties come first in it
                ppr = _el("w:pPr")
                p.insert(0, ppr)
            ada = ppr.find(w_lekat)
            if ada is not None:  # already kept (a signature block's line): true is no w:val
                ada.attrib.pop(val, None)
                continue
            # keepNext follows only pStyle in the schema; the properties the writer and
            # _tabel_rapi write are in schema order: right after a pStyle, else first
            ppr.insert(1 if len(ppr) and ppr[0].tag == _PSTYLE else 0, _el("w:keepNext"))


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
