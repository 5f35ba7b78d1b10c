"""The Word edition's WordprocessingML, written from the prepared HTML (`lkjip.word_html`)
into the reference document's package (``templates/lkjip/referensi.docx``): what pandoc
(3.9, ``-f html -t docx --reference-doc``) wrote from the same HTML, element for element, for
the subset of HTML our edition and quarterly reports hold.

Two steps, as pandoc's: `baca` reads the HTML tree into a small document tree (pandoc's HTML
reader: whitespace, paragraphs, headings and their automatic ids, divs, lists, tables with
row and column spans, figures, spans), `Penulis` writes it as WordprocessingML (pandoc's docx
writer: styles First Paragraph / Body Text / Compact / Heading N / Table Caption / Image
Caption / Captioned Figure / a div's ``data-custom-style``, bookmarks from ids around the
section a heading opens, lists numbered as pandoc numbers them, tables on pandoc's grid,
pictures sized from their PNG's, JPEG's or GIF's pixels and resolution).

What analysts write in a chapter notebook reaches this HTML too (markdown cells through
mistune, display(...) outputs): block quotes, rules, inline code, column alignment of
markdown tables, task lists, definition lists, <mark>, <q>, soft hyphens, JPEG/GIF pictures,
tags pandoc skips keeping what they hold (<center>, <details>, <font>...), styles it ignores;
each written as pandoc wrote it (tests/test_word_bentuk.py). A form Word cannot hold (an
inline SVG, a video, a picture not embedded in the notebook, a WebP) or one pandoc gave a
meaning not learnt here raises `BentukTakDikenal`, a user's error that names the chapter
notebook and cell and what to do (the build says it without a traceback); never silently
dropped content.

Why not pandoc any more: its process held ~210 MB PSS at a batch's memory peak (135 MB of it
the binary's pages) and cost ~0,6 CPU-s a report plus python-docx's re-reading of its
package (issue 15).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from lkjip.galat import LkjipError, Masalah

SARAN = ("Ubah sel itu di notebook bab: tulis isinya sebagai paragraf, judul, daftar, tabel "
         "atau gambar PNG/JPEG (bentuk yang dapat ditulis ke Word). Bila sel itu tidak Anda "
         "ubah, ini kekurangan lkjip: laporkan pesan ini.")


class BentukTakDikenal(LkjipError):
    """The prepared HTML holds an element or attribute the Word writer cannot write: an
    analyst's markdown cell or output in a form Word cannot hold (an inline SVG, a video, a
    picture not embedded in the notebook), or one pandoc gave a meaning the writer has not
    learnt. A user's error (`LkjipError`: the build says it without a traceback), naming the
    chapter notebook and cell (`tandai`, by the cell's ``cell-id=`` div in nbconvert's HTML)
    and a snippet of the element's text; never silently dropped content.

    >>> e = BentukTakDikenal("elemen <video>", "rapat", "Pakai gambar.")
    >>> e.tandai("cell-id=edisi-01_bab1-6"); print(e)
    Edisi Word (DOCX) tidak dapat ditulis:
    - 01_bab1.ipynb: sel ke-6: penulis Word tidak mengenal elemen <video> ('rapat'). Pakai gambar.
    """

    def __init__(self, apa: str, cuplikan: str = "", saran: str = SARAN):
        self.apa, self.cuplikan, self.saran, self.sel = apa, cuplikan, saran, None
        super().__init__(self._masalah())

    def tandai(self, ident: str) -> None:
        """The cell the element is in, by its div's id (the innermost cell, told first)."""
        if self.sel is None and ident.startswith("cell-id="):
            self.sel = ident[len("cell-id="):]
            self.masalah = [self._masalah()]

    def _masalah(self) -> Masalah:
        berkas, pesan = "edisi Word", f"penulis Word tidak mengenal {self.apa}"
        m = re.fullmatch(r"(?:edisi|kertas_kerja)-(.+)-(\d+)", self.sel or "")
        if m:
            berkas, pesan = f"{m[1]}.ipynb", f"sel ke-{m[2]}: {pesan}"
        elif self.sel:
            berkas = f"sel {self.sel}"
        cuplikan = " ".join(self.cuplikan.split())
        if cuplikan:
            cuplikan = cuplikan if len(cuplikan) <= 60 else cuplikan[:60] + "…"
            pesan += f" ({cuplikan!r})"
        return Masalah(berkas, pesan=f"{pesan}. {self.saran}")

    def ringkasan(self) -> str:
        return "\n".join(["Edisi Word (DOCX) tidak dapat ditulis:"]
                         + [f"- {m}" for m in self.masalah])


def _tak_dikenal(apa: str, el=None, saran: str = SARAN) -> BentukTakDikenal:
    """The error for `apa`, with the text of the element `el` (an lxml element or a string)
    as its snippet."""
    cuplikan = el if isinstance(el, str) or el is None else " ".join(el.itertext())
    return BentukTakDikenal(apa, cuplikan or "", saran)


def _ditolak(el, apa: str) -> BentukTakDikenal:
    return _tak_dikenal(apa, el)


# ---------------------------------------------------------------- reading (pandoc's HTML reader)

_SPASI = " \t\n\r\f"
_PISAH = re.compile(r"([ \t\n\r\f]+)")
_SPASI_T, _LUNAK = ("space",), ("soft",)
_INLINE_BIASA = {"strong": "strong", "b": "strong", "em": "emph", "i": "emph",
                 "sup": "sup", "sub": "sub", "u": "u", "ins": "u", "s": "strike",
                 "strike": "strike", "del": "strike"}
_BLOK = {"pre", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "section",
         "header", "main", "figure", "html", "body", "head", "meta", "blockquote", "hr",
         "dl"}
# pandoc's other block tags (``blockHtmlTags``): the tag itself is skipped, what it holds read
# as blocks (``pRawHtmlBlock``: <center>, <details>, <summary>, <article>...); those with a
# meaning of their own Word cannot take are refused (`_DITOLAK`)
_BLOK_LEWAT = {"address", "article", "aside", "center", "details", "dir", "fieldset", "footer",
               "form", "hgroup", "menu", "nav", "noframes", "output", "summary", "frameset",
               "isindex"}
# what pandoc would read as something Word cannot show (or would drop with what it holds)
_DITOLAK = {
    "svg": "gambar SVG di dalam teks (hanya grafik lkjip.tampil.grafik yang diubah ke PNG)",
    "math": "rumus MathML", "canvas": "kanvas <canvas>", "video": "video", "audio": "audio",
    "iframe": "bingkai <iframe>", "embed": "objek <embed>", "object": "objek <object>",
    "applet": "applet", "button": "tombol <button>", "progress": "bilah <progress>",
    "map": "peta gambar <map>", "area": "peta gambar <area>", "source": "sumber media",
    "track": "trek media", "noscript": "<noscript>", "textarea": "isian <textarea>",
    "dt": "istilah <dt> di luar <dl>", "dd": "definisi <dd> di luar <dl>",
    "select": "pilihan <select>",
    "caption": "<caption> di luar tabel", "colgroup": "<colgroup>", "col": "<col>",
    "tbody": "bagian tabel di luar <table>", "thead": "bagian tabel di luar <table>",
    "tfoot": "<tfoot>", "tr": "baris tabel di luar <table>", "td": "sel tabel di luar <table>",
    "th": "sel tabel di luar <table>", "li": "butir daftar di luar <ul>/<ol>",
    "figcaption": "<figcaption> di luar <figure>", "style": "<style>", "script": "<script>",
    "title": "<title>", "base": "<base>", "link": "<link>",
    "bdo": "teks kanan-ke-kiri <bdo>"}
_META_BLOK = {"title", "subtitle", "author", "date", "abstract", "abstract-title", "toc",
              "lof", "lot", "toc-title", "dir"}  # what pandoc writes into the document
_INLINE = {"strong", "b", "em", "i", "sup", "sub", "u", "ins", "s", "strike", "del", "br",
           "span", "a", "img", "code", "tt", "var", "samp", "q", "small", "kbd", "mark", "dfn",
           "abbr"}
_KODE = {"code", "tt", "var", "samp"}  # pandoc's Code (``formatCode``)
_SEPERTI_SPAN = {"kbd", "mark", "dfn", "abbr", "small"}  # a span with the tag as its class
_KELAS_SPAN = {"comment-start", "comment-end", "insertion", "deletion"}
# a span's attributes pandoc's docx writer gives a meaning (the others it ignores: style...)
_ATRIBUT_BERMAKNA = {"custom-style": "gaya Word (custom-style)", "dir": "arah teks (dir)",
                     "lang": "bahasa (lang)"}


def _nama(el) -> str:
    """An element's tag without a namespace; "" for a comment or processing instruction."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1] if tag[0] == "{" else tag


def _isi(el) -> list:
    """An element's contents in order: its texts (str) and child elements."""
    out = [el.text] if el.text else []
    for c in el:
        if _nama(c):
            out.append(c)
        if c.tail:
            out.append(c.tail)
    return out


def _kelas(el) -> list[str]:
    return el.get("class", "").split()


def _attr(el) -> tuple[str, list[str], list[tuple[str, str]]]:
    """pandoc's ``toAttr``: (id, or else name; classes; other attributes with ``data-``
    dropped)."""
    kvs = [(k[5:] if k.startswith("data-") else k, v) for k, v in el.attrib.items()
           if k not in ("id", "class", "name")]
    return el.get("id", el.get("name", "")), _kelas(el), kvs


def _trim(inl: list) -> list:
    """``trimInlines``: no space or soft break at either end."""
    a, b = 0, len(inl)
    while a < b and inl[a][0] in ("space", "soft"):
        a += 1
    while b > a and inl[b - 1][0] in ("space", "soft"):
        b -= 1
    return inl[a:b]


def _keluarkan_spasi(jenis: str, inl: list, *attr) -> list:
    """``extractSpaces``: a formatting's leading and trailing space stand outside it."""
    kiri = [inl[0]] if inl and inl[0][0] in ("space", "soft") else []
    kanan = [inl[-1]] if inl and inl[-1][0] in ("space", "soft") else []
    out = list(kiri)
    _sambung(out, [(jenis, *attr, _trim(inl))])
    _sambung(out, kanan)
    return out


_LEBUR = {"emph", "u", "strong", "sub", "sup", "strike"}


def _sambung(out: list, baru: list) -> None:
    """``out <> baru`` as pandoc's Inlines join them: the two elements that meet become one
    where they can (two spaces, two strings, two runs of the same formatting, a space by a
    line break...)."""
    if not baru:
        return
    if not out:
        out.extend(baru)
        return
    x, y = out[-1], baru[0]
    a, b = x[0], y[0]
    if a == "space" and b in ("space", "soft", "br"):
        out[-1] = y
    elif a == "soft" and b in ("space", "soft"):
        pass
    elif a == "soft" and b == "br":
        out[-1] = y
    elif a == "br" and b in ("space", "soft"):
        pass
    elif a == "str" and b == "str":
        out[-1] = ("str", x[1] + y[1])
    elif a == b and a in _LEBUR:
        isi = list(x[1])
        _sambung(isi, y[1])
        out[-1] = (a, isi)
    else:
        out.append(y)
    out.extend(baru[1:])


class Pembaca:
    """pandoc's HTML reader for our subset: blocks and inlines as tuples."""

    def __init__(self):
        self.meta: dict[str, str] = {}
        self.id_judul: set[str] = set()
        self.kutip = 0  # depth of <q> being read
        self.butir = 0  # depth of list items being read

    def teks(self, s: str) -> list:
        """A text's words and the whitespace between them (a soft break where it holds a
        newline): split once at the whitespace, ~3x faster than matching each part."""
        out = []
        for i, x in enumerate(_PISAH.split(s)):
            if i % 2:
                out.append(_LUNAK if "\n" in x else _SPASI_T)
            elif x:
                out.append(("str", x))
        return out

    def inlines(self, nodes) -> list:
        out: list = []
        for n in nodes:
            _sambung(out, self.inline(n))
        return out

    def inline(self, n) -> list:
        if isinstance(n, str):
            return self.teks(n)
        nama = _nama(n)
        if nama in _INLINE_BIASA:
            return _keluarkan_spasi(_INLINE_BIASA[nama], self.inlines(_isi(n)))
        if nama == "br":
            return [("br",)]
        if nama in _KODE:  # pandoc's formatCode: the plain parts as code, formatting kept
            return _kode(self.inlines(_isi(n)))
        if nama == "q":  # pandoc's pQ: curly quotes, single inside double
            self.kutip += 1
            try:
                isi = self.inlines(_isi(n))
            finally:
                self.kutip -= 1
            return _keluarkan_spasi("quoted", isi, "single" if self.kutip % 2 else "double")
        if nama in _SEPERTI_SPAN:  # pandoc's pSpanLike / pSmall
            ident, kelas, kvs = _attr(n)
            return [("span", ident, [nama] + kelas, kvs, self.inlines(_isi(n)))]
        if nama == "span":
            ident, kelas, kvs = _attr(n)
            isi = self.inlines(_isi(n))
            if "smallcaps" in kelas or _gaya_css(n.get("style", "")).get(
                    "font-variant") == "small-caps":
                return [("smallcaps", isi)]
            if not _KELAS_SPAN.isdisjoint(kelas) or any(k.startswith("csl-") for k in kelas):
                raise _tak_dikenal(f"kelas {' '.join(kelas)} pada <span>", n)
            return [("span", ident, kelas, kvs, isi)]
        if nama == "a":
            ident, kelas, kvs = _attr(n)
            isi = self.inlines(_isi(n))
            href = n.get("href")
            if href is None:
                return _keluarkan_spasi("span", isi, ident, kelas,
                                        [kv for kv in kvs if kv[0] != "title"])
            return _keluarkan_spasi("link", isi, _uri(href))
        if nama == "img":
            if not n.get("src"):
                raise _tak_dikenal("<img> tanpa src", n.get("alt", ""))
            return [("img", n.get("id", n.get("name", "")), n.get("src"), n.get("title", ""),
                     n.get("alt", ""), n.get("width"), n.get("height"))]
        if nama == "input":  # pandoc's pCheckbox: a task list's box, in a list item only
            if self.butir and n.get("type") == "checkbox" and not len(n) and not n.text:
                return [("str", "\u2612" if n.get("checked") is not None else "\u2610"),
                        ("space",)]
            raise _ditolak(n, "isian <input>")
        if nama in _DITOLAK:
            raise _ditolak(n, _DITOLAK[nama])
        if nama in _BLOK or nama in _BLOK_LEWAT:
            raise _ditolak(n, f"blok <{nama}> di dalam teks (paragraf, tautan, huruf tebal...)")
        return self.inlines(_isi(n))  # pandoc skips a tag it does not know, not what it holds

    # -- blocks

    def blok(self, nodes) -> list:
        out, tertunda = [], []

        def lepas():
            if tertunda:
                inl = _trim(self.inlines(tertunda))
                if inl:
                    out.append(("plain", inl))
                tertunda.clear()

        for n in nodes:
            nama = "" if isinstance(n, str) else _nama(n)
            if nama in _BLOK:
                lepas()
                out += self.satu_blok(n, nama)
            elif nama in _BLOK_LEWAT:  # the tag skipped, its contents read as blocks
                lepas()
                out += self.blok(_isi(n))
            elif nama in _DITOLAK:
                raise _ditolak(n, _DITOLAK[nama])
            else:  # inline: one pandoc knows, or one it skips (<font>, <cite>...)
                tertunda.append(n)
        lepas()
        return out

    def satu_blok(self, n, nama: str) -> list:
        if nama in ("html", "body"):
            if nama == "html" and n.get("lang"):
                self.meta["lang"] = n.get("lang")
            return self.blok(_isi(n))
        if nama == "head":
            for m in n.iter():
                if _nama(m) == "title" or (_nama(m) == "meta" and m.get("name") in _META_BLOK):
                    raise _tak_dikenal(f"<{_nama(m)}> {m.get('name', '')} (pandoc menulisnya "
                                       "sebagai blok judul)")
                if _nama(m) == "meta" and m.get("name"):
                    self.meta[m.get("name")] = m.get("content", "")
            return []
        if nama == "meta":
            return []
        if nama == "pre":
            if len(n.attrib):  # an id or a language class: pandoc would bookmark/highlight
                raise _tak_dikenal("<pre> dengan atribut", n)
            teks = _teks_pre(n)
            return [("code", teks[:-1] if teks.endswith("\n") else teks)]
        if nama == "p":
            inl = _trim(self.inlines(_isi(n)))
            return [("para", inl)] if inl else []
        if nama == "hr":  # pandoc's HorizontalRule
            return [("hr",)]
        if nama == "dl":
            return [self.definisi(n)]
        if nama == "blockquote":
            return [("quote", _perbaiki_plain(self.blok(_isi(n)), dalam_daftar=False))]
        if nama in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return [self.judul(n, nama)]
        if nama in ("div", "section", "header", "main"):
            ident, kelas, kvs = _attr(n)
            try:
                isi = self.blok(_isi(n))
            except BentukTakDikenal as e:
                e.tandai(ident)  # a notebook cell's div: where the form is
                raise
            if isi and isi[0][0] == "header" and isi[0][2] == ident and ident:
                isi[0] = ("header", isi[0][1], "", isi[0][3])
            return [("div", ident, kvs, isi)]
        if nama in ("ul", "ol"):
            return [self.daftar(n, nama)]
        if nama == "table":
            return [self.tabel(n)]
        return [self.figur(n)]

    def judul(self, n, nama: str):
        isi = _trim(self.inlines(_isi(n)))
        ident = n.get("id", "")
        if not ident:
            ident = _id_unik(isi, self.id_judul)
        self.id_judul.add(ident)
        return ("header", int(nama[1]), ident, isi)

    def daftar(self, n, nama: str):
        butir = []
        for c in _anak(n, "li"):
            self.butir += 1
            try:
                b = self.blok(_isi(c))
            finally:
                self.butir -= 1
            if c.get("id"):
                b = ([("plain", [("span", c.get("id"), [], [], b[0][1])])] + b[1:]
                     if b and b[0][0] == "plain" else [("div", c.get("id"), [], b)])
            butir.append(_perbaiki_plain(b))
        if nama == "ul":
            return ("bullet", butir)
        css = _gaya_css(n.get("style", ""))
        css = css.get("list-style-type", css.get("list-style"))
        gaya_css = {"lower-roman": "lowerRoman", "upper-roman": "upperRoman",
                    "lower-alpha": "lowerLetter", "upper-alpha": "upperLetter",
                    "decimal": "decimal"}
        gaya = ({"i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter", "A": "upperLetter",
                 "1": "decimal"}.get(n.get("type"), "default") if n.get("type") is not None else
                gaya_css.get(n.get("class", ""), "default") if n.get("class") is not None else
                gaya_css.get(css, "default") if css is not None else "default")
        return ("ordered", int(n.get("start", 1)), gaya, butir)

    def definisi(self, n):
        """pandoc's ``pDefinitionList``: items of one or more <dt> (their inlines joined by
        line breaks) and one or more <dd> (blocks, ``fixPlains True``); anything else in the
        list skipped."""
        butir: list = []
        for c in n.iter("dt", "dd", "{*}dt", "{*}dd"):  # also inside a <div> (HTML5)
            nama = _nama(c)
            if _dalam_butir(c, n):
                continue  # a nested list's: read with its own item
            if nama == "dt":
                istilah = _trim(self.inlines(_isi(c)))
                if butir and not butir[-1][1]:  # another term of the same item
                    butir[-1] = (butir[-1][0] + [("br",)] + istilah, [])
                else:
                    butir.append((istilah, []))
            elif nama == "dd" and butir:
                butir[-1][1].append(_perbaiki_plain(self.blok(_isi(c))))
            elif nama == "dd":
                raise _ditolak(c, "definisi <dd> tanpa istilah <dt>")
        return ("deflist", [b for b in butir if b[1]])

    def figur(self, n):
        judul, isi = [], []
        for c in _isi(n):
            if not isinstance(c, str) and _nama(c) == "figcaption":
                judul += self.blok(_isi(c))
            else:
                isi.append(c)
        return ("figure", n.get("id", ""), judul, self.blok(isi))

    def tabel(self, n):
        """pandoc's ``pTable``: a caption, a head (thead, or a first row of th only), bodies
        (each tbody, or rows outside one)."""
        judul, kepala, badan, baru = [], [], [], True
        for c in _anak(n, "caption", "thead", "tbody", "tr"):
            nama = _nama(c)
            if nama == "caption":
                judul = self.blok(_isi(c))
            elif nama == "thead":
                kepala += [self.baris(tr) for tr in _anak(c, "tr")]
            elif nama == "tbody":
                badan.append([self.baris(tr) for tr in _anak(c, "tr")])
                baru = True
            elif not kepala and not badan and len(c) and all(_nama(s) == "th" for s in c):
                kepala.append(self.baris(c))
            else:
                if baru:
                    badan.append([])
                    baru = False
                badan[-1].append(self.baris(c))
        return ("table", n.get("id", ""), judul, kepala, badan)

    def baris(self, tr) -> list:
        """pandoc's ``pCell`` of each cell: (rows, columns, blocks, alignment from its
        ``align`` or CSS ``text-align``); its other attributes mean nothing to the docx
        writer."""
        sel = []
        for td in _anak(tr, "td", "th"):
            rata = td.get("align", _gaya_css(td.get("style", "")).get("text-align"))
            sel.append((_bulat(td.get("rowspan")), _bulat(td.get("colspan")),
                        self.blok(_isi(td)), rata if rata in ("left", "right", "center") else ""))
        return sel


def _gaya_css(gaya: str) -> dict[str, str]:
    """A ``style`` attribute's properties (pandoc's ``cssAttributes``), names lower case.

    >>> _gaya_css("text-align: right; COLOR:red")
    {'text-align': 'right', 'color': 'red'}
    """
    out = {}
    for bagian in gaya.split(";"):
        k, _, v = bagian.partition(":")
        if k.strip():
            out[k.strip().lower()] = v.strip()
    return out


def _bulat(s: str | None) -> int:
    """A rowspan/colspan (pandoc's ``safeRead``, 1 when absent or not a number)."""
    return int(s) if s is not None and s.strip().isdigit() else 1


def _kode(inl: list) -> list:
    """pandoc's ``formatCode``: each run of plain parts (text, spaces, quotes) one code
    element of their text, other formatting kept around its own code.

    >>> _kode([("str", "a"), ("space",), ("strong", [("str", "b")])])
    [('code', 'a '), ('strong', [('code', 'b')])]
    """
    out: list = []
    sambung = False  # the last element is code made here from plain parts
    for x in inl:
        if x[0] in ("str", "space", "soft", "quoted"):
            teks = _rangkai([x])
            if sambung:
                out[-1] = ("code", out[-1][1] + teks)
            else:
                out.append(("code", teks))
            sambung = True
            continue
        sambung = False
        if x[0] in _LEBUR or x[0] in ("smallcaps", "span", "link"):
            x = x[:-1] + (_kode(x[-1]),)
        out.append(x)
    return out


def _uri(url: str) -> str:
    """pandoc's ``escapeURI``: spaces and ``<>|"{}[]^` `` percent-encoded.

    >>> _uri("https://contoh.id/a b")
    'https://contoh.id/a%20b'
    """
    return "".join(f"%{ord(c):02X}" if c in _SPASI or c in '<>|"{}[]^`' else c for c in url)


def _teks_pre(pre) -> str:
    r"""A ``<pre>``'s text as pandoc's reader takes it (``pCodeBlock``): the text of every
    element inside (a highlighted code cell's ``<span>``s), a ``<br>`` as a line break, the
    tags themselves dropped.

    >>> from lxml import etree
    >>> _teks_pre(etree.fromstring('<pre><b>im<i>po</i>rt</b> x<br/>y</pre>'))
    'import x\ny'
    """
    out = [pre.text or ""]

    def anak(el) -> None:
        for c in el:
            if _nama(c) == "br":
                out.append("\n")
            elif _nama(c):
                out.append(c.text or "")
                anak(c)
            if c.tail:
                out.append(c.tail)

    anak(pre)
    return "".join(out)


def _anak(el, *nama: str) -> list:
    """The child elements of `el` named `nama`; any other element or text is a bug."""
    out = []
    for c in _isi(el):
        if isinstance(c, str):
            if c.strip(_SPASI):
                raise _tak_dikenal(f"teks langsung di dalam <{_nama(el)}>")
        elif _nama(c) not in nama:
            raise _tak_dikenal(f"<{_nama(c)}> di dalam <{_nama(el)}>")
        else:
            out.append(c)
    return out


def _perbaiki_plain(b: list, dalam_daftar: bool = True) -> list:
    """``fixPlains``: a list item (`dalam_daftar`) or a block quote with a paragraph-like
    block has paragraphs only (a list counts as one only in a block quote)."""
    seperti = {"para", "header", "code", "quote"} | (
        set() if dalam_daftar else {"bullet", "ordered"})
    if any(x[0] in seperti for x in b):
        return [("para", x[1]) if x[0] == "plain" else x for x in b]
    return b


def _rangkai(inl: list) -> str:
    """pandoc's ``stringify``."""
    out = []
    for x in inl:
        if x[0] == "str":
            out.append(x[1])
        elif x[0] in ("space", "soft", "br"):
            out.append(" ")
        elif x[0] in ("strong", "emph", "sup", "sub", "u", "strike", "smallcaps"):
            out.append(_rangkai(x[1]))
        elif x[0] == "span":
            out.append(_rangkai(x[4]))
        elif x[0] == "link":
            out.append(_rangkai(x[2]))
        elif x[0] == "code":
            out.append(x[1])
        elif x[0] == "quoted":
            buka, tutup = _KUTIP[x[1]]
            out.append(buka + _rangkai(x[2]) + tutup)
    return "".join(out)


_KUTIP = {"double": ("\u201c", "\u201d"), "single": ("\u2018", "\u2019")}


def _id_unik(isi: list, dipakai: set[str]) -> str:
    """pandoc's automatic identifier of a heading without one (``auto_identifiers``).

    >>> _id_unik([("str", "Struktur"), ("space",), ("str", "Organisasi")], set())
    'struktur-organisasi'
    >>> _id_unik([("str", "1."), ("space",), ("str", "Hasil")], {"hasil"})
    'hasil-1'
    """
    teks = "".join(c for c in _rangkai(isi).lower()
                   if c in _SPASI or c.isalnum() or c in "_-.")
    dasar = "-".join(teks.split())
    dasar = dasar[next((i for i, c in enumerate(dasar) if c.isalpha()), len(dasar)):]
    dasar = dasar or "section"
    if dasar not in dipakai:
        return dasar
    return next(f"{dasar}-{i}" for i in range(1, 60001) if f"{dasar}-{i}" not in dipakai)


def _judul_paling(b: tuple, tingkat: int) -> bool:
    """pandoc's ``headerLtEq``: a heading of level `tingkat` or higher, or a div that opens
    with one (at any depth), ends a section."""
    while b[0] == "div" and b[3]:
        b = b[3][0]
    return b[0] == "header" and b[1] <= tingkat


def _bagian(blok: list) -> list:
    """pandoc's ``makeSections``: a heading and what follows it (up to a heading of its level
    or higher) in a div with the heading's id, the heading without it."""
    out, i = [], 0
    while i < len(blok):
        b = blok[i]
        if b[0] == "header":
            j = i + 1
            while j < len(blok) and not _judul_paling(blok[j], b[1]):
                j += 1
            isi = _bagian(blok[i + 1:j])
            out.append(("div", b[2], [], [("header", b[1], "", b[3])] + isi))
            i = j
            continue
        if b[0] == "div" and b[3] and b[3][0][0] == "header" and all(
                x[0] != "header" or x[1] > b[3][0][1] for x in b[3][1:]):
            dalam = _bagian(b[3])
            if len(dalam) == 1 and dalam[0][0] == "div" and (
                    not b[1] or not dalam[0][1] or b[1] == dalam[0][1]):
                kvs = list(dalam[0][2]) + [kv for kv in b[2]
                                           if kv[0] not in {k for k, _ in dalam[0][2]}]
                out.append(("div", dalam[0][1] or b[1], kvs, dalam[0][3]))
            else:
                out.append(("div", b[1], b[2], dalam))
        elif b[0] == "div":
            out.append(("div", b[1], b[2], _bagian(b[3])))
        else:
            out.append(b)
        i += 1
    return out


# ---------------------------------------------------------------- writing (pandoc's docx writer)

_URUT_RPR = {n: i for i, n in enumerate((
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath"))}
_FORMAT = {"strong": ("<w:b />", "<w:bCs />"), "emph": ("<w:i />", "<w:iCs />"),
           "sup": ('<w:vertAlign w:val="superscript" />',),
           "sub": ('<w:vertAlign w:val="subscript" />',),
           "u": ('<w:u w:val="single" />',), "strike": ("<w:strike />",),
           "smallcaps": ("<w:smallCaps />",)}
_TAK_SAH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BASE_LIST = 1000


def _nama_tag(el: str) -> str:
    return el[3:].split(" ", 1)[0].rstrip("/>")


def _urut(props: list[str]) -> list[str]:
    return sorted(props, key=lambda e: _URUT_RPR.get(_nama_tag(e), 0))


def _id_gaya(nama: str) -> str:
    return "".join(nama.split())


def nama_penanda(ident: str) -> str:
    """pandoc's ``toBookmarkName``: Word takes a bookmark name of at most 40 characters
    that starts with a letter; another id is named by its SHA-1.

    >>> nama_penanda("kata-pengantar")
    'kata-pengantar'
    >>> nama_penanda("1-x") == "X" + hashlib.sha1(b"1-x").hexdigest()[1:]
    True
    """
    if ident and ident[0].isalpha() and len(ident) <= 40:
        return ident
    return "X" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[1:]


def ukuran_png(data: bytes) -> tuple[int, int, int, int]:
    """(width px, height px, dpi x, dpi y) of a PNG, as pandoc reads them (``pHYs`` in dots
    per metre, times 254 div 10 000; 72 without one).

    >>> hdr = b"\\x89PNG\\r\\n\\x1a\\n\\0\\0\\0\\rIHDR" + struct.pack(">II", 769, 487)
    >>> ukuran_png(hdr + b"\\0" * 5 + b"pHYs" + struct.pack(">IIB", 4724, 4724, 1))
    (769, 487, 119, 119)
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise _tak_dikenal("gambar PNG yang rusak")
    w, h = struct.unpack(">II", data[16:24])
    i = data.find(b"pHYs")
    if i < 0:
        return w, h, 72, 72
    x, y, u = struct.unpack(">IIB", data[i + 4:i + 13])
    return (w, h, x * 254 // 10000, y * 254 // 10000) if u == 1 else (w, h, 72, 72)


def ukuran_jpeg(data: bytes) -> tuple[int, int, int, int]:
    """(width px, height px, dpi x, dpi y) of a JPEG as pandoc reads them (JuicyPixels): the
    size from its frame header, the resolution from its JFIF header (dots per inch, or per
    centimetre times 254 div 100), 72 without one or for 0.

    >>> jfif = (b"\\xff\\xe0\\x00\\x10JFIF\\x00\\x01\\x01\\x01" + struct.pack(">HH", 150, 150)
    ...         + b"\\0\\0")
    >>> sof = b"\\xff\\xc0\\x00\\x11\\x08" + struct.pack(">HH", 150, 300) + b"\\0" * 10
    >>> ukuran_jpeg(b"\\xff\\xd8" + jfif + sof)
    (300, 150, 150, 150)
    """
    i, dpi, ukuran = 2, (72, 72), None
    while ukuran is None and i + 4 <= len(data) and data[i] == 0xFF:
        penanda, panjang = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        isi = data[i + 4:i + 2 + panjang]
        if penanda == 0xE0 and isi[:5] == b"JFIF\0" and len(isi) >= 12:
            satuan, x, y = isi[7], *struct.unpack(">HH", isi[8:12])
            if satuan == 2:
                x, y = x * 254 // 100, y * 254 // 100
            if satuan in (1, 2):
                dpi = (x or 72, y or 72)
        elif 0xC0 <= penanda <= 0xCF and penanda not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", isi[1:5])
            ukuran = (w, h)
        i += 2 + panjang
    if ukuran is None:
        raise _tak_dikenal("gambar JPEG yang rusak")
    return (*ukuran, *dpi)


def ukuran_gambar(data: bytes) -> tuple[str, str, tuple[int, int, int, int]]:
    """(extension, content type, size as `ukuran_png`) of a PNG, JPEG or GIF picture (GIF at
    72 dpi, as pandoc); another kind is refused: Word's older versions show no SVG, and
    pandoc embedded an SVG without a PNG to fall back on."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png", "image/png", ukuran_png(data)
    if data[:2] == b"\xff\xd8":
        return "jpg", "image/jpeg", ukuran_jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif", "image/gif", (*struct.unpack("<HH", data[6:10]), 72, 72)
    if b"<svg" in data[:2000].lower():
        raise _tak_dikenal("gambar SVG (Word tidak selalu dapat menampilkannya)",
                           saran=SARAN_GAMBAR)
    raise _tak_dikenal("gambar yang bukan PNG, JPEG atau GIF", saran=SARAN_GAMBAR)


_ALT_NBCONVERT = "No description has been provided for this image"  # an output's picture
SARAN_GAMBAR = ("Simpan gambar sebagai PNG atau JPEG dan tempelkan ke sel markdown (lampiran "
                "sel: seret gambar ke sel di JupyterLab) atau tampilkan dengan "
                "IPython.display.Image(filename=...); grafik matplotlib lewat "
                "lkjip.tampil.grafik.")


class Sel(NamedTuple):
    """A table cell as written: its grid columns, what its ``w:tcPr`` holds, its blocks' XML
    (each a paragraph, a nested table or a bookmark's start or end)."""

    span: int
    tcpr: str
    isi: list[str]


class Baris(NamedTuple):
    """A table row as written: whether it is a header row (``w:tblHeader``), its cells."""

    kepala: bool
    sel: list[Sel]


class Tabel(NamedTuple):
    """A table as written, before its XML is joined (`tabel_xml`): the children of its
    ``w:tblPr`` and ``w:tblGrid``, its rows. `tulis_docx`'s ``rapi`` gets it."""

    tblpr: list[str]
    grid: list[str]
    baris: list[Baris]


def tabel_xml(t: Tabel) -> str:
    """The ``w:tbl`` of a table as pandoc writes it."""
    baris = "".join(
        "<w:tr>" + ('<w:trPr><w:tblHeader w:val="on" /></w:trPr>' if b.kepala else "")
        + "".join(f"<w:tc><w:tcPr>{s.tcpr}</w:tcPr>{''.join(s.isi)}</w:tc>" if s.tcpr
                  else f"<w:tc><w:tcPr />{''.join(s.isi)}</w:tc>" for s in b.sel)
        + "</w:tr>" for b in t.baris)
    return (f"<w:tbl><w:tblPr>{''.join(t.tblpr)}</w:tblPr><w:tblGrid>{''.join(t.grid)}"
            f"</w:tblGrid>{baris}</w:tbl>")


class Penulis:
    """pandoc's docx writer for the blocks `baca` makes: the body's XML and what the package
    needs besides (lists, pictures)."""

    def __init__(self, gambar: Mapping[str, bytes], lebar_halaman_pt: int, id_awal: int,
                 gaya: set[str]):
        self.gambar_berkas = gambar
        self.lebar_pt = lebar_halaman_pt
        self.id = id_awal
        self.gaya = gaya  # paragraph style names of the reference (lower case)
        self.ref_id_gaya: Mapping[str, str] = {}  # the reference's style ids by name
        self.gaya_baru: list[str] = []
        self.kode = False  # a code block written: pandoc's Source Code style is needed
        self.first = False
        self.in_table = False
        self.tabel_dalam = 0  # depth of the tables being written (0: a table of the body)
        self.rapi = None  # `tulis_docx`'s ``rapi``: finishes each table of the body
        self.in_list = False
        self.num_used = False
        self.daftar: list[tuple] = [("none",)]
        self.gambar: dict[str, tuple[str, str, bytes]] = {}  # src -> (rId, path, bytes)
        self.tautan: dict[str, str] = {}  # external link's URL -> rId

    def id_gaya(self, nama: str) -> str | None:
        """The id of the style named `nama` (exactly) in the document written, None without
        one: the reference's, or that of a style the writer adds (a div's custom style)."""
        if nama in self.ref_id_gaya:
            return self.ref_id_gaya[nama]
        return _id_gaya(nama) if nama in self.gaya_baru else None

    def uid(self) -> str:
        n = self.id
        self.id += 1
        return str(n)

    # env: dict with pstyle, pother, rstyle, rother, level, numid
    def blocks(self, blok: list, env: dict) -> list[str]:
        out = []
        prev_table = False
        for b in blok:
            if b[0] == "table" and prev_table:
                out.append("<w:p />")
            prev_table = b[0] == "table"
            out += self.block(b, env)
        return out

    def bookmark(self, ident: str, isi: list[str]) -> list[str]:
        if not ident:
            return isi
        i = self.uid()
        return ([f'<w:bookmarkStart w:id="{i}" w:name={quoteattr(nama_penanda(ident))} />']
                + isi + [f'<w:bookmarkEnd w:id="{i}" />'])

    def para_props(self, env: dict) -> str:
        props = []
        if env["level"] >= 0:
            numid = BASE_LIST if self.num_used else env["numid"]
            props.append(f'<w:numPr><w:ilvl w:val="{env["level"]}" />'
                         f'<w:numId w:val="{numid}" /></w:numPr>')
        self.num_used = True
        props += env["pother"]
        if env["pstyle"]:
            props = [env["pstyle"]] + props
        return f"<w:pPr>{''.join(_urut(props))}</w:pPr>" if props else ""

    def pstyle(self, nama: str) -> str:
        return f'<w:pStyle w:val="{_id_gaya(nama)}" />'

    def with_pstyle(self, env: dict, nama: str) -> dict:
        return {**env, "pstyle": self.pstyle(nama)}

    def para(self, inl: list, env: dict) -> list[str]:
        if not inl:
            return []
        pp = self.para_props(env) or (
            f"<w:pPr>{self.pstyle('First Paragraph' if self.first else 'Body Text')}</w:pPr>")
        self.first = False
        return [f"<w:p>{pp}{''.join(self.inlines(inl, env))}</w:p>"]

    def block(self, b: tuple, env: dict) -> list[str]:
        jenis = b[0]
        if jenis == "div":
            _, ident, kvs, isi = b
            kv = dict(kvs)
            if "dir" in kv:  # pandoc's docx writer gives a div's other attributes no meaning
                raise _tak_dikenal("arah teks (dir) pada <div>", _rangkai_blok(isi))  # but
            if "custom-style" in kv:                                            # this (bidi)
                gaya = kv["custom-style"]
                if gaya.lower() not in self.gaya and gaya not in self.gaya_baru:
                    self.gaya_baru.append(gaya)
                env = self.with_pstyle(env, gaya)
            try:
                return self.bookmark(ident, self.blocks(isi, env))
            except BentukTakDikenal as e:
                e.tandai(ident)  # a notebook cell's div: where the form is
                raise
        if jenis == "deflist":  # pandoc's DefinitionList: Definition Term, Definition
            out = []
            for istilah, definisi in b[1]:
                out += self.block(("para", istilah), self.with_pstyle(env, "Definition Term"))
                for isi in definisi:
                    out += self.blocks(isi, self.with_pstyle(env, "Definition"))
            self.first = True
            return out
        if jenis == "quote":  # pandoc's BlockQuote: its paragraphs in Block Text
            out = self.blocks(b[1], self.with_pstyle(env, "Block Text"))
            self.first = True
            return out
        if jenis == "hr":  # pandoc's HorizontalRule: a VML rule
            self.first = True
            return ['<w:p><w:r><w:pict><v:rect style="width:0;height:1.5pt" o:hralign="center" '
                    'o:hrstd="t" o:hr="t" /></w:pict></w:r></w:p>']
        if jenis == "header":
            _, lev, ident, inl = b
            self.first = True
            pp = self.para_props(self.with_pstyle(env, f"Heading {lev}"))
            runs = self.bookmark(ident, self.inlines(inl, env))
            return [f"<w:p>{pp}{''.join(runs)}</w:p>"]
        if jenis == "plain":
            if self.in_table or self.in_list:
                return self.para(b[1], self.with_pstyle(env, "Compact"))
            return self.para(b[1], env)
        if jenis == "para":
            return self.para(b[1], env)
        if jenis == "code":  # pandoc's CodeBlock, not highlighted (no language)
            self.kode = True
            pp = self.para_props(self.with_pstyle(env, "Source Code"))
            self.first = False
            rpr = '<w:rPr><w:rStyle w:val="VerbatimChar" /></w:rPr>'
            baris = [f'<w:r>{rpr}<w:t xml:space="preserve">{escape(_TAK_SAH.sub("", b))}</w:t>'
                     "</w:r>" if b else "" for b in b[1].splitlines()]
            self.first = True
            return [f"<w:p>{pp}{'<w:r><w:br /></w:r>'.join(baris)}</w:p>"]
        if jenis == "bullet" and b[1] and all(map(_tugas, b[1])):  # a task list: each item a
            return [x for isi in b[1]                                   # list of its own box
                    for x in self.daftar_xml(("checkbox", *_tugas(isi)), env)]
        if jenis in ("bullet", "ordered"):
            return self.daftar_xml(b, env)
        if jenis == "table":
            return self.tabel(b, env)
        if jenis == "figure":
            return self.figur(b, env)
        raise _tak_dikenal(f"blok {jenis}")

    def daftar_xml(self, b: tuple, env: dict) -> list[str]:
        penanda = (("bullet",) if b[0] == "bullet" else ("checkbox", b[1])
                   if b[0] == "checkbox" else ("number", b[2], b[1]))
        butir = b[-1]
        self.daftar.append(penanda)
        numid = BASE_LIST + len(self.daftar) - 1
        env2 = {**env, "level": env["level"] + 1}
        out = []
        for isi in butir:
            lama = self.in_list
            self.in_list = True
            if isi and isi[0][0] in ("bullet", "ordered"):
                isi = [("plain", [("str", "")])] + isi
            self.num_used = False
            out += self.blocks(isi, {**env2, "numid": numid})
            self.in_list = lama
        self.first = True
        return out

    def figur(self, b: tuple, env: dict) -> list[str]:
        _, ident, judul, isi = b
        self.first = True
        env_f = self.with_pstyle(env, "Captioned Figure" if judul else "Figure")
        pp = self.para_props(env_f)
        if len(isi) == 1 and isi[0][0] in ("plain", "para") and len(isi[0][1]) == 1 \
                and isi[0][1][0][0] == "img":
            konten = [f"<w:p>{pp}{''.join(self.inline(isi[0][1][0], env))}</w:p>"]
        else:
            raise _tak_dikenal("<figure> yang bukan satu gambar")
        cap = []
        if judul:
            j = [("para", x[1]) if x[0] in ("plain", "para") else x for x in judul[:1]] + judul[1:]
            cap = self.blocks(j, self.with_pstyle(env, "Image Caption"))
        return self.bookmark(ident, konten + cap)

    # -- tables

    def tabel(self, b: tuple, env: dict) -> list[str]:
        _, ident, judul, kepala, badan = b
        semua = kepala + [r for bd in badan for r in bd]
        ncol = max((sum(c[1] for c in r) for r in semua), default=0)
        if not semua or ncol == 0:
            raise _tak_dikenal("<table> kosong")
        sederhana = all(len(c[2]) == 0 or (len(c[2]) == 1 and c[2][0][0] in ("plain", "para")
                                           and not _ada_br(c[2][0][1]))
                        for r in semua for c in r)
        self.first = True
        cap_str = _rangkai([x for blk in judul for x in (blk[1] if blk[0] in ("plain", "para")
                                                           else [])])
        cap_xml = self.blocks(judul, self.with_pstyle(env, "Table Caption")) if judul else []
        self.in_table = True
        env_t = {**env, "level": -1}
        baris_badan = next((bd[0] for bd in badan if bd), [])  # pandoc's calculateAlignments:
        rata = [c[3] for c in baris_badan for _ in range(c[1])]  # the first body row's
        rata = (rata + [""] * ncol)[:ncol]
        baris: list[Baris] = []
        self.tabel_dalam += 1
        try:
            if kepala:
                baris += self.bagian_tabel(kepala, ncol, env_t, True, rata)
            for bd in badan:
                baris += self.bagian_tabel(bd, ncol, env_t, False, rata)
        finally:
            self.tabel_dalam -= 1
        if sederhana:
            grid = [f'<w:gridCol w:w="{7920 // ncol}" />'] * ncol
            tblw, tetap = '<w:tblW w:type="auto" w:w="0" />', ""
        else:
            grid = [f'<w:gridCol w:w="{int(7920 * (1 / ncol))}" />'] * ncol
            tblw = f'<w:tblW w:type="pct" w:w="{round(5000 * sum([1 / ncol] * ncol))}" />'
            tetap = '<w:tblLayout w:type="fixed" />'
        kep = "1" if kepala else "0"
        look = ("0020" if kepala else "0000")
        ind = ""
        if env["level"] >= 0:
            ind = (f'<w:jc w:val="left" /><w:tblInd w:w="{(env["level"] + 1) * 720}" '
                   f'w:type="dxa" />')
        tblpr = ['<w:tblStyle w:val="Table" />', tblw, ind, tetap,
                 f'<w:tblLook w:firstRow="{kep}" w:lastRow="0" w:firstColumn="0" '
                 f'w:lastColumn="0" w:noHBand="0" w:noVBand="0" w:val="{look}" />',
                 f"<w:tblCaption w:val={quoteattr(cap_str)} />" if cap_str else ""]
        self.in_table = False
        tabel = Tabel([x for x in tblpr if x], grid, baris)
        rapi = self.rapi if self.tabel_dalam == 0 else None
        return self.bookmark(ident, cap_xml + [rapi(tabel, self) if rapi else tabel_xml(tabel)])

    def bagian_tabel(self, rows: list, ncol: int, env: dict, kepala: bool,
                     rata: list[str]) -> list[Baris]:
        n = len(rows)
        grid: list[list] = [[None] * ncol for _ in range(n)]
        for r, row in enumerate(rows):
            c = 0
            for rs, cs, isi, jc in row:
                while c < ncol and grid[r][c] is not None:
                    c += 1
                if c >= ncol:
                    break
                rs, cs = min(rs, n - r), min(cs, ncol - c)
                grid[r][c] = ("isi", rs, cs, isi, jc or rata[c])
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        if (rr, cc) != (r, c):
                            grid[rr][cc] = ("lanjut", r, c, cs)
        out = []
        for r in range(n):
            sel = []
            for c in range(ncol):
                g = grid[r][c] or ("isi", 1, 1, [], "")
                if g[0] == "isi":
                    env_sel = {**env, "pother": env["pother"] + [f'<w:jc w:val="{g[4]}" />']} \
                        if g[4] else env
                    sel.append(self.sel(g[1], g[2], g[3], env_sel))
                elif g[1] != r and g[2] == c:
                    sel.append(Sel(g[3], f'<w:gridSpan w:val="{g[3]}" />'
                                         '<w:vMerge w:val="continue" />', ["<w:p><w:pPr /></w:p>"]))
            if sel:
                out.append(Baris(kepala, sel))
        return out

    def sel(self, rs: int, cs: int, isi: list, env: dict) -> Sel:
        es = self.blocks(isi, env)
        tcpr = (f'<w:gridSpan w:val="{cs}" />' if cs > 1 else "") + (
            '<w:vMerge w:val="restart" />' if rs > 1 else "")
        if not isi:
            es = [f"<w:p><w:pPr>{self.pstyle('Compact')}</w:pPr></w:p>"]
        else:
            el = [e for e in es if e.startswith("<")]
            if not (el and (el[-1].startswith("<w:p>") or el[-1].startswith("<w:p ")
                            or (el[-1].startswith("<w:bookmarkEnd") and len(el) > 1
                                and el[-2].startswith("<w:p")))):
                es = es + ["<w:p />"]
        return Sel(cs, tcpr, es)

    # -- inlines

    def inlines(self, inl: list, env: dict) -> list[str]:
        out = []
        for x in _gabung_spasi(inl):
            out += self.inline(x, env)
        return out

    def rpr(self, env: dict) -> str:
        props = list(env["rother"])
        if env["rstyle"]:
            props = [env["rstyle"]] + props
        return f"<w:rPr>{''.join(_urut(props))}</w:rPr>" if props else ""

    def run_teks(self, s: str, env: dict) -> list[str]:
        """pandoc's ``formattedString``: a run of the text, a soft hyphen (U+00AD) a
        ``w:softHyphen`` run of its own."""
        if "\xad" in s:
            lunak = f"<w:r>{self.rpr(env)}<w:softHyphen /></w:r>"
            out = []
            for i, bagian in enumerate(s.split("\xad")):
                out += ([lunak] if i else []) + self.run_teks(bagian, env)
            return out
        s = _TAK_SAH.sub("", s)
        if not s:
            return []
        return [f'<w:r>{self.rpr(env)}<w:t xml:space="preserve">{escape(s)}</w:t></w:r>']

    def inline(self, x: tuple, env: dict) -> list[str]:
        jenis = x[0]
        if jenis == "str":
            return self.run_teks(x[1], env)
        if jenis in ("space", "soft"):
            return self.run_teks(" ", env)
        if jenis == "br":
            return ["<w:r><w:br /></w:r>"]
        if jenis in _FORMAT:
            return self.inlines(x[1], {**env, "rother": list(_FORMAT[jenis]) + env["rother"]})
        if jenis == "span":
            _, ident, kelas, kvs, isi = x
            for k, _v in kvs:
                if k in _ATRIBUT_BERMAKNA:
                    raise _tak_dikenal(f"{_ATRIBUT_BERMAKNA[k]} pada <span>", _rangkai(isi))
            if kelas == ["mark"] and not ident and not kvs:  # pandoc: highlighted
                env = {**env, "rother": ['<w:highlight w:val="yellow" />'] + env["rother"]}
            return self.bookmark(ident, self.inlines(isi, env))
        if jenis == "code":  # pandoc's Code, not highlighted: its lines, Verbatim Char
            env = {**env, "rstyle": '<w:rStyle w:val="VerbatimChar" />'}
            out = []
            for i, baris in enumerate(_baris(x[1])):
                out += (["<w:r><w:br /></w:r>"] if i else []) + self.run_teks(baris, env)
            return out
        if jenis == "quoted":
            buka, tutup = _KUTIP[x[1]]
            return self.inlines([("str", buka)] + x[2] + [("str", tutup)], env)
        if jenis == "img":
            return self.bookmark(x[1], self.gambar_xml(x[2], x[3], x[4], x[5], x[6]))
        if jenis == "link":  # pandoc's: runs in the Hyperlink style, to a bookmark or a URL
            _, href, isi = x
            runs = "".join(self.inlines(isi, {**env, "rstyle": '<w:rStyle w:val="Hyperlink" />'}))
            if href.startswith("#"):
                return [f"<w:hyperlink w:anchor={quoteattr(nama_penanda(href[1:]))}>{runs}"
                        "</w:hyperlink>"]
            if href not in self.tautan:
                self.tautan[href] = "rId" + self.uid()
            return [f'<w:hyperlink r:id="{self.tautan[href]}">{runs}</w:hyperlink>']
        raise _tak_dikenal(f"inline {jenis}")

    def gambar_xml(self, src: str, title: str, alt: str, lebar_attr: str | None = None,
                   tinggi_attr: str | None = None) -> list[str]:
        if src not in self.gambar:
            data = self.gambar_berkas.get(src)
            if data is None and src.startswith("data:"):  # word_html keeps PNG, JPEG, GIF, SVG
                raise _tak_dikenal(f"gambar {src[5:].split(';')[0].split(',')[0]!r} (bukan PNG, "
                                   "JPEG atau GIF)", alt, SARAN_GAMBAR)
            if data is None:  # a file or URL: the edition holds only what the notebook does
                raise _tak_dikenal(f"gambar yang tidak tertanam di notebook: {src[:80]!r}",
                                   alt, SARAN_GAMBAR)
            try:
                akhiran, _jenis, ukuran = ukuran_gambar(data)
            except BentukTakDikenal as e:
                e.cuplikan = e.cuplikan or (alt if alt != _ALT_NBCONVERT else "")
                e.masalah = [e._masalah()]
                raise
            rid = "rId" + self.uid()
            self.gambar[src] = (rid, f"media/{rid}.{akhiran}", data)
        rid, _, data = self.gambar[src]
        docpr, nvpic = self.uid(), self.uid()
        w, h, dx, dy = ukuran_gambar(data)[2]
        xpt, ypt = _ukuran_diminta(lebar_attr, tinggi_attr, w, h, dx, dy)
        persen = _panjang(lebar_attr)
        lebar = (self.lebar_pt * int(persen[0] * 127) if persen and persen[1] == "%"
                 else self.lebar_pt * 12700)  # pandoc: a width in % is of the text's width
        if xpt * 12700 > lebar:
            cx, cy = lebar, int(lebar / (xpt * 12700) * (ypt * 12700))
        else:
            cx, cy = int(xpt * 12700), int(ypt * 12700)
        descr = re.sub(r"[ \t\n\r\f]+", " ", alt)
        return [
            f'<w:r><w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}" />'
            '<wp:effectExtent b="0" l="0" r="0" t="0" />'
            f'<wp:docPr descr={quoteattr(descr)} title={quoteattr(title)} id="{docpr}" '
            'name="Picture" /><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr descr={quoteattr(src)} id="{nvpic}" name="Picture" />'
            '<pic:cNvPicPr><a:picLocks noChangeArrowheads="1" noChangeAspect="1" />'
            f'</pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}" />'
            '<a:stretch><a:fillRect /></a:stretch></pic:blipFill><pic:spPr bwMode="auto">'
            f'<a:xfrm><a:off x="0" y="0" /><a:ext cx="{cx}" cy="{cy}" /></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst /></a:prstGeom><a:noFill /><a:ln w="9525">'
            '<a:noFill /><a:headEnd /><a:tailEnd /></a:ln></pic:spPr></pic:pic>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>']


def _dalam_butir(el, dl) -> bool:
    """Whether `el` is inside a <dt> or <dd> below the definition list `dl`."""
    a = el.getparent()
    while a is not None and a is not dl:
        if _nama(a) in ("dt", "dd"):
            return True
        a = a.getparent()
    return False


def _tugas(isi: list) -> tuple[bool, list] | None:
    """pandoc's ``toTaskListItem``: (checked, the item without its box) of a list item that
    opens with a task list's box and a space (`Pembaca.inline`'s ``<input>``), else None."""
    if isi and isi[0][0] in ("plain", "para") and len(isi[0][1]) >= 2 and \
            isi[0][1][0] in (("str", "\u2610"), ("str", "\u2612")) and isi[0][1][1] == ("space",):
        return isi[0][1][0][1] == "\u2612", [[(isi[0][0], isi[0][1][2:])] + isi[1:]]
    return None


def _rangkai_blok(blok: list) -> str:
    """The text of blocks (for an error's snippet)."""
    out = []
    for b in blok:
        if b[0] in ("para", "plain", "header"):
            out.append(_rangkai(b[-1]))
        elif b[0] == "deflist":
            out += [_rangkai(t) + " " + " ".join(map(_rangkai_blok, d)) for t, d in b[1]]
        elif b[0] == "code":
            out.append(b[1])
        elif b[0] in ("div", "quote"):
            out.append(_rangkai_blok(b[-1]))
        elif b[0] in ("bullet", "ordered"):
            out += [_rangkai_blok(butir) for butir in b[-1]]
    return " ".join(out)


def _baris(teks: str) -> list[str]:
    """Haskell's ``T.lines``: split at each newline, none after the last.

    >>> _baris("a\\nb\\n"), _baris("")
    (['a', 'b'], [])
    """
    out = teks.split("\n")
    return out[:-1] if out[-1] == "" else out


def _panjang(s: str | None) -> tuple[float, str] | None:
    """pandoc's ``lengthToDim`` of an <img>'s width or height: (number, unit), the unit one
    of cm mm in inch % px pt pc em ("" is px), None for another.

    >>> _panjang("300"), _panjang("2.5cm"), _panjang("50%"), _panjang("auto")
    ((300.0, 'px'), (2.5, 'cm'), (50.0, '%'), None)
    """
    m = re.match(r"[\d.]*", s or "")
    angka, satuan = m.group(0), (s or "")[m.end():]
    if not re.fullmatch(r"\d+(\.\d+)?", angka) or satuan not in _SATUAN:
        return None
    return float(angka), satuan or "px"


_SATUAN = {  # pandoc's inInch of each unit (a pixel at its default 96 dpi)
    "cm": lambda a: a * 0.3937007874, "mm": lambda a: a * 0.03937007874, "in": lambda a: a,
    "inch": lambda a: a, "%": None, "px": lambda a: int(a) / 96, "": lambda a: int(a) / 96,
    "pt": lambda a: a / 72, "pc": lambda a: a / 6, "em": lambda a: a * (11 / 64)}


def _ukuran_diminta(lebar: str | None, tinggi: str | None, w: int, h: int, dx: int,
                    dy: int) -> tuple[float, float]:
    """pandoc's ``desiredSizeInPoints``: an <img>'s width and height attributes in points
    (a pixel at 96 dpi; a percentage not a size), the other side kept in the picture's
    ratio, else its own size (`ukuran_png`'s pixels and resolution).

    >>> _ukuran_diminta("300", None, 400, 200, 96, 96)
    (225.0, 112.5)
    >>> _ukuran_diminta(None, "1in", 400, 200, 96, 96), _ukuran_diminta("50%", None, 40, 20, 72, 72)
    ((144.0, 72.0), (40.0, 20.0))
    """
    def titik(s):
        d = _panjang(s)
        if d is None or d[1] == "%":
            return None
        return 72 * _SATUAN[d[1]](d[0])

    x, y, rasio = titik(lebar), titik(tinggi), w / h
    if x is not None and y is not None:
        return x, y
    if x is not None:
        return x, x / rasio
    if y is not None:
        return y * rasio, y
    return w / dx * 72, h / dy * 72


def _ada_br(inl: list) -> bool:
    for x in inl:
        if x[0] in ("br", "soft"):
            return True
        if x[0] in _FORMAT and _ada_br(x[1]):
            return True
        if x[0] == "span" and _ada_br(x[4]):
            return True
    return False


def _gabung_spasi(inl: list) -> list:
    """pandoc's ``convertSpace``: adjacent strings, and strings around one space, are one."""
    out: list = []
    for x in inl:
        if x[0] == "str" and out and out[-1][0] == "str":
            out[-1] = ("str", out[-1][1] + x[1])
        elif (x[0] == "str" and len(out) >= 2 and out[-1][0] == "space"
              and out[-2][0] == "str"):
            out.pop()
            out[-1] = ("str", out[-1][1] + " " + x[1])
        else:
            out.append(x)
    return out


# ---------------------------------------------------------------- the package

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS_DOC = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:w10="urn:schemas-microsoft-com:office:word" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')
_XML = '<?xml version="1.0" encoding="UTF-8"?>'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_BASE_RELS = ("numbering.xml", "styles.xml", "settings.xml", "webSettings.xml",
              "fontTable.xml", "theme/theme1.xml", "footnotes.xml", "comments.xml")
_JENIS_REL = {"numbering.xml": "numbering", "styles.xml": "styles", "settings.xml": "settings",
              "webSettings.xml": "webSettings", "fontTable.xml": "fontTable",
              "theme/theme1.xml": "theme", "footnotes.xml": "footnotes",
              "comments.xml": "comments"}
_CT = "application/vnd.openxmlformats-officedocument."
_OVERRIDE = (("/word/webSettings.xml", _CT + "wordprocessingml.webSettings+xml"),
             ("/word/numbering.xml", _CT + "wordprocessingml.numbering+xml"),
             ("/word/settings.xml", _CT + "wordprocessingml.settings+xml"),
             ("/word/theme/theme1.xml", _CT + "theme+xml"),
             ("/word/fontTable.xml", _CT + "wordprocessingml.fontTable+xml"),
             ("/docProps/app.xml", _CT + "extended-properties+xml"),
             ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
             ("/docProps/custom.xml", _CT + "custom-properties+xml"),
             ("/word/styles.xml", _CT + "wordprocessingml.styles+xml"),
             ("/word/document.xml", _CT + "wordprocessingml.document.main+xml"),
             ("/word/comments.xml", _CT + "wordprocessingml.comments+xml"),
             ("/word/footnotes.xml", _CT + "wordprocessingml.footnotes+xml"))
_FOOTNOTES = (_XML + f"<w:footnotes {_NS_DOC}>"
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
              "<w:continuationSeparator /></w:r></w:p></w:footnote>"
              '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator /></w:r>'
              "</w:p></w:footnote></w:footnotes>")
_RELS_KOSONG = (_XML + '<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships" />')


class Referensi:
    """What the writer takes from the reference document, read once a process."""

    def __init__(self, path):
        from lxml import etree

        with zipfile.ZipFile(path) as z:
            self.bagian = {n: z.read(n) for n in z.namelist()}
        doc = self.bagian["word/document.xml"].decode("utf-8")
        self.sectpr = _atribut_urut(re.search(r"<w:sectPr\b.*</w:sectPr>", doc, re.S).group(0))
        ukuran = re.search(r"<w:pgSz\b[^>]*>", self.sectpr).group(0)
        tepi = re.search(r"<w:pgMar\b[^>]*>", self.sectpr).group(0)

        def nilai(el, nama):
            return int(re.search(rf'w:{nama}="(\d+)"', el).group(1))

        self.lebar_pt = (nilai(ukuran, "w") - nilai(tepi, "right") - nilai(tepi, "left")) // 20
        rels = etree.fromstring(self.bagian["word/_rels/document.xml.rels"])
        self.rels = [r for r in rels if r.get("Type").rsplit("/", 1)[-1]
                     in ("image", "header", "footer")]
        maks = max((int(r.get("Id")[3:]) for r in self.rels), default=0)
        self.rels_xml = [etree.tostring(r, encoding="unicode") for r in self.rels]
        self.kaki = ["/word/" + r.get("Target") for r in self.rels
                     if r.get("Type").endswith("/footer")]
        self.kepala = ["/word/" + r.get("Target") for r in self.rels
                       if r.get("Type").endswith("/header")]
        baru = []
        for target in reversed(_BASE_RELS):
            maks += 1
            baru.insert(0, f'<Relationship Type="{_REL}{_JENIS_REL[target]}" '
                           f'Id="rId{maks}" Target="{target}" />')
        self.rels_xml = baru + self.rels_xml
        self.id_awal = maks + 1
        gaya = etree.fromstring(self.bagian["word/styles.xml"])
        self.gaya = {s.find(f"{{{_W}}}name").get(f"{{{_W}}}val").lower()
                     for s in gaya.iter(f"{{{_W}}}style") if s.find(f"{{{_W}}}name") is not None}
        self.id_gaya: dict[str, str] = {}  # a style's id by its name (the first of that name)
        for s in gaya.iter(f"{{{_W}}}style"):
            nama = s.find(f"{{{_W}}}name")
            if nama is not None:
                self.id_gaya.setdefault(nama.get(f"{{{_W}}}val"), s.get(f"{{{_W}}}styleId"))
        num = etree.fromstring(self.bagian["word/numbering.xml"])
        self.num_lama = [etree.tostring(e, encoding="unicode") for e in num
                         if not _tambahan_pandoc(e)]
        self.num_buka = re.match(rb"(<\?xml[^>]*>\s*)?(<w:numbering\b[^>]*>)",
                                 self.bagian["word/numbering.xml"]).group(2).decode()


def _atribut_urut(xml: str) -> str:
    """Every tag's attributes in name order, as pandoc writes the reference's section
    properties back.

    >>> _atribut_urut('<w:pgSz w:w="11906" w:h="16838"/>')
    '<w:pgSz w:h="16838" w:w="11906"/>'
    """
    def urut(m):
        atribut = sorted(re.findall(r'(\S+?)="([^"]*)"', m.group(2)))
        return ("<" + m.group(1) + "".join(f' {k}="{v}"' for k, v in atribut)
                + m.group(3) + ">")

    return re.sub(r"<([\w:]+)((?:\s+\S+?=\"[^\"]*\")*)\s*(/?)>", urut, xml)


def _tambahan_pandoc(e) -> bool:
    a = e.get(f"{{{_W}}}abstractNumId") if e.tag == f"{{{_W}}}abstractNum" else None
    n = e.get(f"{{{_W}}}numId") if e.tag == f"{{{_W}}}num" else None
    return (a is not None and int(a) >= 990) or (n is not None and int(n) >= 1000)


_REFERENSI: dict[str, Referensi] = {}


def referensi(path) -> Referensi:
    kunci = str(path)
    if kunci not in _REFERENSI:
        _REFERENSI[kunci] = Referensi(path)
    return _REFERENSI[kunci]


def _penanda_id(penanda: tuple) -> str:
    if penanda[0] == "none":
        return "990"
    if penanda[0] == "bullet":
        return "991"
    if penanda[0] == "checkbox":
        return "993" if penanda[1] else "992"
    gaya = {"default": "2", "decimal": "4", "lowerRoman": "5", "upperRoman": "6",
            "lowerLetter": "7", "upperLetter": "8"}[penanda[1]]
    return f"99{gaya}0{penanda[2]}"


def _lvl(penanda: tuple, lvl: int) -> str:
    bawaan = ("decimal", "lowerLetter", "lowerRoman")
    if penanda[0] == "none":
        fmt, teks, huruf, awal = "bullet", " ", None, None
    elif penanda[0] == "checkbox":
        fmt, teks, huruf, awal = "bullet", "\u2612" if penanda[1] else "\u2610", None, None
    elif penanda[0] == "bullet":
        fmt, teks, huruf = (("bullet", "\uf0b7", "Symbol"), ("bullet", "o", "Courier New"),
                            ("bullet", "\uf0a7", "Wingdings"))[lvl % 3]
        awal = None
    else:
        fmt = bawaan[lvl % 6 % 3] if penanda[1] == "default" else penanda[1]
        teks, huruf, awal = f"%{lvl + 1}.", None, penanda[2]
    out = f'<w:lvl w:ilvl="{lvl}">'
    if awal is not None:
        out += f'<w:start w:val="{awal}" />'
    out += (f'<w:numFmt w:val="{fmt}" /><w:lvlText w:val={quoteattr(teks)} />'
            f'<w:lvlJc w:val="left" /><w:pPr><w:ind w:left="{lvl * 720 + 720}" '
            f'w:hanging="360" /></w:pPr>')
    if huruf:
        out += (f'<w:rPr><w:rFonts w:ascii="{huruf}" w:hAnsi="{huruf}" w:cs="{huruf}" '
                'w:hint="default" /></w:rPr>')
    return out + "</w:lvl>"


def _numbering(ref: Referensi, daftar: list[tuple]) -> str:
    abstrak, dilihat = [], set()
    for p in daftar:
        if p not in dilihat:
            dilihat.add(p)
            i = _penanda_id(p)
            abstrak.append(f'<w:abstractNum w:abstractNumId="{i}"><w:nsid w:val="'
                           f'{("A" + i).rjust(8, "0")}" /><w:multiLevelType w:val="multilevel" />'
                           + "".join(_lvl(p, n) for n in range(9)) + "</w:abstractNum>")
    num = []
    for k, p in enumerate(daftar):
        over = "" if p[0] != "number" else "".join(
            f'<w:lvlOverride w:ilvl="{n}"><w:startOverride w:val="{p[2]}" /></w:lvlOverride>'
            for n in range(9))
        num.append(f'<w:num w:numId="{BASE_LIST + k}"><w:abstractNumId '
                   f'w:val="{_penanda_id(p)}" />{over}</w:num>')
    lama_a = [e for e in ref.num_lama if e.startswith("<w:abstractNum")]
    lama_n = [e for e in ref.num_lama if e.startswith("<w:num ")]
    return (_XML + ref.num_buka + "".join(lama_a + abstrak + lama_n + num)
            + "</w:numbering>")


_GAYA_KODE = ('<w:style w:type="paragraph" w:customStyle="1" w:styleId="SourceCode">'
              '<w:name w:val="Source Code" /><w:basedOn w:val="Normal" />'
              '<w:link w:val="VerbatimChar" /><w:pPr><w:wordWrap w:val="off" /></w:pPr>'
              "</w:style>")


def _gaya_xml(ref: Referensi, bahasa: str | None, baru: list[str], kode: bool) -> bytes:
    xml = ref.bagian["word/styles.xml"].decode("utf-8")
    if bahasa:
        xml = re.sub(r'(<w:docDefaults>.*?<w:lang\b[^>]*?w:val=")[^"]*"',
                     lambda m: m.group(1) + bahasa + '"', xml, count=1, flags=re.S)
    if baru:
        tambah = "".join(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{_id_gaya(g)}">'
            f'<w:name w:val={quoteattr(g)} /><w:basedOn w:val="BodyText" /><w:qFormat />'
            "</w:style>" for g in sorted(baru))
        xml = xml.replace("</w:styles>", tambah + "</w:styles>")
    if kode and "source code" not in ref.gaya:
        xml = xml.replace("</w:styles>", _GAYA_KODE + "</w:styles>")
    return xml.encode("utf-8")


def _core(meta: dict[str, str], waktu: str) -> str:
    ekstra = {"description": "dc:description", "lang": "dc:language", "subject": "dc:subject",
              "category": "cp:category"}
    isi = [f"<dc:title>{escape(_satu_spasi(meta.get('title', '')))}</dc:title>",
           f"<dc:creator>{escape(_satu_spasi(meta.get('author', '')))}</dc:creator>"]
    isi += [f"<{ekstra[k]}>{escape(_satu_spasi(meta[k]))}</{ekstra[k]}>"
            for k in sorted(meta) if k in ekstra]
    isi.append("<cp:keywords />")
    isi += [f'<dcterms:{k} xsi:type="dcterms:W3CDTF">{waktu}</dcterms:{k}>'
            for k in ("created", "modified")]
    return (_XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
            '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + "".join(isi) + "</cp:coreProperties>")


def _custom(meta: dict[str, str]) -> str:
    lain = [k for k in sorted(meta) if k not in (
        "title", "author", "keywords", "subject", "lang", "category", "description")]
    isi = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{n}" '
                  f"name={quoteattr(k)}><vt:lpwstr>{escape(_satu_spasi(meta[k]))}</vt:lpwstr>"
                  "</property>" for n, k in enumerate(lain, 2))
    return (_XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{isi}</Properties>')


def _satu_spasi(s: str) -> str:
    """A metadata text as pandoc's reader and ``stringify`` give it back (whitespace as
    single spaces, none at the ends)."""
    return " ".join(re.split(r"[ \t\n\r\f]+", s)).strip(" ")


def _content_types(ref: Referensi, gambar) -> str:
    over = list(_OVERRIDE) + [(p, _CT + "wordprocessingml.header+xml") for p in ref.kepala] + [
        (p, _CT + "wordprocessingml.footer+xml") for p in ref.kaki] + [
        (f"/word/{path}", ukuran_gambar(data)[1]) for _, path, data in gambar]
    return (_XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml" />'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml" /><Default Extension="odttf" ContentType="application/vnd.'
            'openxmlformats-officedocument.obfuscatedFont" />'
            + "".join(f'<Override PartName="{p}" ContentType="{c}" />' for p, c in over)
            + "</Types>")


def _rels_tautan(tautan: Mapping[str, str]) -> list[str]:
    """The external links' relationships, by URL (pandoc's order)."""
    return [f'<Relationship Type="{_REL}hyperlink" Id="{rid}" Target={quoteattr(url)} '
            'TargetMode="External" />' for url, rid in sorted(tautan.items())]


def _doc_rels(ref: Referensi, gambar, tautan: Mapping[str, str]) -> str:
    img = [f'<Relationship Type="{_REL}image" Id="{rid}" Target="{path}" />'
           for rid, path, _ in gambar]
    return (_XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">' + "".join(ref.rels_xml + img + _rels_tautan(tautan))
            + "</Relationships>")


def pohon(html: str):
    """The tree of the prepared HTML: read as XML (BeautifulSoup writes it well-formed:
    ~4 ms for the edition, its HTML parser ~0,3 CPU-s), else by BeautifulSoup's HTML parser
    and copied into the same kind of tree."""
    from lxml import etree

    try:
        return etree.fromstring(html.encode("utf-8"), etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError:
        from bs4 import BeautifulSoup

        from lkjip.pungut import tanpa_pungut

        akar = etree.Element("body")
        with tanpa_pungut():  # the tree is freed at once after it (`lkjip.pungut`)
            _salin(BeautifulSoup(html, "html.parser"), akar)
        return akar


def _salin(tag, induk) -> None:
    """BeautifulSoup's `tag`'s contents copied under the lxml element `induk`."""
    from bs4 import Comment, Doctype, NavigableString, ProcessingInstruction

    akhir = None
    for c in tag.contents:
        if isinstance(c, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(c, NavigableString):
            if akhir is None:
                induk.text = (induk.text or "") + str(c)
            else:
                akhir.tail = (akhir.tail or "") + str(c)
            continue
        akhir = induk.makeelement(c.name.rsplit(":", 1)[-1], {
            k: " ".join(v) if isinstance(v, list) else v for k, v in c.attrs.items()
            if re.fullmatch(r"[A-Za-z_][\w.-]*", k)})
        induk.append(akhir)
        _salin(c, akhir)


def baca(html, pembaca: Pembaca | None = None) -> list:
    """The blocks of the prepared HTML `html` (a string, or its tree: `pohon`), as pandoc's
    reader makes them, sections made (`_bagian`)."""
    akar = pohon(html) if isinstance(html, str) else html
    pembaca = pembaca or Pembaca()
    return _bagian(pembaca.blok([akar]))


def tulis_docx(html, gambar: Mapping[str, bytes], path_referensi, *,
               waktu: datetime | None = None,
               rapi: Callable[[Tabel, Penulis], str] | None = None) -> bytes:
    """The .docx of the prepared HTML `html` (`lkjip.word_html.siapkan_pohon`) with its
    pictures `gambar` (file name -> PNG bytes), in the package of the reference document at
    `path_referensi`; its parts stored uncompressed (`lkjip.word` saves it compressed after
    its pass). `rapi(tabel, penulis)`, when given, writes each table of the body (not one
    inside a cell) instead of `tabel_xml`: the house style of `lkjip.word` (borders, widths,
    the font size), written with the table rather than changed afterwards."""
    ref = referensi(path_referensi)
    pembaca = Pembaca()
    blok = baca(html, pembaca)
    penulis = Penulis(gambar, ref.lebar_pt, ref.id_awal, ref.gaya)
    penulis.ref_id_gaya, penulis.rapi = ref.id_gaya, rapi
    penulis.first = True
    env = {"pstyle": None, "pother": [], "rstyle": None, "rother": [], "level": -1,
           "numid": 1}
    badan = penulis.blocks(blok, env)
    dokumen = (_XML + f"\n<w:document {_NS_DOC}>\n<w:body>\n"
               + "\n".join(badan) + "\n" + ref.sectpr + "\n</w:body>\n</w:document>")
    gbr = [penulis.gambar[k] for k in sorted(penulis.gambar)]  # pandoc: by source
    waktu = (waktu or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    bagian = dict(ref.bagian)
    bagian.update({
        "word/document.xml": dokumen.encode("utf-8"),
        "word/numbering.xml": _numbering(ref, penulis.daftar).encode("utf-8"),
        "word/styles.xml": _gaya_xml(ref, pembaca.meta.get("lang"), penulis.gaya_baru,
                                     penulis.kode),
        "[Content_Types].xml": _content_types(ref, gbr).encode("utf-8"),
        "word/_rels/document.xml.rels": _doc_rels(ref, gbr, penulis.tautan).encode("utf-8"),
        "docProps/core.xml": _core(pembaca.meta, waktu).encode("utf-8"),
        "docProps/custom.xml": _custom(pembaca.meta).encode("utf-8"),
        "word/footnotes.xml": _FOOTNOTES.encode("utf-8"),
        "word/_rels/footnotes.xml.rels": (  # pandoc lists the links here too
            _RELS_KOSONG.replace(" />", ">" + "".join(_rels_tautan(penulis.tautan))
                                 + "</Relationships>") if penulis.tautan
            else _RELS_KOSONG).encode("utf-8"),
    })
    for _, path, data in gbr:
        bagian["word/" + path] = data
    keluar = io.BytesIO()  # stored, not deflated: python-docx reads it at once and writes the
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_STORED) as z:  # file compressed (~0,02 s)
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return keluar.getvalue()

