"""The edition's reader HTML as the Word writer (`lkjip.word_tulis`) should read it for the Word
edition (`lkjip.word`; split from it): tooltips, marks and screen-only parts left out, captions
as table captions, charts as PNG files, lists of contents as markers for Word's TOC fields,
paragraphs that need a Word style wrapped in a ``data-custom-style`` div (pandoc's name, kept),
and lkjip's own class attributes dropped.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from html import escape

from bs4 import BeautifulSoup, Tag

GAYA_SAMPUL = "Sampul"
GAYA_SUMBER = "Sumber Tabel"
GAYA_KIRI = "Rata Kiri"  # lines broken by hand (the PK's parties, lists of contents)
PENANDA = "LKJIP-DAFTAR:"  # before a list's entries: the TOC field's place (`lkjip.word._daftar`)
AKHIR = "LKJIP-DAFTAR-AKHIR"  # after a list's entries: a body paragraph may follow, no heading


def cari(akar, nama: str | frozenset | None = None, kelas: str | None = None,
         ber_id: bool = False) -> list:
    """The elements under `akar`, in document order, that ``akar.find_all(nama,
    class_=kelas, id=True if ber_id)`` finds (`nama`: one name or a set of names; `kelas`: one
    class name), in one walk over its descendants: BeautifulSoup matches a filter on
    attributes or on several names ~3-6x slower than this test (issue 15). Here, the lowest
    of the modules that walk the report's tree (`lkjip.ekspor_daftar` and `lkjip.ekspor_cetak`
    use it too).

    >>> from bs4 import BeautifulSoup
    >>> s = BeautifulSoup('<div class="a b" id="x"><p class="b">1</p><p id="">2</p>'
    ...                   '<h1 class="b c">3</h1></div>', "html.parser")
    >>> [t.text for t in cari(s, "p", "b")] == [t.text for t in s.find_all("p", class_="b")]
    True
    >>> [t.name for t in cari(s, frozenset({"p", "h1"}), ber_id=True)]
    ['p']
    >>> [t.name for t in cari(s, kelas="b")] == [t.name for t in s.find_all(class_="b")]
    True
    """
    return saring(akar.descendants, nama, kelas, ber_id)


def saring(simpul, nama: str | frozenset | None = None, kelas: str | None = None,
           ber_id: bool = False) -> list:
    """The elements among `simpul` (nodes in document order: ``akar.descendants``, or a list
    of them made by an earlier `saring`) that `cari` finds, tested now: a list of a tree's
    elements made once serves several searches, as long as no element was added, removed or
    moved in between (a walk of the edition's tree ~4 ms, a search of its 6 700 elements in
    a list ~1 ms, issue 15).

    >>> from bs4 import BeautifulSoup
    >>> s = BeautifulSoup('<p id="a" class="x">1</p><figure class="x"></figure>',
    ...                   "html.parser")
    >>> semua = saring(s.descendants)
    >>> s.p["class"] = "y"
    >>> [t.name for t in saring(semua, kelas="x")], len(saring(semua, ber_id=True))
    (['figure'], 1)
    """
    if isinstance(nama, str):
        nama = frozenset((nama,))
    return [t for t in simpul if isinstance(t, Tag)
            and (nama is None or t.name in nama)
            and (kelas is None or _berkelas(t, kelas))
            and (not ber_id or t.get("id") is not None)]


def _berkelas(tag, kelas: str) -> bool:
    """Whether `tag` matches ``class_=kelas`` as BeautifulSoup matches it: one of its classes,
    or its whole class attribute."""
    k = tag.get("class")
    return k == kelas or (isinstance(k, list) and (kelas in k or " ".join(k) == kelas))


def _bungkus(soup, el, gaya: str) -> None:
    """Wrap an element in a div whose paragraphs get a Word style (``data-custom-style``)."""
    div = soup.new_tag("div", attrs={"data-custom-style": gaya})
    el.wrap(div)


def _dibuang(tag) -> bool:
    """Not for Word: tooltips, the DRAF marks (Word's are `_draf`'s), styles, scripts, the
    title, headings' anchor links (the CSS selector ``.lk-jejak-isi, sup.lk-jejak-nomor,
    .lk-draf, .lk-draf-layar, style, script, title, a.anchor-link``, as one function: a
    one walk of the document, soupsieve's select several)."""
    kelas = tag.get("class") or ()
    return (tag.name in ("style", "script", "title")
            or not {"lk-jejak-isi", "lk-draf", "lk-draf-layar"}.isdisjoint(kelas)
            or (tag.name == "sup" and "lk-jejak-nomor" in kelas)
            or (tag.name == "a" and "anchor-link" in kelas))


def _siapkan(html: str, png: Mapping[str, bytes]) -> tuple[str, dict[str, bytes], set[str]]:
    """`siapkan_pohon` of the HTML `html`."""
    return siapkan_pohon(BeautifulSoup(html, "html.parser"), png)


def siapkan_pohon(soup, png: Mapping[str, bytes], tulis: Callable[[object], str] = str
                  ) -> tuple[str, dict[str, bytes], set[str]]:
    """The edition's HTML, parsed (`soup`: changed here), as the Word writer should read it: no
    tooltips, marks or screen-only parts; captions as table captions; charts as PNG (`png`,
    by figure id); lists of contents as markers for TOC fields. Returns it with its pictures
    by file name (`_gambar_berkas`) and the ids of its Gambar
    (`lkjip.word._keterangan_gambar`), what `lkjip.word.html_ke_docx` takes as ``siap``.
    The tree is written out by `tulis` (``str``, or what gives the same text faster:
    `lkjip.ekspor_daftar.tulis_html`, 0,126 -> ~0,03 CPU-s for the example's edition, issue 15).
    Its parts found in one walk each (`cari`), not by ``find_all``'s filters (~0,06 CPU-s);
    and the tree walked three times, not seven: once for what is left out, once for the
    elements the steps after it look for (`_unsur`: none of those steps adds an element they
    look for, and what they take out of the tree is left out of the lists), once at the end
    for the pictures and the classes (a walk of the edition's tree ~5 ms, issue 15)."""
    for el in [t for t in soup.descendants if isinstance(t, Tag) and _dibuang(t)]:
        el.decompose()
    unsur = _unsur(soup)
    keluar: set[int] = set()  # the elements taken out of the tree since `unsur` was made
    for main in saring(unsur, "main"):  # the cover stands before <main>, which pandoc read
        main.unwrap()                   # alone (the writer does not know <main>)
        keluar.add(id(main))
    for nav in saring(unsur, "nav", "lk-daftar-bagian"):
        judul = nav.find("h1")
        ident = escape(judul.get("id", ""))  # the entries' text as text: a title that reads
        keluar.update(id(x) for x in (nav, *nav.descendants))
        nav.replace_with(BeautifulSoup(  # like markup ("<img ...>") stays words
            f'<h1 id="{ident}">{escape(judul.get_text())}</h1><p>{PENANDA}{ident}</p>'
            + "".join(f"<p>{escape(li.get_text(' ', strip=True))}</p>"
                      for li in nav.find_all("li"))
            + f"<p>{AKHIR}</p>", "html.parser"))
    for p in saring(unsur, "p", "lk-pihak"):
        if id(p) not in keluar:
            _bungkus(soup, p, GAYA_KIRI)
    sampul = soup.find("section", class_="lk-sampul")
    if sampul is not None:
        for img in _gambar_data(sampul, "data:image/svg"):
            img.decompose()
        _bungkus(soup, sampul, GAYA_SAMPUL)
    # the figures (none taken out above: the cover's pictures are images), found once: none is
    # added, removed or moved below (a table's becomes a div)
    figur = [f for f in saring(unsur, "figure") if id(f) not in keluar]
    for fig in saring(figur, "figure", "lk-tabel"):
        _tabel_figur(soup, fig)
    for fig in saring(figur, "figure", "lk-grafik"):
        img = fig.find("img")
        if img is not None and fig.get("id") in png:
            img["src"] = "data:image/png;base64," + base64.b64encode(png[fig["id"]]).decode()
        for p in reversed(cari(fig, "p", "lk-sumber")):  # out of the figure: a figure
            fig.insert_after(p.extract())  # of several parts would be a table (pandoc's way)
            _bungkus(soup, p, GAYA_SUMBER)
    id_gambar = {f["id"] for f in saring(figur, "figure", "lk-jenis-gambar", ber_id=True)}
    unsur = _unsur(soup)
    gambar = _gambar_berkas(soup, unsur)
    _tanpa_kelas_sendiri(soup, unsur)
    return tulis(soup), gambar, id_gambar


def _unsur(akar) -> list:
    """The elements under `akar`, in document order (``saring(akar.descendants)``)."""
    return [t for t in akar.descendants if isinstance(t, Tag)]


_KELAS_SENDIRI = ("lk-", "jp-", "celltag_")  # lkjip's and JupyterLab's: nothing to Word


def _tanpa_kelas_sendiri(soup, unsur: list | None = None) -> None:
    """Drop the class attributes whose every class is lkjip's or JupyterLab's (`_KELAS_SENDIRI`):
    the writer gives meaning only to a few classes (``smallcaps``, as pandoc did), so the .docx
    is the same, but these were a third of the edition's Word HTML (73 of 240 KB), written out
    and read again for nothing (pandoc: ~0,04 CPU-s a report, issue 15). Other classes stay.

    >>> s = BeautifulSoup('<div class="jp-Cell lk-bab"><span class="smallcaps lk-x">a</span>'
    ...                   '</div>', "html.parser")
    >>> _tanpa_kelas_sendiri(s); str(s)
    '<div><span class="smallcaps lk-x">a</span></div>'

    `unsur`: the tree's elements as they are (`_unsur`), when made already.
    """
    for tag in [t for t in (_unsur(soup) if unsur is None else unsur)
                if t.get("class") is not None]:
        if all(k.startswith(_KELAS_SENDIRI) for k in tag.get_attribute_list("class")):
            del tag["class"]


_JENIS_GAMBAR = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif",
                 "image/svg+xml": "svg"}


def _gambar_berkas(soup, unsur: list | None = None) -> dict[str, bytes]:
    """Each picture embedded as a base64 ``data:`` URL replaced by a file name, returned with
    its bytes (another kind of source is left as it is).

    The writer copies an image's source into the picture's description in the .docx (as pandoc
    did): the charts given as ``data:`` URLs doubled the edition's size (445 KB, 736 KB of
    document XML) and cost pandoc 60 MB more memory (issue 15).

    >>> s = BeautifulSoup('<img src="data:image/png;base64,iVBO"><img src="x.png">',
    ...                   "html.parser")
    >>> _gambar_berkas(s), str(s)
    ({'gambar-1.png': b'\x89PN'}, '<img src="gambar-1.png"/><img src="x.png"/>')

    `unsur`: the tree's elements as they are (`_unsur`), when made already.
    """
    berkas = {}
    gambar = _gambar_data(soup, "data:") if unsur is None else [
        img for img in saring(unsur, "img") if img.get("src", "").startswith("data:")]
    for img in gambar:
        kepala, _, isi = img["src"].partition(",")
        jenis = _JENIS_GAMBAR.get(kepala[5:].split(";")[0])
        if jenis is not None and kepala.endswith(";base64"):
            nama = f"gambar-{len(berkas) + 1}.{jenis}"
            berkas[nama] = base64.b64decode(isi)
            img["src"] = nama
    return berkas


def _gambar_data(el, awal: str) -> list:
    """The ``img`` in `el` whose source starts with `awal` (``img[src^='data:']``)."""
    return [img for img in cari(el, "img") if img.get("src", "").startswith(awal)]


def _tabel_figur(soup, fig) -> None:
    """A report table: its figcaption becomes the table's caption, its notes a small style,
    and the figure itself goes (a figure would be laid out as a table around the table)."""
    tabel, judul = fig.find("table"), fig.find("figcaption")
    if tabel is not None and judul is not None:
        caption = soup.new_tag("caption")
        caption.string = " ".join(judul.get_text(" ").split())
        tabel.insert(0, caption)
        judul.decompose()
    for p in cari(fig, "p"):
        if _berkelas(p, "lk-sumber") or _berkelas(p, "lk-catatan"):
            _bungkus(soup, p, GAYA_SUMBER)
    fig.name = "div"
