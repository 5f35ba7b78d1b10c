"""The printed report's pages: marks on the reader's HTML that the print sheet lays out by
(front matter and body for the page numbers, chapters, sentences kept with their figure), the
charts' print copies put in, the PDF (Chromium's, `lkjip.cetak_peramban`, or WeasyPrint's where
no browser is found) with near-empty pages set again, and the scanned PK appended. Split from
`lkjip.ekspor` (which makes the HTML and the files of a build).
"""

import io
import logging
import re

from lkjip.cetak_peramban import BATAS_TIPIS, pilih_varian
from lkjip.word_html import cari

# ---------------------------------------------------------------- marks for the pages


_PENGANTAR = re.compile(r"(berikut|sebagai berikut|di bawah ini)\s*[.:]?\s*$|:\s*$")


def _pertama(akar, nama: frozenset):
    """The first element under `akar` named one of `nama` (``akar.find(list(nama))``)."""
    from bs4 import Tag

    return next((t for t in akar.descendants if isinstance(t, Tag) and t.name in nama), None)


_BLOK = frozenset(("p", "figure", "h1", "h2", "h3", "h4", "ol", "ul", "table"))


def lekatkan(soup) -> None:
    """Sentences kept on a figure's page (class ``lk-lekat``: no page break before): a cell
    that opens with a sentence right after a cell that ends with a table or chart (the
    sentence is about it; a chapter's last sentences never stand alone), and a table or
    chart right after the sentence that introduces it ("… sebagai berikut."). Only these:
    a chain of figures held together would leave a page half empty.

    >>> from bs4 import BeautifulSoup
    >>> s = BeautifulSoup('<main><div><figure><table></table><p>Sumber</p></figure></div>'
    ...                   '<div><p>Tabel itu</p></div><div><p>x berikut.</p></div>'
    ...                   '<div><figure></figure></div><div><figure></figure></div></main>',
    ...                   "html.parser")
    >>> lekatkan(s); [d.get("class") for d in s.main.find_all("div")]
    [None, ['lk-lekat'], None, ['lk-lekat'], None]
    """
    # find_all and `cari`, not CSS selects: soupsieve compiles its parser at a process's first
    # select and walks the whole document per select (~0,13 s a build, issue 15)
    utama = soup.find_all("main")
    sel = ([d for m in utama for d in cari(m, "div", "jp-Cell")]
           or [d for m in utama for d in m.find_all("div", recursive=False)])
    for a, b in zip(sel, sel[1:], strict=False):
        # the cell's last block outside a figure, looked for from the end (each find_parent
        # walks up to the root: ~0,01 CPU-s a report when asked of every block)
        akhir = next((e for e in reversed(cari(a, _BLOK)) if e.find_parent("figure") is None),
                     None)
        awal = _pertama(b, _BLOK)
        if akhir is None or awal is None:
            continue
        setelah_gambar = akhir.name == "figure" and awal.name == "p"
        pengantar = (akhir.name == "p" and awal.name == "figure"
                     and _PENGANTAR.search(akhir.get_text()))
        if setelah_gambar or pengantar:
            b["class"] = [*b.get("class", []), "lk-lekat"]
    for fig in soup.find_all("figure"):  # within one output: "… tabel berikut." then the table
        p = fig.find_previous_sibling()
        if p is not None and p.name == "p" and _PENGANTAR.search(p.get_text()):
            fig["class"] = [*fig.get("class", []), "lk-lekat"]


def _bungkus(soup, daftar: list, attrs: dict) -> None:
    """Move the sibling elements `daftar` into one new ``div`` in their place."""
    div = soup.new_tag("div", attrs=attrs)
    daftar[0].insert_before(div)
    for el in daftar:
        div.append(el.extract())


def _per_bab(sel: list) -> list[list]:
    """Body cells grouped by chapter: a group starts at each cell holding an ``h1``."""
    bab = []
    for el in sel:
        if not el.name:
            continue
        if el.find("h1") is not None or not bab:
            bab.append([])
        bab[-1].append(el)
    return bab


def tandai_halaman(soup) -> None:
    """Front matter and body for the page numbers: the cells before the first chapter heading
    (``h1`` with a ``.lk-bab-nomor``) are wrapped in ``div.lk-depan`` (pages i, ii, …), the
    rest in ``div.lk-isi`` (pages 1, 2, … from BAB I): one element each, because a page
    counter restarts with each element that names its pages. A Daftar Isi entry pointing
    into the front matter gets ``lk-romawi`` so its page number prints the same way.
    Nothing without a chapter.

    >>> from bs4 import BeautifulSoup
    >>> s = BeautifulSoup('<main><div id="a"><h1 id="k">KATA</h1></div><div><h1 id="b">'
    ...                   '<span class="lk-bab-nomor">BAB I</span></h1></div><p>c</p></main>'
    ...                   '<nav class="lk-daftar-bagian"><li><a href="#k">x</a></li>'
    ...                   '<li><a href="#b">y</a></li></nav>', "html.parser")
    >>> tandai_halaman(s)
    >>> [(d["class"], len(d.contents)) for d in s.main.find_all(class_=True, recursive=False)]
    [(['lk-depan'], 1), (['lk-isi'], 1)]
    >>> s.select_one(".lk-isi > .lk-bab")["data-bab"], len(s.select_one(".lk-bab").contents)
    ('1', 2)
    >>> [li.get("class") for li in s.nav("li")]
    [['lk-romawi'], None]
    """
    bab = next((s for h in soup.find_all("h1") for s in h.find_all(class_="lk-bab-nomor")), None)
    if bab is None:
        return
    sel = bab.find_parent("h1")
    while sel.parent is not None and sel.parent.name not in ("main", "body"):
        sel = sel.parent
    depan = [el for el in sel.find_previous_siblings()[::-1]
             if el.name and "lk-sampul" not in el.get("class", [])]
    isi = [sel, *sel.find_next_siblings()]
    for kelas, daftar in (("lk-depan", depan), ("lk-isi", isi)):
        if daftar:
            _bungkus(soup, daftar, {"class": kelas})
    for n, bab in enumerate(_per_bab(isi), start=1):
        _bungkus(soup, bab, {"class": "lk-bab", "data-bab": str(n)})
    daftar = cari(soup, "nav", "lk-daftar-bagian")
    luar = [n for n in daftar if not n.find_parent(class_="lk-depan")]
    if luar:  # the lists right after the cover (no marker in the notebook) are front matter
        _bungkus(soup, luar, {"class": "lk-depan"})
    depan_id = {el["id"] for d in cari(soup, kelas="lk-depan") for el in cari(d, ber_id=True)}
    for a in (a for n in daftar for a in n.find_all("a", href=True) if a["href"][:1] == "#"):
        if a["href"][1:] in depan_id:  # ids are unique (ekspor._id_unik)
            li = a.find_parent("li")
            li["class"] = [*li.get("class", []), "lk-romawi"]


# ---------------------------------------------------------------- the PDF


_GAMBAR_GRAFIK = re.compile(
    r'(<figure class="lk-grafik" id="([^"]+)"><img [^>]*?src="data:image/svg\+xml;base64,)'
    r'[A-Za-z0-9+/=]+"')


# a figure's provenance tooltip (lkjip.tampil_jejak.html_angka): hidden in print by the sheet
_TOOLTIP = re.compile(r'<span class="lk-jejak-isi"[^>]*>(?:<span class="lk-jejak-[a-z]+">'
                      r"[^<]*</span>)*</span>")


def untuk_cetak(html: str, svg: dict[str, str]) -> str:
    """The reader's HTML for print: each chart's PDF copy (`svg_cetak`) in place of its screen
    SVG, and without the figures' provenance tooltips, which print never shows (a quarter of
    the report's HTML: ~0,08 CPU-s of Chromium's print, issue 15).

    A chart without a copy (an older notebook, an id renamed by `_id_unik`) keeps its SVG.

    >>> h = '<figure class="lk-grafik" id="grafik-1"><img class="lk-gambar" alt="G" src="'
    >>> untuk_cetak(h + 'data:image/svg+xml;base64,AAAA">', {"grafik-1": "QkJC"})[-6:]
    'QkJC">'
    >>> untuk_cetak(h + 'data:image/svg+xml;base64,AAAA">', {})[-6:]
    'AAAA">'
    >>> untuk_cetak('<span class="lk-jejak"><span class="lk-jejak-nilai">40</span><span '
    ...             'class="lk-jejak-isi" id="j" style="display:none"><span class="lk-jejak-'
    ...             'judul">capaian</span></span></span>', {})
    '<span class="lk-jejak"><span class="lk-jejak-nilai">40</span></span>'
    """
    def ganti(m: re.Match) -> str:
        return f'{m.group(1)}{svg[m.group(2)]}"' if m.group(2) in svg else m.group(0)

    return _TOOLTIP.sub("", _GAMBAR_GRAFIK.sub(ganti, html) if svg else html)


class _GambarHilang(logging.Handler):
    """Collects WeasyPrint's "Failed to load image at 'data:…'": a chart left out of the PDF."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.pesan: list[str] = []

    def emit(self, record):
        teks = record.getMessage()
        if teks.startswith("Failed to load image at 'data:"):
            self.pesan.append(teks[:200])


VARIAN = ("lk-rapat", "lk-rapat-2", "lk-longgar")  # a chapter's settings tried, in order


def html_ke_pdf(html: str) -> bytes:
    """Render report HTML to PDF bytes: with Chromium where one is found
    (`lkjip.peramban.cari`; `lkjip.cetak_peramban` assembles its prints, ~5x less CPU), else
    with WeasyPrint (`html_ke_pdf_weasyprint`). Either way a chart that would not render is an
    error, never a PDF without it."""
    from lkjip.peramban import peramban

    mesin = peramban()
    if mesin is not None:
        from lkjip.cetak_peramban import susun

        return susun(html, mesin.cetak, VARIAN)
    return html_ke_pdf_weasyprint(html)


def html_ke_pdf_weasyprint(html: str) -> bytes:
    """Render report HTML to PDF bytes with WeasyPrint; an embedded chart that would not
    render is an error (WeasyPrint only logs it and leaves the chart out, as versions before
    69 did with every ``data:`` image under ``allowed_protocols``).

    When a page of a chapter comes out near-empty (`halaman_tipis`: its last sentence alone,
    two list items), that chapter (``div.lk-bab``, `tandai_halaman`) is set again slightly
    tighter, tighter still, then slightly looser (`VARIAN`, in lkjip.css) until that page is
    gone; a chapter starts a page, so the others keep their pages. The setting with the
    fewest such pages is kept; a report without one is rendered once."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # embedded data: URLs only; no file or network access, whatever the HTML holds
    hanya_data = URLFetcher(allowed_protocols={"data"})
    hilang, log = _GambarHilang(), logging.getLogger("weasyprint")
    log.addHandler(hilang)
    try:
        pdf = _susun_pdf(html, lambda teks: HTML(string=teks, base_url=".",
                                                 url_fetcher=hanya_data).render())
    finally:
        log.removeHandler(hilang)
    if hilang.pesan:
        raise RuntimeError(f"{len(hilang.pesan)} gambar tidak masuk ke PDF: {hilang.pesan[0]}")
    return pdf


def _susun_pdf(html: str, susun) -> bytes:
    """The PDF of `html` rendered by `susun`, its near-empty chapter pages set again
    (`lkjip.cetak_peramban.pilih_varian`, as with Chromium)."""
    def susun_tipis(h: str, *_) -> tuple:  # WeasyPrint lays each setting tried out whole
        doc = susun(h)
        return doc, halaman_tipis(doc)

    return pilih_varian(html, susun_tipis, VARIAN)[1].write_pdf()


def halaman_tipis(doc) -> list[tuple[int, str | None]]:
    """(page from 1, its chapter's ``data-bab``) of each page of a rendered WeasyPrint
    document with under `BATAS_TIPIS` characters of body text, other than the cover, a page
    with a chart or picture, and a page with a signature block; the running header, page
    number and DRAF mark are not body text."""
    from weasyprint.formatting_structure import boxes

    def jalan(box, teks, tanda):
        el = getattr(box, "element", None)
        kelas = (el.get("class") or "") if el is not None else ""
        if isinstance(box, boxes.MarginBox) or "lk-draf" in kelas:
            return
        if el is not None and el.get("data-bab"):
            tanda.append(el.get("data-bab"))
        if isinstance(box, boxes.ReplacedBox) or "lk-ttd" in kelas:
            tanda.append(True)
        if isinstance(box, boxes.TextBox):
            teks.append(box.text)
        for anak in getattr(box, "children", ()):
            jalan(anak, teks, tanda)

    tipis = []
    for n, halaman in enumerate(doc.pages[1:], start=2):
        teks, tanda = [], []
        jalan(halaman._page_box, teks, tanda)
        if True not in tanda and len("".join(teks)) < BATAS_TIPIS:
            tipis.append((n, next((t for t in tanda if isinstance(t, str)), None)))
    return tipis


def gabung_pdf(pdf: bytes, lampiran: list[tuple[str, bytes]]) -> bytes:
    """`pdf` with the pages of each attached PDF appended as they are (pypdf); the metadata
    (title, DRAF) of `pdf` is kept."""
    if not lampiran:
        return pdf
    from pypdf import PdfReader, PdfWriter

    from lkjip.galat import LkjipError, Masalah

    penulis = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for nama, isi in lampiran:
        try:
            penulis.append(PdfReader(io.BytesIO(isi)))
        except Exception as e:  # pypdf raises many kinds for a broken file
            raise LkjipError(Masalah(f"lampiran/{nama}", pesan=(
                f"PDF tidak dapat dibaca ({type(e).__name__}); simpan ulang pindaiannya."))) from e
    keluar = io.BytesIO()
    penulis.write(keluar)
    return keluar.getvalue()
