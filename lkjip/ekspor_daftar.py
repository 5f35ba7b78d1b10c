"""The reader's HTML after the template, in one BeautifulSoup pass (split from `lkjip.ekspor`):
the lists of contents (Daftar Isi, Tabel, Grafik, Gambar) built from headings and captions,
repeated ids made unique, images given alternative text, and the marks the print sheet lays
out by (`lkjip.ekspor_cetak`: front matter and body, sentences kept with their figure, tables
kept whole).

Speed (issue 15): nbconvert's HTMLExporter ends with a BeautifulSoup parse, two CSS selects
and a serialisation of the whole document, and the lists of contents needed a second parse:
`lkjip.ekspor.LkjipHTMLExporter` renders the template without that pass and `sisipkan_daftar`
does everything in one parse, with ``find_all`` (a soupsieve select walks the whole tree per
call, and its first one in a process compiles its parser, ~0,08 s): 0,6 -> 0,35 CPU-s; the
working paper 0,27 -> 0,07. The Word edition's HTML is made from the same tree once it is
written (`sisipkan_daftar`'s ``lalu``), not from a parse of its own (~0,09 CPU-s a report).
The parse itself builds bs4's tree with one handler per html.parser event (`baca_html`):
0,42 -> 0,28 CPU-s for the example's reader HTML.
"""

import functools
from html import escape

from bs4 import BeautifulSoup, NavigableString

from lkjip.ekspor_cetak import cari, lekatkan, tandai_halaman
from lkjip.pungut import tanpa_pungut
from lkjip.tampil import DAFTAR_PENANDA, GARIS_UTUH, utuh
from lkjip.word_html import saring


def _teks_judul(el) -> str:
    for anchor in el.find_all("a", class_="anchor-link"):
        anchor.extract()
    return " ".join(el.get_text(" ").split())


def _butir(id_: str, teks: str, tingkat: int = 1) -> str:
    return f'<li class="lk-tingkat-{tingkat}"><a href="#{escape(id_)}">{escape(teks)}</a></li>'


def _bagian(id_: str, judul: str, butir: list[str]) -> str:
    return (
        f'<nav class="lk-daftar-bagian"><h1 id="{id_}">{judul}</h1>'
        f"<ol>{''.join(butir)}</ol></nav>"
    )


def _butir_gambar(semua: list, kelas: str, kecuali: str | None = None) -> list[str]:
    return [
        _butir(f["id"], _teks_judul(f.figcaption))
        for f in saring(semua, "figure", kelas, ber_id=True)
        if f.figcaption and not (kecuali and kecuali in f.get("class", []))
    ]


_ISI = frozenset(("h1", "h2", "h3", "div"))
_SEL = frozenset(("td", "th"))


def _butir_isi(semua: list, penanda, daftar: dict[str, tuple[str, list[str]]]) -> list[str]:
    """Daftar Isi entries for h1–h3 with an id, the lists that have entries in place of the
    marker."""
    butir = []
    for el in saring(semua, _ISI):
        if el is penanda:
            butir.append(_butir("daftar-isi", "DAFTAR ISI"))
            butir += [_butir(id_, judul) for id_, (judul, isi) in daftar.items() if isi]
        elif el.name != "div" and el.get("id") and not el.find_parent(class_="lk-sampul"):
            butir.append(_butir(el["id"], _teks_judul(el), int(el.name[1])))
    return butir


def _id_unik(semua: list) -> None:
    """Rename repeated ids (two chapters may both have "A. Umum"; a figure's tooltip shown
    twice, `lkjip.tampil_jejak.id_tooltip`) so each link and description has one target."""
    terpakai: set[str] = set()
    for el in saring(semua, ber_id=True):
        id_, n = el["id"], 1
        while el["id"] in terpakai:
            n += 1
            el["id"] = f"{id_}-{n}"
        terpakai.add(el["id"])
        if el["id"] != id_ and el.parent is not None:
            for fokus in el.parent.find_all(attrs={"aria-describedby": id_}, recursive=False):
                fokus["aria-describedby"] = el["id"]
    for anchor in saring(semua, "a", "anchor-link"):  # to its heading's id
        induk = anchor.find_parent(id=True)
        if induk is not None:
            anchor["href"] = f"#{induk['id']}"


def _alt_gambar(semua: list, log=None) -> None:
    """What nbconvert's HTMLExporter does after its template, in its own BeautifulSoup pass
    that `LkjipHTMLExporter` skips (one parse of the document instead of two): an image
    without alternative text gets nbconvert's. (Its other step, ``tabindex`` on cells under
    ``.jp-Notebook``, finds nothing: the lkjip template's body has no such class.)"""
    tanpa = [img for img in saring(semua, "img") if not img.has_attr("alt")]
    for img in tanpa:
        img["alt"] = "No description has been provided for this image"
    if tanpa and log is not None:
        log.warning("Alternative text is missing on %s image(s).", len(tanpa))


def _tabel_utuh(soup) -> None:
    """Mark a report table short enough to keep on one page ``lk-utuh`` (`tampil.utuh`). A
    table of more rows than `tampil.GARIS_UTUH` is not read: each row counts at least one
    line there (its cells' text, ~0,02 CPU-s a report, is read only for a table that may
    fit; issue 15)."""
    for fig in cari(soup, "figure", "lk-tabel"):
        baris = [tr for tbody in fig.find_all("tbody") for tr in tbody.find_all("tr", False)]
        if len(baris) > GARIS_UTUH:
            continue
        if utuh([[td.get_text() for td in cari(tr, _SEL)] for tr in baris]):
            fig["class"] = [*fig["class"], "lk-utuh"]


def sisipkan_daftar(html: str, log=None, lalu=None, tertulis=None):
    """Build Daftar Isi/Tabel/Grafik from headings and figcaptions; put them at the marker
    left by ``tampil.daftar()``, or right after the cover. One parse and one serialisation of
    the document for all of the exporter's passes (`_alt_gambar`; `ekspor_cetak`'s marks).
    With `lalu` (a function of the tree), ``(html, lalu(tree))``: the tree, once written, is
    `lalu`'s to change (the Word edition's HTML is made from it, `lkjip.ekspor.html_dan_word`,
    instead of from a second parse of the HTML). `tertulis(html)`, when given, is told the HTML
    as soon as it is written, before `lalu` runs (the early edition's print starts then,
    `lkjip.laporan.EdisiDini`)."""
    with tanpa_pungut():  # the tree is freed at once after it (`lkjip.pungut`)
        soup = _sisipkan_daftar(html, log)
        keluar = tulis_html(soup)
        if tertulis is not None:
            tertulis(keluar)
        return keluar if lalu is None else (keluar, lalu(seperti_dibaca(soup)))


def tulis_html(soup) -> str:
    """``str(soup)`` of a BeautifulSoup HTML tree (bs4 4.13 to 4.15's ``decode`` with the
    "minimal" formatter: attributes sorted, ``&``, ``<`` and ``>`` escaped in text and
    attribute values but in ``script`` and ``style``, an attribute value holding ``"`` quoted
    with ``'``, void elements written ``<br/>``), in one recursive walk: bs4 builds an event
    per node, formats each tag through several calls and escapes each string by a regular
    expression, ~4x as long (0,23 -> 0,06 CPU-s for the example's edition, issue 15). A node
    of a kind it does not know (a comment, the doctype) is written by bs4 itself.

    >>> s = BeautifulSoup('<!DOCTYPE html><p b="1" a="x">a &amp; b<br><script>1 < 2'
    ...                   '</script><!-- k --><input disabled></p>', "html.parser")
    >>> print(tulis_html(s))
    <!DOCTYPE html>
    <p a="x" b="1">a &amp; b<br/><script>1 < 2</script><!-- k --><input disabled=""/></p>
    >>> tulis_html(s) == str(s)
    True
    """
    from bs4 import Tag
    from bs4.element import AttributeValueWithCharsetSubstitution

    formatter = soup.formatter_for_name("minimal")
    teks_biasa = _teks_biasa()
    keluar: list[str] = []
    tambah = keluar.append

    def atribut(nilai) -> str:
        if isinstance(nilai, (list, tuple)):
            nilai = " ".join(nilai)
        elif not isinstance(nilai, str):
            nilai = str(nilai)
        elif isinstance(nilai, AttributeValueWithCharsetSubstitution):
            nilai = nilai.substitute_encoding("utf-8")
        if type(nilai) is str:
            nilai = nilai.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        else:
            nilai = formatter.attribute_value(nilai)
        return formatter.quoted_attribute_value(nilai)

    def tulis(tag) -> None:
        mentah = tag.name in formatter.cdata_containing_tags
        for anak in tag.contents:
            jenis = type(anak)
            if jenis in teks_biasa:
                tambah(anak if mentah else
                       anak.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
            elif jenis is Tag and not anak.hidden:
                nama = f"{anak.prefix}:{anak.name}" if anak.prefix else anak.name
                atr = "".join(f" {k}" if v is None else f" {k}={atribut(v)}"
                              for k, v in formatter.attributes(anak))
                if anak.is_empty_element:
                    tambah(f"<{nama}{atr}{formatter.void_element_close_prefix or ''}>")
                else:
                    tambah(f"<{nama}{atr}>")
                    tulis(anak)
                    tambah(f"</{nama}>")
            elif isinstance(anak, Tag):
                tambah(anak.decode(formatter=formatter))
            else:
                tambah(anak.output_ready(formatter))

    if soup.hidden:
        tulis(soup)
    else:
        return str(soup)
    return "".join(keluar)


@functools.cache
def _teks_biasa() -> frozenset[type]:
    """The string classes bs4 writes as plain text: `NavigableString` and its subclasses
    without a prefix, suffix or output of their own (a stylesheet's, a script's)."""
    import bs4.element

    return frozenset(c for c in vars(bs4.element).values()
            if isinstance(c, type) and issubclass(c, NavigableString)
            and c.output_ready is NavigableString.output_ready
            and not c.PREFIX and not c.SUFFIX)


_SPASI = "\x20\x0a\x09\x0c\x0d"  # ASCII whitespace, as BeautifulSoup's parser knows it


def seperti_dibaca(soup):
    """`soup` made the tree a parse of its HTML (``str(soup)``) would give: strings left side
    by side by moves joined, and a joined string of ASCII whitespace alone made one newline (a
    space without one), as BeautifulSoup's parser does outside ``pre`` and ``textarea`` (a
    document put in with ``replace_with``/``insert`` is put in as its children, no change).
    Returns `soup`. What is made from it afterwards is what a parse of the HTML written before
    would have given (`sisipkan_daftar`'s ``lalu``; tests/test_ekspor_daftar.py).

    >>> s = BeautifulSoup("<main><p>a</p>\\n<p>b</p>\\n</main>", "html.parser")
    >>> _ = s.main.append(s.find_all("p")[1].extract())
    >>> [str(x) for x in seperti_dibaca(s).main.contents]
    ['<p>a</p>', '\\n', '<p>b</p>']
    """
    for tag in [soup, *soup.find_all(True)]:
        if teks_bersebelahan(tag):
            _gabung_teks(tag)
    return soup


def teks_bersebelahan(tag) -> bool:
    """Whether two plain strings stand side by side among `tag`'s children. A tag of fewer
    than two children is answered at once, the others in a plain loop: three quarters of
    the edition's ~6 600 tags have at most one child, and `seperti_dibaca` asks of each
    (0,010 -> 0,004 CPU-s a report with ``any`` over ``pairwise``, issue 15).

    >>> s = BeautifulSoup("<p>a<b>b</b>c</p>", "html.parser")
    >>> teks_bersebelahan(s.p), teks_bersebelahan(s.b)
    (False, False)
    >>> _ = s.p.append("d"); teks_bersebelahan(s.p)
    True
    """
    isi = tag.contents
    if len(isi) < 2:
        return False
    sebelum = False
    for anak in isi:
        kini = type(anak) is NavigableString
        if kini and sebelum:
            return True
        sebelum = kini
    return False


def _gabung_teks(tag) -> None:
    """Each run of plain strings among `tag`'s children joined into one (see `seperti_dibaca`)."""
    rapat = any(t.name in ("pre", "textarea") for t in (tag, *tag.parents))
    i = 0
    while i < len(tag.contents):
        j = i
        while j < len(tag.contents) and type(tag.contents[j]) is NavigableString:
            j += 1
        if j - i > 1:
            teks = "".join(tag.contents[i:j])
            if not rapat and not teks.strip(_SPASI):
                teks = "\n" if "\n" in teks else " "
            for s in tag.contents[i + 1:j]:
                s.extract()
            tag.contents[i].replace_with(NavigableString(teks))
        i += 1


def _sisipkan_daftar(html: str, log):
    soup = baca_html(html)
    # the elements, found once for the steps before the lists are put in: those steps change
    # attributes and take headings' anchor links out, but no element they look for
    semua = saring(soup.descendants)
    _alt_gambar(semua, log)
    _id_unik(semua)
    penanda = soup.find("div", id="lkjip-daftar")
    if penanda is None:
        penanda = BeautifulSoup(DAFTAR_PENANDA, "html.parser").div
        soup.find("section", class_="lk-sampul").insert_after(penanda)
        semua = saring(soup.descendants)  # with the marker, where the lists' entries go
    # a list with no entry is left out (the working paper has tables but no chart)
    daftar = {"daftar-tabel": ("DAFTAR TABEL", _butir_gambar(semua, "lk-tabel")),
              "daftar-grafik": ("DAFTAR GRAFIK",
                                _butir_gambar(semua, "lk-grafik", kecuali="lk-jenis-gambar")),
              "daftar-gambar": ("DAFTAR GAMBAR", _butir_gambar(semua, "lk-jenis-gambar"))}
    html_daftar = _bagian("daftar-isi", "DAFTAR ISI", _butir_isi(semua, penanda, daftar))
    html_daftar += "".join(_bagian(id_, judul, isi) for id_, (judul, isi) in daftar.items()
                           if isi)
    penanda.replace_with(BeautifulSoup(html_daftar, "html.parser"))
    tandai_halaman(soup)
    lekatkan(soup)
    _tabel_utuh(soup)
    return soup


def baca_html(html: str):
    """``BeautifulSoup(html, "html.parser")``, the same tree (every node's attributes, links and
    classes, the soup's own state), built by `_Pembaca`: bs4 4.15 turns each html.parser event
    into several generic calls (a tag: the parser's handler, the soup's, `Tag.__init__` with
    its builder questions, ``pushTag``; a string: ``endData``, ``string_container``,
    ``object_was_parsed``), ~0,3 of its 0,44 CPU-s on the example's 775 kB reader HTML, which
    `_Pembaca` does in one handler each, with what it asks of the builder kept per tag name
    (issue 15). Checked once a process on a probe document against bs4's own parse
    (`_pohon_sama`, `_PROBE`); a bs4 that builds another tree there gets its own parser."""
    if not _pembaca_cocok():
        return BeautifulSoup(html, "html.parser")
    return _baca_cepat(html)


def _baca_cepat(html: str):
    from bs4.builder._htmlparser import HTMLParserTreeBuilder

    pembangun = HTMLParserTreeBuilder()
    # the builder's own feed, with `_Pembaca` as html.parser's handler (bs4 takes the class
    # there for its tests); removed again, the builder as bs4 makes it
    pembangun.feed = functools.partial(HTMLParserTreeBuilder.feed, pembangun,
                                       _parser_class=_kelas_pembaca())
    try:
        return BeautifulSoup(html, builder=pembangun)
    finally:
        del pembangun.feed


_SPASI_DATA = "\x20\x0a\x09\x0c\x0d"  # BeautifulSoup.ASCII_SPACES


def _akhir_data(soup) -> None:
    """``soup.endData()`` without a filter (``parse_only``) nor a string class asked: the text
    gathered so far made one string of the class its place asks (a stylesheet, a script...)
    and put in the tree after the last element."""
    data = soup.current_data
    teks = data[0] if len(data) == 1 else "".join(data)
    if not soup.preserve_whitespace_tag_stack and not teks.strip(_SPASI_DATA):
        teks = "\n" if "\n" in teks else " "
    soup.current_data = []
    kelas = NavigableString
    if soup.string_container_stack:
        kelas = soup.builder.string_containers.get(soup.string_container_stack[-1].name, kelas)
    # NavigableString(teks), then object_was_parsed's setup, in the attributes' order
    o = str.__new__(kelas, teks)
    o.hidden = False
    induk = soup.currentTag
    perbaiki = induk.next_element is not None
    isi = _sambung(soup, o)
    soup._most_recent_element = o
    isi.append(o)
    if perbaiki:
        soup._linkage_fixer(induk)


def _sambung(soup, o) -> list:
    """Link `o` (a new string or tag) after the last element parsed, as the last child of the
    open tag: its parent, element and sibling links set in the order bs4 sets them
    (``object_was_parsed``, ``Tag.__init__``) and its neighbours' links to it. Returns the
    open tag's children, to which the caller appends `o` once its own set-up is done."""
    induk = soup.currentTag
    o.parent = induk
    o.previous_element = sebelum = soup._most_recent_element
    if sebelum is not None:
        sebelum.next_element = o
    o.next_element = None
    o.next_sibling = None
    isi = induk.contents
    o.previous_sibling = kakak = isi[-1] if isi else None
    if kakak is not None:
        kakak.next_sibling = o
    return isi


@functools.cache
def _kelas_pembaca():
    """`_Pembaca`, made on first use (bs4's html.parser handler imported then)."""
    from bs4 import Tag
    from bs4.builder import nonwhitespace_re as kata
    from bs4.builder._htmlparser import BeautifulSoupHTMLParser

    class _Pembaca(BeautifulSoupHTMLParser):
        """bs4's html.parser handler whose start tags, end tags and text build the tree as
        ``BeautifulSoup.handle_starttag``/``handle_endtag``/``endData`` do with the
        html.parser builder (no ``parse_only``, no custom element classes, attributes
        repeated in a tag: the last one kept), each in one method; comments, declarations
        and references go through bs4's own handlers, on the same soup state."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._per_nama: dict[str, tuple] = {}

        def _nama(self, name: str) -> tuple:
            """What `Tag.__init__` asks the builder about a tag name: (can be empty, its
            string class or None, preserves whitespace, its attributes holding a list of
            words such as ``class``)."""
            b = self.soup.builder
            daftar = b.cdata_list_attributes or {}
            hasil = self._per_nama[name] = (
                b.can_be_empty_element(name), b.string_containers.get(name),
                name in b.preserve_whitespace_tags,
                tuple({*daftar.get("*", ()), *(daftar.get(name.lower()) or ())}))
            return hasil

        def handle_startendtag(self, name, attrs):
            self.handle_starttag(name, attrs, handle_empty_element=False)
            self.handle_endtag(name, check_already_closed=False)

        def handle_starttag(self, name, attrs, handle_empty_element=True):
            soup = self.soup
            b = soup.builder
            atr = self.attribute_dict_class()
            for k, v in attrs:
                atr[k] = "" if v is None else v
            baris, kolom = self.getpos()
            if soup.current_data:
                _akhir_data(soup)
            kosong, wadah, spasi, daftar = self._per_nama.get(name) or self._nama(name)
            # the builder's _replace_cdata_list_attribute_values: class="a b" -> ["a", "b"]
            for k in daftar:
                if k in atr:
                    atr[k] = b.attribute_value_list_class(kata.findall(atr[k]))
            # Tag(soup, builder, name, None, None, atr, parent, previous, sourceline, sourcepos)
            tag = Tag.__new__(Tag)
            tag.parser_class = soup.__class__
            tag.name = name
            tag.namespace = None
            tag._namespaces = {}
            tag.prefix = None
            tag.sourceline = baris
            tag.sourcepos = kolom
            tag.attribute_value_list_class = b.attribute_value_list_class
            tag.attrs = atr
            tag.known_xml = b.is_xml
            tag.contents = []
            isi = _sambung(soup, tag)
            tag.hidden = False
            if name == "meta":
                b.set_up_substitutions(tag)
            tag.can_be_empty_element = kosong
            tag.cdata_list_attributes = b.cdata_list_attributes
            tag.preserve_whitespace_tags = b.preserve_whitespace_tags
            tag.interesting_string_types = (
                tag.MAIN_CONTENT_STRING_TYPES if wadah is None else {wadah})
            soup._most_recent_element = tag
            # pushTag
            isi.append(tag)
            soup.tagStack.append(tag)
            soup.currentTag = tag
            soup.open_tag_counter[name] += 1
            if spasi:
                soup.preserve_whitespace_tag_stack.append(tag)
            if wadah is not None:
                soup.string_container_stack.append(tag)
            if handle_empty_element and kosong and not tag.contents:  # is_empty_element
                self.handle_endtag(name, check_already_closed=False)
                self.already_closed_empty_element.append(name)
            if self._root_tag_name is None:
                self._root_tag_encountered(name)

        def handle_endtag(self, name, check_already_closed=True):
            if check_already_closed and name in self.already_closed_empty_element:
                self.already_closed_empty_element.remove(name)
                return
            soup = self.soup
            if soup.current_data:
                _akhir_data(soup)
            if name == soup.ROOT_TAG_NAME:
                return
            tumpuk, buka = soup.tagStack, soup.open_tag_counter
            for _ in range(len(tumpuk) - 1, 0, -1):  # _popToTag
                if not buka.get(name):
                    break
                t = tumpuk.pop()  # popTag
                if t.name in buka:
                    buka[t.name] -= 1
                spasi, wadah = soup.preserve_whitespace_tag_stack, soup.string_container_stack
                if spasi and t == spasi[-1]:
                    spasi.pop()
                if wadah and t == wadah[-1]:
                    wadah.pop()
                if tumpuk:
                    soup.currentTag = tumpuk[-1]
                if name == t.name and t.prefix is None:
                    break

        def handle_data(self, data):
            self.soup.current_data.append(data)

    return _Pembaca


# every kind of node and event html.parser gives bs4: `_pembaca_cocok` parses it both ways
_PROBE = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    "<style>p > a { x: '&amp;' }</style><script>if (a < b && c) {}</script></head>"
    '<body class=" a  b " id=x data-a="1" data-a="2" hidden><!-- k -->'
    '<p rel="a b">x &amp; y &#233; &#x41; &nbsp; &bogus; &#99999999; &#xZZ; <br> <br/>'
    "<img src=a.png alt></br><p/>  \n  <b><i>c</b>d</i></p>"
    "<pre>\n  a  \n</pre><textarea>  </textarea>   <ruby>a<rt>b</rt><rp>(</rp></ruby>"
    "<template><td>x</template><table><tr><td>1<td>2</table>"
    "<svg viewBox='0 0 1 1'><path d='M0 0'/></svg><![CDATA[c]]><?pi x?>"
    "<div>\n</div><input disabled><span></span></div>< a>&lt;</body></html>\n"
)


@functools.cache
def _pembaca_cocok() -> bool:
    """Whether `_baca_cepat` builds bs4's own tree of `_PROBE` (once a process)."""
    try:
        return _pohon_sama(BeautifulSoup(_PROBE, "html.parser"), _baca_cepat(_PROBE))
    except Exception:  # noqa: BLE001 - a bs4 whose internals moved: its own parser
        return False


_TAUTAN = frozenset(("parent", "next_element", "previous_element", "next_sibling",
                     "previous_sibling", "_most_recent_element", "currentTag"))
_DAFTAR = frozenset(("contents", "tagStack", "preserve_whitespace_tag_stack",
                     "string_container_stack"))


def _pohon_sama(a, b) -> bool:
    """Whether two BeautifulSoup trees are the same: the same nodes in document order (by the
    children's lists), each of the same class and text with the same attributes (``vars``),
    its links (parent, siblings, elements) and lists (children, the soup's stacks) to the
    nodes at the same places, tag attributes of the same classes, the builders' state alike."""
    def urut(soup):  # by the children's lists, not by the links compared
        hasil, tumpuk = [], [soup]
        while tumpuk:
            x = tumpuk.pop()
            hasil.append(x)
            tumpuk += reversed(getattr(x, "contents", ()))
        return hasil

    def wujud(x, tempat):
        isi = {}
        for k, v in vars(x).items():
            if k in _TAUTAN:
                isi[k] = None if v is None else tempat.get(id(v), "luar")
            elif k in _DAFTAR:
                isi[k] = [tempat.get(id(c), "luar") for c in v]
            elif k == "attrs":
                isi[k] = (type(v), [(n, type(w), w) for n, w in v.items()])
            elif k == "builder":
                isi[k] = (type(v), {n: w for n, w in vars(v).items() if n != "soup"})
            else:
                isi[k] = v
        return type(x), str(x) if isinstance(x, str) else None, list(isi), isi

    na, nb = urut(a), urut(b)
    if len(na) != len(nb):
        return False
    ta = {id(x): i for i, x in enumerate(na)}
    tb = {id(x): i for i, x in enumerate(nb)}
    return all(wujud(x, ta) == wujud(y, tb) for x, y in zip(na, nb, strict=True))
