"""Display helpers the chapter notebooks call: tables, charts, headings, narrative.

Every helper returns an object with ``_repr_html_``; make it the last expression of a
cell (or pass it to ``display``) and the executed notebook holds it as ``text/html``.
All text (cells, captions, narrative) is HTML-escaped: it comes from files typed by hand.

>>> import pandas as pd
>>> html = tabel(pd.DataFrame({"Unit": ["<b>Camat</b>"]}), "1.1", "Personil").isi
>>> "&lt;b&gt;Camat&lt;/b&gt;" in html and 'id="tabel-1-1"' in html
True
>>> paragraf("5 < 6").isi
'<p class="lk-paragraf">5 &lt; 6</p>'
"""

import base64
import math
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import mistune
import pandas as pd

from lkjip.simpan_grafik import simpan_grafik

SAMPUL_MIME = "application/vnd.lkjip.sampul+json"
GRAFIK_PNG_MIME = "application/vnd.lkjip.grafik-png+json"  # {figure id: base64 PNG}
# {figure id: base64 SVG with its text as text}: the PDF's copy of a chart (`grafik`)
GRAFIK_CETAK_MIME = "application/vnd.lkjip.grafik-cetak+json"
DAFTAR_PENANDA = '<div class="lk-daftar" id="lkjip-daftar"></div>'
GARIS_UTUH = 16  # a table of up to this many text lines never splits across pages

_KELAS_SAH = re.compile(r"[a-z][a-z0-9_-]*")
_ID_SAH = re.compile(r"[a-z][a-z0-9-]*")
_ANGKA = re.compile(r"[-+−]?\s*(Rp\.?\s*)?[\d.,]+\s*%?|[-–]")


class _PenyajiNarasi(mistune.HTMLRenderer):
    """Markdown of the narasi files: raw HTML escaped, and an image shown as its text instead
    of an ``<img>``: a remote picture would be fetched by every reader of the HTML and by
    WeasyPrint for the PDF (a request from the office's data to anywhere), and a local one
    would reach outside the report."""

    def image(self, text: str, url: str, title: str | None = None) -> str:
        alt = mistune.util.striptags(text) or "tanpa keterangan"
        return (f'<span class="lk-gambar-teks">[gambar tidak dimuat: {escape(alt)} '
                f"({escape(url)})]</span>")


    def list(self, text: str, ordered: bool, **attrs) -> str:
        """A bullet list whose items the office numbered by hand ("- a. Camat;") prints with
        one marker: an ``<ol>`` of letters or digits, the typed markers taken out."""
        html = super().list(text, ordered, **attrs)
        return html if ordered else daftar_bernomor(html)


_BUTIR = re.compile(r"^\s*([a-z]|\d{1,2})[.)]\s+")


def utuh(baris) -> bool:
    """Whether a table is short enough to keep on one page (`GARIS_UTUH` lines): each row
    counts the lines of its longest cell at ~28 characters a line (the width of a description
    column in a PK table).

    >>> utuh([["1.", "Camat", "1"]] * 7), utuh([["1.", "x" * 150, "5"]] * 8)
    (True, False)
    """
    garis = sum(max(1, -(-max((len(str(sel)) for sel in b), default=0) // 28)) for b in baris)
    return garis <= GARIS_UTUH


def daftar_bernomor(html: str) -> str:
    """``<ul>`` whose items begin "a.", "b.", … (or "1.", "2.", …) in order as an ``<ol>``
    of that kind; any other list unchanged.

    >>> daftar_bernomor("<ul>\\n<li>a. Camat;</li>\\n<li>b. Sekretariat:<ol><li>x</li></ol>"
    ...                 "</li>\\n</ul>\\n")
    '<ol type="a">\\n<li>Camat;</li>\\n<li>Sekretariat:<ol><li>x</li></ol></li>\\n</ol>\\n'
    >>> daftar_bernomor("<ul><li>a. satu</li><li>c. dua</li></ul>")
    '<ul><li>a. satu</li><li>c. dua</li></ul>'
    """
    butir = _butir_langsung(html)
    if butir is None:  # markup the scan below does not read as BeautifulSoup does
        return _daftar_bernomor_soup(html)
    penanda = [_BUTIR.match(_TAG.sub("", html[awal:akhir])) for awal, akhir in butir]
    if not butir or not all(penanda) or [m.group(1) for m in penanda] != _harap(penanda):
        return html
    keluar, i = ['<ol type="a">' if penanda[0].group(1).isalpha() else "<ol>"], len("<ul>")
    for awal, akhir in butir:
        teks = next(m for m in _SIMPUL.finditer(html, awal, akhir) if m.group(1))
        keluar += [html[i:teks.start()], _BUTIR.sub("", teks.group(1), count=1)]
        i = teks.end()
    tutup = html.rindex("</ul>")
    return "".join(keluar) + html[i:tutup] + "</ol>" + html[tutup + len("</ul>"):]


_TAG = re.compile(r"<[^>]*>")
_SIMPUL = re.compile(r"([^<]+)|<[^>]*>")  # a text node (group 1) or a tag
_TAG_DAFTAR = re.compile(r"<(/?)(ul|ol|li)\b[^>]*>")


def _harap(penanda) -> list[str]:
    huruf = penanda[0].group(1).isalpha()
    return [chr(ord("a") + n) if huruf else str(n + 1) for n in range(len(penanda))]


def _butir_langsung(html: str) -> list[tuple[int, int]] | None:
    """(start, end) of the inner HTML of each item of the outer ``<ul>``, found by scanning
    its tags; None when the HTML is not the plain list mistune writes (an entity, a void
    tag, attributes on the list: BeautifulSoup would write those back otherwise, so
    `daftar_bernomor` asks it)."""
    if not html.startswith("<ul>") or "&" in html or "/>" in html or "<!" in html \
            or html.count("<ul") != html.count("</ul>"):
        return None
    butir, kedalaman, buka = [], 0, None
    for m in _TAG_DAFTAR.finditer(html):
        tutup, nama = m.group(1) == "/", m.group(2)
        if nama != "li":
            kedalaman += -1 if tutup else 1
            if kedalaman == 0:
                return butir if html[m.end():].strip() == "" and buka is None else None
        elif kedalaman == 1 and not tutup:
            buka = m.end()
        elif kedalaman == 1 and buka is not None:
            butir.append((buka, m.start()))
            buka = None
    return None


def _daftar_bernomor_soup(html: str) -> str:
    """`daftar_bernomor` through BeautifulSoup, for markup `_butir_langsung` leaves to it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    ul = soup.find("ul")
    butir = ul.find_all("li", recursive=False) if ul else []
    penanda = [_BUTIR.match(li.get_text()) for li in butir]
    if not butir or not all(penanda) or [m.group(1) for m in penanda] != _harap(penanda):
        return html
    for li in butir:
        teks = li.find(string=True)
        teks.replace_with(_BUTIR.sub("", str(teks), count=1))
    ul.name = "ol"
    if penanda[0].group(1).isalpha():
        ul["type"] = "a"
    return str(soup)


_markdown = mistune.create_markdown(renderer=_PenyajiNarasi(escape=True),
                                    plugins=["table", "strikethrough"])


@dataclass(frozen=True)
class Html:
    """A fragment of report HTML, shown by Jupyter as ``text/html``.

    ``png``: ``(figure id, base64 PNG)`` of the charts inside, carried under their own mime
    type for the Word edition (`grafik`); ``cetak``: ``(figure id, base64 SVG)``, the PDF's
    copy of each chart; no HTML exporter shows either."""

    isi: str
    ringkas: str = "HTML"
    png: tuple = ()
    cetak: tuple = ()

    def _repr_html_(self) -> str:
        """The fragment, with the report's table style when JupyterLab needs it (`lkjip.gaya`;
        the exporter removes it again)."""
        from lkjip.gaya import dengan_gaya

        return dengan_gaya(self.isi)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundel = {"text/html": self.isi, "text/plain": repr(self)}
        if self.png:
            bundel[GRAFIK_PNG_MIME] = dict(self.png)
        if self.cetak:
            bundel[GRAFIK_CETAK_MIME] = dict(self.cetak)
        return bundel

    def __html__(self) -> str:
        return self.isi

    def __str__(self) -> str:
        return self.isi

    def __repr__(self) -> str:
        return f"<{self.ringkas}>"


@dataclass(frozen=True)
class Sampul:
    """The cover's facts, handed to the exporter through the executed notebook."""

    nama_kecamatan: str
    kabupaten: str
    tahun: int
    provinsi: str = ""
    sintetis: bool = False
    draf: bool = False
    alamat: str = ""
    logo: str = ""  # a data: URI
    judul: str = ""  # the document's title when it is not the LKjIP (e.g. a quarterly report)
    periode: str = ""  # the line under the title when it is not "Tahun <tahun>"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        teks = f"Sampul: Kecamatan {self.nama_kecamatan}, Kabupaten {self.kabupaten}, {self.tahun}"
        return {SAMPUL_MIME: data, "text/plain": teks}


def _teks(nilai) -> str:
    """Escaped text of one value; missing values are empty."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) or nilai is pd.NA:
        return ""
    return escape(str(nilai), quote=True).replace("\n", "<br>")


def _id(jenis: str, nomor) -> str:
    """``_id("tabel", "3.2")`` -> ``"tabel-3-2"``."""
    return f"{jenis}-" + re.sub(r"[^0-9a-z]+", "-", str(nomor).lower()).strip("-")


def _id_judul(judul: str, awalan: str) -> str:
    """An id from a heading's text; ``awalan`` when it would not start with a letter."""
    id_ = _id("x", judul)[2:]
    return id_ if _ID_SAH.fullmatch(id_) else f"{awalan}-{id_}".rstrip("-")


def _periksa_id(id_: str) -> str:
    if not _ID_SAH.fullmatch(id_):
        raise ValueError(f"id tidak sah: {id_!r} (huruf kecil, angka, '-')")
    return id_


def _kelas(teks: str) -> list[str]:
    kelas = str(teks).split()
    for k in kelas:
        if not _KELAS_SAH.fullmatch(k):
            raise ValueError(f"kelas css tidak sah: {k!r}")
    return kelas


def _caption(jenis: str, nomor, judul: str) -> str:
    return (
        f'<figcaption><span class="lk-nomor">{jenis} {_teks(nomor)}</span> '
        f'<span class="lk-judul">{_teks(judul)}</span></figcaption>'
    )


def _kaki(sumber, catatan, kaki: list[str] = ()) -> str:
    """Source line, note, then the numbered footnotes of marked cells."""
    bagian = []
    if sumber:
        bagian.append(f'<p class="lk-sumber">Sumber: {_teks(sumber)}</p>')
    if catatan:
        bagian.append(f'<p class="lk-catatan">Catatan: {_teks(catatan)}</p>')
    bagian += [f'<p class="lk-catatan lk-catatan-kaki"><sup>{n})</sup> {_teks(t)}</p>'
               for n, t in enumerate(kaki, start=1)]
    return "".join(bagian)


# ---------------------------------------------------------------- table header


def _bagian_label(kolom, tingkat: int) -> tuple[str, ...]:
    bagian = kolom if isinstance(kolom, tuple) else (kolom,)
    bagian = tuple("" if _teks(b) == "" or str(b).startswith("Unnamed:") else b for b in bagian)
    return bagian + ("",) * (tingkat - len(bagian))


def _dalam(bagian: tuple) -> int:
    """Index of the deepest non-empty header level (0 when all are empty)."""
    return max((i for i, b in enumerate(bagian) if b != ""), default=0)


def _baris_kepala(label: list[tuple], lv: int) -> str:
    """One header row: a label spanning down over empty lower levels, across equal labels."""
    n, sel, j = len(label[0]), [], 0
    while j < len(label):
        b = label[j]
        if lv > _dalam(b):
            j += 1
            continue
        k = j + 1
        while (lv < _dalam(b) and k < len(label) and label[k][: lv + 1] == b[: lv + 1]
               and _dalam(label[k]) > lv):
            k += 1
        rowspan = n - lv if lv == _dalam(b) else 1
        atribut = (f' colspan="{k - j}"' if k - j > 1 else "") + (
            f' rowspan="{rowspan}"' if rowspan > 1 else ""
        )
        sel.append(f'<th scope="col"{atribut}>{_teks(b[lv])}</th>')
        j = k
    return "<tr>" + "".join(sel) + "</tr>"


def _kepala(kolom: pd.Index) -> str:
    """``<thead>`` with one row per column level; spans join equal labels."""
    tingkat = kolom.nlevels
    label = [_bagian_label(k, tingkat) for k in kolom]
    return "<thead>" + "".join(_baris_kepala(label, lv) for lv in range(tingkat)) + "</thead>"


# ---------------------------------------------------------------- table body


def _posisi(label_index: pd.Index, label) -> list[int]:
    return [i for i, x in enumerate(label_index) if x == label]


def _peta_kelas(df: pd.DataFrame, tandai, kelas) -> dict[tuple[int, int], list[str]]:
    """Positions (row, column) -> css classes, from a ``tandai`` dict and/or a ``kelas`` frame."""
    peta: dict[tuple[int, int], list[str]] = {}
    for (baris, kolom), teks in (tandai or {}).items():
        rs, ks = _posisi(df.index, baris), _posisi(df.columns, kolom)
        if not rs or not ks:
            raise KeyError(f"sel yang ditandai tidak ada di tabel: ({baris!r}, {kolom!r})")
        for r in rs:
            for k in ks:
                peta.setdefault((r, k), []).extend(_kelas(teks))
    if kelas is not None:
        kelas = kelas.reindex(index=df.index, columns=df.columns)
        for r, baris in enumerate(_baris(kelas)):
            for k, teks in enumerate(baris):
                if _teks(teks):
                    peta.setdefault((r, k), []).extend(_kelas(teks))
    return peta


@dataclass(frozen=True)
class _Jejak:
    """What a cell may carry besides its text: the computed figure, the number of its
    footnote, the formatter of an `Angka` value."""

    angka: object = None
    kaki: int | None = None
    format: object = None


_TANPA_JEJAK = _Jejak()


def _sel(nilai, kelas: list[str], jejak: _Jejak = _TANPA_JEJAK) -> str:
    from lkjip.angka import Angka

    angka = jejak.angka
    if isinstance(nilai, Angka):
        angka, nilai = nilai, (jejak.format or _format_angka)(nilai)
    teks = _teks(nilai)
    kelas = list(kelas)
    if teks and (isinstance(nilai, int | float) or angka is not None
                 or _ANGKA.fullmatch(str(nilai).strip())):
        kelas.insert(0, "lk-angka")
    if teks and angka is not None:
        teks = _html_angka(angka, str(nilai))
    tanda = f'<sup class="lk-kaki">{jejak.kaki})</sup>' if jejak.kaki else ""
    atribut = f' class="{" ".join(dict.fromkeys(kelas))}"' if kelas else ""
    return f"<td{atribut}>{teks}{tanda}</td>"


def _format_angka(angka) -> str:
    from lkjip.format import format_angka

    return format_angka(angka.nilai, angka.desimal)


def _html_angka(angka, teks: str) -> str:
    """The figure with its provenance on hover/focus (`lkjip.tampil_jejak.html_angka`)."""
    from lkjip.tampil_jejak import html_angka

    return html_angka(angka, teks)


def _peta_sel(df: pd.DataFrame, nilai: Mapping | None) -> dict[tuple[int, int], object]:
    """Positions (row, column) -> value, from a ``{(row label, column label): value}`` dict."""
    peta = {}
    for (baris, kolom), v in (nilai or {}).items():
        for r in _posisi(df.index, baris):
            for k in _posisi(df.columns, kolom):
                peta[(r, k)] = v
    return peta


def _baris(df: pd.DataFrame):
    """The rows of `df` as tuples of its cells' values, as ``df.itertuples(index=False)``
    gives them (each column read by position, so duplicate labels too; one empty tuple a row
    when there is no column), without the positional indexer it validates for each column and
    the namedtuple class it makes at each call: ~60 % of a table's body (issue 15).

    >>> df = pd.DataFrame([[1, "a", None], [2, "b", 3.5]], columns=["x", "y", "x"])
    >>> list(_baris(df))
    [(1, 'a', nan), (2, 'b', 3.5)]
    >>> repr(list(_baris(df))) == repr([tuple(t) for t in df.itertuples(index=False)])
    True
    >>> list(_baris(pd.DataFrame(index=[0, 1])))
    [(), ()]
    """
    kolom = [isi for _, isi in df.items()]
    return zip(*kolom, strict=True) if kolom else iter([()] * len(df))


def _badan(df: pd.DataFrame, peta: dict, jumlah: bool, jejak: dict | None = None) -> str:
    jejak, baris = jejak or {}, []
    for r, nilai in enumerate(_baris(df)):
        sel = "".join(_sel(v, peta.get((r, k), []), jejak.get((r, k), jejak.get(k, _Jejak())))
                      for k, v in enumerate(nilai))
        kelas = ' class="lk-jumlah"' if jumlah and r == len(df) - 1 else ""
        baris.append(f"<tr{kelas}>{sel}</tr>")
    return "<tbody>" + "".join(baris) + "</tbody>"


def _peta_jejak(df, angka, kaki, format) -> tuple[dict, list[str]]:
    """Per cell (and per column, for formats) the `_Jejak` of the table's figures, and the
    footnote texts in the order their cells are read (row by row)."""
    angka, kaki = _peta_sel(df, angka), _peta_sel(df, kaki)
    urut = sorted(kaki)
    nomor = {sel: n for n, sel in enumerate(urut, start=1)}
    kolom = {k: f for kol, f in (format or {}).items() for k in _posisi(df.columns, kol)}
    peta: dict = {k: _Jejak(format=f) for k, f in kolom.items()}
    for r, k in set(angka) | set(kaki):
        peta[(r, k)] = _Jejak(angka.get((r, k)), nomor.get((r, k)), kolom.get(k))
    return peta, [str(kaki[s]) for s in urut]


def tabel(
    df: pd.DataFrame,
    nomor: str,
    judul: str,
    *,
    sumber: str | None = None,
    catatan: str | None = None,
    tandai: Mapping | None = None,
    kelas: pd.DataFrame | None = None,
    jumlah: bool = False,
    indeks: bool = False,
    angka: Mapping | None = None,
    kaki: Mapping | None = None,
    format: Mapping | None = None,
) -> Html:
    """A numbered table with caption, source and notes, every text escaped.

    ``tandai`` maps ``(row label, column label)`` to css classes; ``kelas`` is a frame of
    classes aligned with ``df``. ``jumlah=True`` styles the last row as a total. Columns may
    be a MultiIndex. ``kaki`` maps ``(row label, column label)`` to a footnote: the cell gets a
    superscript number, the note is printed under the table (a correction beside a figure of a
    signed document).

    Computed figures explain themselves (`lkjip.tampil_jejak.html_angka`: provenance on hover and
    focus, never in print): a cell may hold an `Angka` (shown with ``format[column]``, default
    `lkjip.format.format_angka` at its ``desimal``), or ``angka`` maps ``(row label, column
    label)`` to the `Angka` behind a preformatted cell.

    >>> df = pd.DataFrame({"Anggaran": ["2.460.836.770"]}, index=["6"])
    >>> html = tabel(df, "L.1", "PK", kaki={("6", "Anggaran"): "tertulis; menurut DPA"}).isi
    >>> '2.460.836.770<sup class="lk-kaki">1)</sup>' in html, "<sup>1)</sup> tertulis" in html
    (True, True)
    """
    peta = _peta_kelas(df, tandai, kelas)
    jejak, catatan_kaki = _peta_jejak(df, angka, kaki, format)
    if indeks:
        geser = df.index.nlevels
        df = df.reset_index()
        peta = {(r, k + geser): v for (r, k), v in peta.items()}
        jejak = {(k[0], k[1] + geser) if isinstance(k, tuple) else k + geser: v
                 for k, v in jejak.items()}
    isi = (
        f'<figure class="lk-tabel" id="{_id("tabel", nomor)}">{_caption("Tabel", nomor, judul)}'
        f"<table>{_kepala(df.columns)}{_badan(df, peta, jumlah, jejak)}</table>"
        f"{_kaki(sumber, catatan, catatan_kaki)}</figure>"
    )
    return Html(isi, f"Tabel {nomor}")


def grafik(fig, nomor: str, judul: str, *, sumber: str | None = None,
           jenis: str = "Grafik") -> Html:
    """A matplotlib figure as an SVG image with caption (and a PNG copy); the figure is closed.

    The SVG shown has its text drawn as paths (the same letters on every screen); the PDF
    gets a copy with the text as text (``cetak``), drawn in the same DejaVu Sans by
    WeasyPrint about five times faster than the glyph paths (issue 15).
    ``sumber`` is the source line under the chart (say there when its data is synthetic).
    ``jenis="Gambar"`` captions it "Gambar n" (a diagram such as the organisation chart, listed
    in the Daftar Gambar) instead of "Grafik n"; its words stay text on screen too (names in a
    diagram can be searched and copied).
    """
    if jenis not in ("Grafik", "Gambar"):
        raise ValueError("jenis harus 'Grafik' atau 'Gambar'")
    layar, png, cetak = simpan_grafik(fig, jenis)
    plt = sys.modules.get("matplotlib.pyplot")  # lkjip's charts never use it (~0,2 s to import)
    if plt is not None:
        plt.close(fig)  # a figure an analyst made with pyplot is let go
    data = _b64(layar)
    alt = _teks(f"{jenis} {nomor} {judul}")
    id_ = _id(jenis.lower(), nomor)
    kelas = "lk-grafik" + (" lk-jenis-gambar" if jenis == "Gambar" else "")
    isi = (
        f'<figure class="{kelas}" id="{id_}">'
        f'<img class="lk-gambar" alt="{alt}" src="data:image/svg+xml;base64,{data}">'
        f'{_caption(jenis, nomor, judul)}{_kaki(sumber, None)}</figure>'
    )
    return Html(isi, f"{jenis} {nomor}", ((id_, _b64(png)),), ((id_, _b64(cetak)),))


def _b64(isi: bytes) -> str:
    return base64.b64encode(isi).decode("ascii")


def judul_bab(nomor: str | None, judul: str, *, id: str | None = None) -> Html:
    """A chapter heading (``<h1>``, starts a new page). ``nomor`` is a Roman numeral or None.

    >>> judul_bab("I", "Pendahuluan").isi
    '<h1 class="lk-bab" id="bab-i"><span class="lk-bab-nomor">BAB I</span> \
<span class="lk-bab-judul">PENDAHULUAN</span></h1>'
    """
    id_ = _periksa_id(id) if id else _id("bab", nomor) if nomor else _id_judul(judul, "bab")
    nomor_html = f'<span class="lk-bab-nomor">BAB {_teks(nomor)}</span> ' if nomor else ""
    isi = (
        f'<h1 class="lk-bab" id="{id_}">{nomor_html}'
        f'<span class="lk-bab-judul">{_teks(judul.upper())}</span></h1>'
    )
    return Html(isi, f"Bab {nomor or judul}")


def subjudul(judul: str, *, tingkat: int = 2, id: str | None = None) -> Html:
    """A section heading ``<h2>``..``<h4>``; h2 and h3 appear in the Daftar Isi.

    >>> subjudul("A. Gambaran <Umum>").isi
    '<h2 class="lk-subjudul" id="a-gambaran-umum">A. Gambaran &lt;Umum&gt;</h2>'
    >>> subjudul("1. Struktur", tingkat=3).isi
    '<h3 class="lk-subjudul" id="bagian-1-struktur">1. Struktur</h3>'
    """
    if tingkat not in (2, 3, 4):
        raise ValueError("tingkat subjudul harus 2, 3 atau 4")
    id_ = _periksa_id(id) if id else _id_judul(judul, "bagian")
    isi = f'<h{tingkat} class="lk-subjudul" id="{id_}">{_teks(judul)}</h{tingkat}>'
    return Html(isi, judul)


def markdown(teks: str) -> Html:
    """Markdown narrative as HTML; raw HTML in it is escaped, unsafe links dropped, images
    shown as text (nothing is fetched).

    >>> markdown("**Baik** <script>x()</script> [a](javascript:alert(1))").isi
    '<div class="lk-narasi"><p><strong>Baik</strong> &lt;script&gt;x()&lt;/script&gt; \
<a href="#harmful-link">a</a></p>\\n</div>'
    >>> markdown("![peta](http://contoh.test/p.png)").isi
    '<div class="lk-narasi"><p><span class="lk-gambar-teks">[gambar tidak dimuat: peta \
(http://contoh.test/p.png)]</span></p>\\n</div>'
    """
    return Html(f'<div class="lk-narasi">{_markdown(teks or "")}</div>', "Narasi")


def paragraf(teks: str, angka=None) -> Html:
    """One escaped paragraph.

    ``angka``: ``(printed text, Angka)`` pairs (or a dict) of the computed figures the
    sentence quotes; each is found in order and explains itself on hover and focus
    (`lkjip.tampil_jejak.tandai_kalimat`).
    """
    if not angka:
        return Html(f'<p class="lk-paragraf">{_teks(teks)}</p>', "Paragraf")
    from lkjip.tampil_jejak import tandai_kalimat

    pasangan = angka.items() if isinstance(angka, Mapping) else angka
    isi = tandai_kalimat(str(teks), pasangan).replace("\n", "<br>")
    return Html(f'<p class="lk-paragraf">{isi}</p>', "Paragraf")


def lampiran_perhitungan(hasil, temuan: Mapping | None = None,
                         nomor: Mapping | None = None) -> Html:
    """The Lampiran Perhitungan (`lkjip.jejak.lampiran`, as HTML by
    `lkjip.tampil_jejak.lampiran_html`); `temuan` = ``{(besaran, kunci): finding}`` links the
    stated figures that differ, `nomor` the chapters' table numbers."""
    from lkjip.jejak import lampiran
    from lkjip.tampil_jejak import lampiran_html

    return Html(lampiran_html(lampiran(hasil, temuan, nomor)), "Lampiran Perhitungan")


def daftar() -> Html:
    """Where the Daftar Isi/Tabel/Grafik go (else they follow the cover)."""
    return Html(DAFTAR_PENANDA, "Daftar Isi")


def sampul(
    nama_kecamatan: str,
    kabupaten: str,
    tahun: int,
    *,
    provinsi: str = "",
    sintetis: bool = False,
    draf: bool = False,
    alamat: str = "",
    logo: str = "",
    judul: str = "",
    periode: str = "",
) -> Sampul:
    """The cover's facts; display it once (the exporter reads it from the notebook).

    ``draf``: some galat is still undecided, so every page of the edition says DRAF;
    ``alamat``: the office's address line; ``logo``: a ``data:`` URI of the emblem;
    ``judul`` and ``periode`` replace the LKjIP title and the "Tahun" line (a quarterly
    report)."""
    if logo and not re.fullmatch(r"data:image/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]*", logo):
        raise ValueError("logo sampul harus data URI gambar PNG, JPEG atau SVG")
    return Sampul(nama_kecamatan, kabupaten, int(tahun), provinsi, bool(sintetis), bool(draf),
                  str(alamat or ""), logo, str(judul), str(periode))
