"""Write lkjip/templates/lkjip/referensi.docx: the styles of the Word edition (`lkjip.word`).

The Word writer (`lkjip.word_tulis`) takes page size, margins, header and footer and every style
from this "reference docx", as pandoc did. This script starts from pandoc's own
(``pandoc --print-default-data-file reference.docx``, so every style pandoc, and the writer after
it, names exists) and sets, with python-docx: A4 with the report's margins, a footer
"Halaman N" (a PAGE field Word and LibreOffice fill in), one body font with a heading weight,
headings that start a chapter on a new page and never end a page, captions kept with their
table, and the paragraph styles the exporter names: Sampul, Tanda Tangan, Sumber Tabel,
Rata Kiri.

Run it after changing a style: ``.venv/bin/python scripts/referensi_docx.py``. Only this script
needs pandoc, which lkjip no longer depends on: ``.venv/bin/pip install pypandoc-binary`` first
(or have ``pandoc`` on PATH). The file is committed, so a build needs neither this script,
pandoc, nor a network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TUJUAN = Path(__file__).resolve().parents[1] / "lkjip" / "templates" / "lkjip" / "referensi.docx"
HURUF = "Arial"  # on every office PC; LibreOffice substitutes a metric-compatible font


def _pandoc() -> str:
    """pandoc: pypandoc-binary's when installed, else the one on PATH."""
    try:
        import pypandoc
    except ImportError:
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            sys.exit("pandoc tidak ditemukan: pasang dulu `.venv/bin/pip install pypandoc-binary`")
        return pandoc
    return pypandoc.get_pandoc_path()


def _bawaan() -> Path:
    path = Path(tempfile.mkdtemp()) / "bawaan.docx"
    subprocess.run([_pandoc(), "-o", str(path), "--print-default-data-file",
                    "reference.docx"], check=True)
    return path


def _huruf(style, ukuran: float, tebal: bool | None = None) -> None:
    style.font.name = HURUF
    style.font.size = Pt(ukuran)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if tebal is not None:
        style.font.bold = tebal
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(atribut), HURUF)
    for tema in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(tema), None)


def _gaya(doc, nama: str, dasar: str = "Normal"):
    try:
        return doc.styles[nama]
    except KeyError:
        gaya = doc.styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        gaya.base_style = doc.styles[dasar]
        return gaya


def _halaman(doc) -> None:
    """A4, margins 2,5 / 2 / 2,5 / 2,5 cm, footer 'Halaman N' on the right."""
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin, s.bottom_margin = Cm(2.5), Cm(2.5)
    s.left_margin, s.right_margin = Cm(2.5), Cm(2)
    p = s.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("Halaman ").font.size = Pt(9)
    run = p.add_run()
    run.font.size = Pt(9)
    for jenis, teks in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                        ("end", None)):
        if jenis:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), jenis)
        elif teks == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = teks
        run._r.append(el)


def _gaya_gaya(doc) -> None:
    for nama in ("Normal", "Body Text", "First Paragraph", "Compact"):
        _huruf(doc.styles[nama], 11)
    for nama in ("Body Text", "First Paragraph"):
        doc.styles[nama].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        doc.styles[nama].paragraph_format.space_after = Pt(6)
    # table cells and tight lists: left-aligned (justified, a narrow cell spreads its few words
    # across the column)
    doc.styles["Compact"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for nama, ukuran in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11.5),
                         ("Heading 4", 11)):
        gaya = doc.styles[nama]
        _huruf(gaya, ukuran, True)
        gaya.paragraph_format.keep_with_next = True
        gaya.paragraph_format.space_before = Pt(12)
    h1 = doc.styles["Heading 1"].paragraph_format
    h1.page_break_before, h1.alignment = True, WD_ALIGN_PARAGRAPH.CENTER
    for nama in ("Table Caption", "Image Caption"):
        _huruf(doc.styles[nama], 10, True)
        doc.styles[nama].font.italic = False
        doc.styles[nama].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.styles[nama].paragraph_format.keep_with_next = nama == "Table Caption"
    sampul = _gaya(doc, "Sampul")
    _huruf(sampul, 14, True)
    sampul.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sampul.paragraph_format.space_after = Pt(18)
    ttd = _gaya(doc, "Tanda Tangan")
    _huruf(ttd, 11)
    ttd.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ttd.paragraph_format.space_after = Pt(0)
    ttd.paragraph_format.keep_with_next = True
    kiri = _gaya(doc, "Rata Kiri")
    _huruf(kiri, 11)
    kiri.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    sumber = _gaya(doc, "Sumber Tabel")
    _huruf(sumber, 8.5)
    sumber.paragraph_format.space_after = Pt(2)


def main() -> int:
    doc = Document(str(_bawaan()))
    _halaman(doc)
    _gaya_gaya(doc)
    doc.core_properties.title = ""
    doc.save(str(TUJUAN))
    print(f"ditulis: {TUJUAN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
