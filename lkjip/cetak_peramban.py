"""The report's PDF from Chromium prints (`lkjip.peramban`), with every feature the WeasyPrint
layout has (issue 15).

Chromium numbers pages 1, 2, … through a document and cannot restart the count, nor put a
target's page number in the text. So the reader's HTML (marked by
`lkjip.ekspor_cetak.tandai_halaman`: ``.lk-sampul``, ``.lk-depan``, ``.lk-isi``) is printed in
parts, each part alone (the others hidden), and the parts are joined with pypdf:

1. the body (BAB I on), pages 1, 2, …; Chromium gives a named destination for every element
   a link points to, so the page of every entry of the lists of contents is read from it
   (hidden links are added for the chapter starts and signature blocks, `_penanda`);
2. the front matter (Kata Pengantar to the lists), pages i, ii, …, with the page numbers
   written into its lists of contents (`isi_daftar`); printed again when a number written
   changed the pages of the front matter's own entries (at most `ULANG_DEPAN` times);
3. the cover, unnumbered.

The joined PDF gets page labels (Sampul, i…, 1…), the lists' links pointing at their pages, an
outline from the Daftar Isi, and the title, subject and keywords of the HTML's head. A chapter
with a near-empty page (`halaman_tipis`) is printed again with tighter or looser
settings (`lkjip.ekspor_cetak.VARIAN`), as with WeasyPrint.
"""

from __future__ import annotations

import functools
import html as html_lib
import io
import re
from importlib import resources

ULANG_DEPAN = 3
BATAS_TIPIS = 300  # characters of body text: a page with less is a layout fault (issue 12)
BATAS_JALUR = 40  # path segments on a page above which it holds a drawing (a chart, a chart-like
#                   picture): a page with one is never near-empty

_SEMBUNYI = {"sampul": ".lk-depan, .lk-isi", "depan": ".lk-sampul, .lk-isi",
             "isi": ".lk-sampul, .lk-depan", "semua": ""}
_TAUTAN = re.compile(
    r'(<li class="lk-tingkat-(\d)[^"]*"><a href="#([^"]+)">)(.*?)(</a></li>)', re.S)
_BAB = re.compile(r'<div class="lk-bab(?: [^"]*)?" data-bab="(\d+)">\s*<[^>]*?\bid="([^"]+)"')
_TTD = re.compile(r'<div class="lk-ttd\b')
_GLIF = re.compile(rb"<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ")
_HEKS = re.compile(rb"<([0-9A-Fa-f]*)>")
_JALUR = re.compile(rb"\s[cl]\n")
_ISI_HALAMAN = re.compile(
    r"@page[^{]*\{[^@}]*@(?:top|bottom)-[a-z-]+\s*\{\s*content:\s*\"([^\"]*)\"")


@functools.cache
def gaya() -> str:
    """The Chromium-only rules (`peramban.css`): leaders and page numbers of the lists."""
    return resources.files("lkjip").joinpath("templates/lkjip/peramban.css").read_text("utf-8")


def _bagian(html: str, nama: str, tambahan: str = "") -> str:
    """`html` with only one part shown (`_SEMBUNYI`) and the Chromium rules added."""
    sembunyi = f"{_SEMBUNYI[nama]} {{ display: none !important; }}" if _SEMBUNYI[nama] else ""
    gaya_bagian = f"<style>{gaya()}\n{sembunyi}\n{tambahan}</style>"
    return html.replace("</head>", gaya_bagian + "</head>", 1)


def _penanda(html: str) -> tuple[str, dict[str, str], list[str]]:
    """`html` with an id on each signature block and, hidden, a link to each chapter start and
    signature block (Chromium names a destination only for an element a link points to).
    Returns the html, chapter start id → ``data-bab``, and the signature ids.

    >>> h, bab, ttd = _penanda('<head></head><div class="lk-bab" data-bab="1"><div id="b1">'
    ...                        '</div><div class="lk-ttd x"></div></body>')
    >>> bab, ttd, 'href="#lk-ttd-1"' in h, 'id="lk-ttd-1" class="lk-ttd x"' in h
    ({'b1': '1'}, ['lk-ttd-1'], True, True)
    """
    bab = {m.group(2): m.group(1) for m in _BAB.finditer(html)}
    ttd: list[str] = []

    def beri_id(m: re.Match) -> str:
        ttd.append(f"lk-ttd-{len(ttd) + 1}")
        return f'<div id="{ttd[-1]}" class="lk-ttd'

    html = _TTD.sub(beri_id, html)
    tautan = "".join(f'<a href="#{i}"></a>' for i in [*bab, *ttd])
    html = html.replace("</body>", f'<nav style="display:none">{tautan}</nav></body>', 1)
    return html, bab, ttd


def _halaman_tujuan(pdf: bytes) -> tuple[object, dict[str, tuple[int, float]]]:
    """The reader of `pdf` and each named destination's (page from 0, top in points)."""
    from pypdf import PdfReader

    pembaca = PdfReader(io.BytesIO(pdf))
    tujuan = {}
    for nama, d in pembaca.named_destinations.items():
        halaman = pembaca.get_destination_page_number(d)
        if halaman is not None and halaman >= 0:
            tujuan[str(nama).lstrip("/")] = (halaman, float(d.get("/Top") or 0))
    return pembaca, tujuan


def romawi(n: int) -> str:
    """Lower-case Roman numeral, as CSS ``lower-roman`` prints it.

    >>> [romawi(n) for n in (1, 4, 9, 14, 40, 90)]
    ['i', 'iv', 'ix', 'xiv', 'xl', 'xc']
    """
    hasil = ""
    for nilai, huruf in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                         (5, "v"), (4, "iv"), (1, "i")):
        while n >= nilai:
            hasil, n = hasil + huruf, n - nilai
    return hasil


def isi_daftar(html: str, nomor: dict[str, str]) -> str:
    """The lists of contents with each entry's page number (`nomor`: target id → number as
    printed) after a leader; an entry without a number keeps none.

    >>> isi_daftar('<li class="lk-tingkat-1"><a href="#b">BAB I</a></li>', {"b": "1"})
    '<li class="lk-tingkat-1"><a href="#b"><span class="lk-daftar-judul">BAB I</span><span \
class="lk-daftar-titik"></span><span class="lk-daftar-hal">1</span></a></li>'
    """
    def ganti(m: re.Match) -> str:
        hal = nomor.get(m.group(3))
        if hal is None:
            return m.group(0)
        return (f'{m.group(1)}<span class="lk-daftar-judul">{m.group(4)}</span>'
                f'<span class="lk-daftar-titik"></span><span class="lk-daftar-hal">{hal}</span>'
                f"{m.group(5)}")

    return _TAUTAN.sub(ganti, html)


def _glif_halaman(pembaca) -> list[tuple[int, int]]:
    """(glyphs shown, path segments drawn) of each page: Chromium writes each glyph as four
    hex digits in a ``Tj``/``TJ`` string, so its text is counted without extracting it (pypdf's
    text extraction takes ~2,6 s on the report)."""
    hasil = []
    for halaman in pembaca.pages:
        isi = halaman.get_contents()
        data = isi.get_data() if isi is not None else b""
        glif = 0
        for m in _GLIF.finditer(data):
            if m.group(1) is not None:
                glif += len(m.group(1)) // 4
            else:
                glif += sum(len(h) for h in _HEKS.findall(m.group(2))) // 4
        hasil.append((glif, len(_JALUR.findall(data))))
    return hasil


def _tepi(html: str) -> int:
    """Characters the page margins print on every page (running header, marks, the page
    number), to be left out of a page's body text."""
    return sum(len(html_lib.unescape(s)) for s in _ISI_HALAMAN.findall(html)) + 3 + len("DRAF")


def halaman_tipis(pembaca, tujuan: dict, bab: dict[str, str], ttd: list[str],
                  tepi: int) -> list[tuple[int, str | None]]:
    """(page from 1, its chapter's ``data-bab``) of each near-empty page of the body: under
    `BATAS_TIPIS` characters of text besides the margins, no drawing, no signature block."""
    awal = sorted((tujuan[i][0], b) for i, b in bab.items() if i in tujuan)
    dengan_ttd = {tujuan[i][0] for i in ttd if i in tujuan}
    tipis = []
    for n, (glif, jalur) in enumerate(_glif_halaman(pembaca)):
        if glif - tepi < BATAS_TIPIS and jalur <= BATAS_JALUR and n not in dengan_ttd:
            babnya = next((b for h, b in reversed(awal) if h <= n), None)
            tipis.append((n + 1, babnya))
    return tipis


# ---------------------------------------------------------------- printing the parts


def tanpa_isi(html: str) -> str:
    """`html` without its body (``div.lk-isi``, the last element of ``main``: see
    `lkjip.ekspor_cetak.tandai_halaman`), for the prints of the cover and the front matter:
    most of the report need not be parsed to be hidden.

    >>> tanpa_isi('<main><div class="lk-depan">a</div><div class="lk-isi"><div>b</div>'
    ...           '</div></main></body>')
    '<main><div class="lk-depan">a</div></main></body>'
    """
    awal = html.find('<div class="lk-isi">')
    akhir = html.rfind("</main>")
    return html[:awal] + html[akhir:] if 0 <= awal < akhir else html


def _cetak_bagian(cetak, html: str, nama: str, tambahan: str = "") -> tuple:
    """Print one part; the reader of its PDF and its named destinations."""
    if nama in ("sampul", "depan"):
        html = tanpa_isi(html)
    return _halaman_tujuan(cetak(_bagian(html, nama, tambahan)))


def pilih_varian(html: str, cetak_tipis, varian: tuple[str, ...]) -> tuple:
    """Set each chapter with a near-empty page again with each class of `varian` in turn
    (``div.lk-bab``, `lkjip.ekspor_cetak.tandai_halaman`) until the page is gone; the setting
    with the fewest such pages is kept. ``cetak_tipis(html)`` lays `html` out and returns
    ``(laid out, [(page, data-bab), …] near-empty)``; returns ``(html, laid out, near-empty)``
    of the setting kept. Both engines use it (`lkjip.ekspor_cetak._susun_pdf` for
    WeasyPrint)."""
    terbaik = (html, *cetak_tipis(html))
    for nomor_bab in dict.fromkeys(b for _, b in terbaik[2] if b):
        for kelas in varian:
            baru = terbaik[0].replace(f'class="lk-bab" data-bab="{nomor_bab}"',
                                      f'class="lk-bab {kelas}" data-bab="{nomor_bab}"', 1)
            lain = (baru, *cetak_tipis(baru))
            if len(lain[2]) < len(terbaik[2]):
                terbaik = lain
            if all(b != nomor_bab for _, b in lain[2]):
                break
    return terbaik


def _cetak_isi(cetak, html: str, bab: dict, ttd: list, varian: tuple[str, ...]) -> tuple:
    """The body's print (`pilih_varian`): its reader and named destinations."""
    tepi = _tepi(html)

    def cetak_tipis(h: str) -> tuple:
        pembaca, tujuan = _cetak_bagian(cetak, h, "isi")
        return (pembaca, tujuan), halaman_tipis(pembaca, tujuan, bab, ttd, tepi)

    return pilih_varian(html, cetak_tipis, varian)[1]


def _cetak_depan(cetak, html: str, nomor_isi: dict[str, str]) -> tuple:
    """The front matter's print with every list entry's page number written in: the body's
    from `nomor_isi`, its own (i, ii, …) from the print before, until they stay the same.
    Its reader and named destinations."""
    sendiri: dict[str, str] = {}
    for _ in range(ULANG_DEPAN):
        pembaca, tujuan = _cetak_bagian(
            cetak, isi_daftar(html, {**nomor_isi, **sendiri}), "depan", _ROMAWI)
        baru = {i: romawi(h + 1) for i, (h, _) in tujuan.items() if i not in nomor_isi}
        if baru == sendiri:
            break
        sendiri = baru
    return pembaca, tujuan


# the cover alone: its own page unnumbered, without the running header (as ``@page sampul``)
_SAMPUL = (".lk-sampul { page: auto; break-after: auto; } "
           "@page { @bottom-center { content: none; } @top-right { content: none; } }")
_ROMAWI = "@page { @bottom-center { content: counter(page, lower-roman); } }"


def susun(html: str, cetak, varian: tuple[str, ...] = ()) -> bytes:
    """The PDF of the reader's `html`, printed by `cetak` (HTML → PDF bytes, e.g.
    `lkjip.peramban.Peramban.cetak`) in parts and joined (see the module docstring); a
    chapter with a near-empty page is printed again with the classes of `varian`
    (`lkjip.ekspor_cetak.VARIAN`)."""
    html, bab, ttd = _penanda(html)
    if 'class="lk-isi"' not in html:  # no chapter: one document (cover too), numbered 1, 2, …
        pembaca, tujuan = _cetak_bagian(cetak, html, "semua")
        if _TAUTAN.search(html):
            nomor = {i: str(h + 1) for i, (h, _) in tujuan.items()}
            pembaca, tujuan = _cetak_bagian(cetak, isi_daftar(html, nomor), "semua")
        return _gabung(html, [("semua", pembaca, tujuan)])
    isi, tujuan_isi = _cetak_isi(cetak, html, bab, ttd, varian)
    nomor_isi = {i: str(h + 1) for i, (h, _) in tujuan_isi.items()}
    bagian = [("isi", isi, tujuan_isi)]
    if 'class="lk-depan"' in html:  # a part that is absent is not printed (a blank page)
        depan, tujuan_depan = _cetak_depan(cetak, html, nomor_isi)
        bagian.insert(0, ("depan", depan, tujuan_depan))
    if 'class="lk-sampul' in html:
        sampul, _ = _cetak_bagian(cetak, html, "sampul", _SAMPUL)
        bagian.insert(0, ("sampul", sampul, {}))
    return _gabung(html, bagian)


# ---------------------------------------------------------------- joining


def _kepala(html: str) -> dict[str, str]:
    """The PDF's metadata from the HTML's head, as WeasyPrint sets it."""
    meta = {}
    judul = re.search(r"<title>(.*?)</title>", html, re.S)
    if judul:
        meta["/Title"] = html_lib.unescape(judul.group(1).strip())
    for nama, kunci in (("description", "/Subject"), ("keywords", "/Keywords")):
        m = (re.search(rf'<meta content="([^"]*)" name="{nama}"', html)
             or re.search(rf'<meta name="{nama}" content="([^"]*)"', html))
        if m:
            meta[kunci] = html_lib.unescape(m.group(1))
    return meta


def _entri_daftar_isi(html: str) -> list[tuple[int, str, list[str]]]:
    """(level, target id, the title's words) of each entry of the first list of contents
    (the Daftar Isi)."""
    awal = html.find('<nav class="lk-daftar-bagian"')
    if awal < 0:
        return []
    blok = html[awal:html.find("</nav>", awal)]
    return [(int(m.group(2)), m.group(3),
             html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group(4))).split())
            for m in _TAUTAN.finditer(blok)]


def _gabung(html: str, bagian: list[tuple[str, object, dict]]) -> bytes:
    """Join the parts' prints: page labels, the lists' links and the outline pointing at the
    joined pages, the metadata of the head."""
    from pypdf import PdfWriter

    penulis, letak, awal = PdfWriter(), {}, 0
    for nama, pembaca, tujuan in bagian:
        penulis.append(pembaca, import_outline=False)
        for i, (h, atas) in tujuan.items():
            letak.setdefault(i, (awal + h, atas))
        n = len(pembaca.pages)
        label = {"sampul": {"prefix": "Sampul"}, "depan": {"style": "/r", "start": 1},
                 "isi": {"style": "/D", "start": 1}, "semua": {"style": "/D", "start": 1}}[nama]
        penulis.set_page_label(awal, awal + n - 1, **label)
        awal += n
    _arahkan_tautan(penulis, letak)
    induk: dict[int, object] = {}
    for tingkat, i, kata in _entri_daftar_isi(html):
        if i in letak:
            induk[tingkat] = penulis.add_outline_item(
                title=" ".join(kata), page_number=letak[i][0], parent=induk.get(tingkat - 1))
    penulis.add_metadata({**_kepala(html), "/Producer": "lkjip (Chromium)"})
    keluar = io.BytesIO()
    penulis.write(keluar)
    return keluar.getvalue()


def _arahkan_tautan(penulis, letak: dict[str, tuple[int, float]]) -> None:
    """Point every internal link at its target's page in the joined PDF (each part's print
    named its targets by id; those of other parts were not in it)."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NullObject

    for halaman in penulis.pages:
        for a in halaman.get("/Annots") or []:
            a = a.get_object()
            nama = a.get("/Dest")
            if nama is None and "/A" in a and a["/A"].get("/S") == "/GoTo":
                nama = a["/A"].get("/D")
            if nama is None or isinstance(nama, list):
                continue
            hal, atas = letak.get(str(nama).lstrip("/"), (None, 0.0))
            if hal is None:
                continue
            a[NameObject("/Dest")] = ArrayObject([
                penulis.pages[hal].indirect_reference, NameObject("/XYZ"), FloatObject(0),
                FloatObject(atas), NullObject()])
            if "/A" in a:
                del a["/A"]
