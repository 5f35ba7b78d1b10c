"""The report's PDF from Chromium prints (`lkjip.peramban`), with every feature the WeasyPrint
layout has (issue 15).

Chromium numbers pages 1, 2, … through a document and cannot restart the count, nor put a
target's page number in the text. So the reader's HTML (marked by
`lkjip.ekspor_cetak.tandai_halaman`: ``.lk-sampul``, ``.lk-depan``, ``.lk-isi``) is printed in
two prints, and their pages are joined with pypdf:

1. the body (BAB I on), pages 1, 2, …, with the front matter after it from a page of its own,
   its lists' page numbers stood in (`_html_ukur`). Chromium gives a named destination for
   every element a link points to, so the page of every entry of the lists of contents is
   read from it (hidden links are added for the chapter starts, signature blocks and the
   parts, `_penanda`): the body's, and the front matter's own entries counted from its
   first page;
2. the front matter (Kata Pengantar to the lists), pages i, ii, …, with the page numbers
   written into its lists of contents (`isi_daftar`), and the cover after it on a page of
   its own, unnumbered; printed again when a number written moved the front matter's own
   entries (at most `ULANG_DEPAN` times). The cover's page is put first when joining.

A document without chapters (the working paper) is printed whole once with the numbers stood
in, then only its cover and lists, before ``main``, with the numbers written in
(`_susun_utuh`). Each print costs ~0,06 CPU-s however small; the body's most (issue 15).

The joined PDF gets page labels (Sampul, i…, 1…), the lists' links pointing at their pages, an
outline from the Daftar Isi, and the title, subject and keywords of the HTML's head. A chapter
with a near-empty page (`halaman_tipis`) is printed again with tighter or looser
settings (`lkjip.ekspor_cetak.VARIAN`), as with WeasyPrint; from that chapter on only
(`_cetak_ekor`): each chapter starts a page, so the pages before it stay those of the print
before, and the front matter measured after the body is measured once.
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

# what each print hides: the body's print its cover and a front matter left in place (its
# front matter is moved after it, `_html_ukur`); the front matter's its body
_SEMBUNYI = {"depan": ".lk-isi", "isi": ".lk-sampul, .lk-depan", "semua": ""}
_TAUTAN = re.compile(
    r'(<li class="lk-tingkat-(\d)[^"]*"><a href="#([^"]+)">)(.*?)(</a></li>)', re.S)
_BAB = re.compile(r'<div class="lk-bab(?: [^"]*)?" data-bab="(\d+)">\s*<[^>]*?\bid="([^"]+)"')
_TTD = re.compile(r'<div class="lk-ttd\b')
# (each pattern starts at a rare byte: one that starts at any whitespace or at either of two
# operators tries every position of the ~3 MB of the report's pages, 3x slower)
_TJ = re.compile(rb"<([0-9A-Fa-f]*)>\s*Tj")
_TJ_LARIK = re.compile(rb"\[([^\]]*)\]\s*TJ")
_HEKS = re.compile(rb"<([0-9A-Fa-f]*)>")
_JALUR = re.compile(rb"(?<=\s)[cl]\n")
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
    tautan = "".join(f'<a href="#{i}"></a>' for i in [*bab, *ttd, _UKUR, _SAMPUL_ID, _UTAMA])
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


def isi_daftar(html: str, nomor: dict[str, str], sela: str | None = None) -> str:
    """The lists of contents with each entry's page number (`nomor`: target id → number as
    printed, else `sela`) after a leader; an entry without a number keeps none.

    >>> isi_daftar('<li class="lk-tingkat-1"><a href="#b">BAB I</a></li>', {"b": "1"})
    '<li class="lk-tingkat-1"><a href="#b"><span class="lk-daftar-judul">BAB I</span><span \
class="lk-daftar-titik"></span><span class="lk-daftar-hal">1</span></a></li>'
    """
    def ganti(m: re.Match) -> str:
        hal = nomor.get(m.group(3), sela)
        if hal is None:
            return m.group(0)
        return (f'{m.group(1)}<span class="lk-daftar-judul">{m.group(4)}</span>'
                f'<span class="lk-daftar-titik"></span><span class="lk-daftar-hal">{hal}</span>'
                f"{m.group(5)}")

    return _TAUTAN.sub(ganti, html)


def _isi_halaman(pembaca, sampai: int | None = None, dari: int = 0):
    """The decompressed content stream of each page (of the first `sampai` pages, if given;
    from page `dari`, counted from 0)."""
    for halaman in list(pembaca.pages)[dari:sampai]:
        isi = halaman.get_contents()
        yield isi.get_data() if isi is not None else b""


def _glif(data: bytes, cukup: int | None = None) -> int:
    """Glyphs a page's content stream shows: Chromium writes each glyph as four hex digits in
    a ``Tj``/``TJ`` string, so its text is counted without extracting it (pypdf's text
    extraction takes ~2,6 s on the report). With `cukup`, counting stops once that many are
    found (a number at least `cukup` is returned): whether a page is near-empty needs no more,
    and a page of text reaches it in its first lines (the content streams are most of the
    body's print's ~3,7 MB)."""
    glif = 0
    for m in _TJ.finditer(data):
        glif += len(m.group(1)) // 4
        if cukup is not None and glif >= cukup:
            return glif
    if b"TJ" in data:  # a string of glyphs with their spacing between
        for t in _TJ_LARIK.finditer(data):
            glif += sum(len(h) for h in _HEKS.findall(t.group(1))) // 4
            if cukup is not None and glif >= cukup:
                return glif
    return glif


def _jalur(data: bytes, cukup: int | None = None) -> int:
    """Path segments a page's content stream draws (its ``l`` and ``c`` operators); with
    `cukup`, counting stops once that many are found."""
    if cukup is None:
        return len(_JALUR.findall(data))
    jalur = 0
    for _ in _JALUR.finditer(data):
        jalur += 1
        if jalur >= cukup:
            break
    return jalur


def _glif_halaman(pembaca, sampai: int | None = None) -> list[tuple[int, int]]:
    """(glyphs shown, path segments drawn) of each page (`_glif`, `_jalur`); the first
    `sampai` pages only, if given."""
    return [(_glif(data), _jalur(data)) for data in _isi_halaman(pembaca, sampai)]


def _tepi(html: str) -> int:
    """Characters the page margins print on every page (running header, marks, the page
    number), to be left out of a page's body text."""
    return sum(len(html_lib.unescape(s)) for s in _ISI_HALAMAN.findall(html)) + 3 + len("DRAF")


def halaman_tipis(pembaca, tujuan: dict, bab: dict[str, str], ttd: list[str],
                  tepi: int, sampai: int | None = None, dari: int = 0
                  ) -> list[tuple[int, str | None]]:
    """(page from 1, its chapter's ``data-bab``) of each near-empty page of the body (its
    pages from `dari` to `sampai`): under `BATAS_TIPIS` characters of text besides the
    margins, no drawing, no signature block."""
    awal = sorted((tujuan[i][0], b) for i, b in bab.items() if i in tujuan)
    dengan_ttd = {tujuan[i][0] for i in ttd if i in tujuan}
    batas = tepi + BATAS_TIPIS  # glyphs from which a page is not near-empty
    tipis = []
    for n, data in enumerate(_isi_halaman(pembaca, sampai, dari), start=dari):
        # counted only as far as the answer needs (~0,1 CPU-s less a report's print): most
        # pages reach `batas` glyphs in their first lines, and a page's drawing counts only
        # when its text is short
        if (n not in dengan_ttd and _glif(data, batas) < batas
                and _jalur(data, BATAS_JALUR + 1) <= BATAS_JALUR):
            babnya = next((b for h, b in reversed(awal) if h <= n), None)
            tipis.append((n + 1, babnya))
    return tipis


# ---------------------------------------------------------------- printing the parts


def tanpa_isi(html: str) -> str:
    """`html` without its body (``div.lk-isi``, the last element of ``main``: see
    `lkjip.ekspor_cetak.tandai_halaman`), for the print of the front matter and the cover:
    most of the report need not be parsed to be hidden.

    >>> tanpa_isi('<main><div class="lk-depan">a</div><div class="lk-isi"><div>b</div>'
    ...           '</div></main></body>')
    '<main><div class="lk-depan">a</div></main></body>'
    """
    awal = html.find('<div class="lk-isi">')
    akhir = html.rfind("</main>")
    return html[:awal] + html[akhir:] if 0 <= awal < akhir else html


def _akhir_elemen(html: str, awal: int) -> int:
    """The index just after the element whose start tag opens at `awal`, found by counting
    the start and end tags of its kind (the reader's HTML is BeautifulSoup's serialisation:
    balanced, a ``<`` in text or an attribute escaped).

    >>> h = 'x<div a="1"><div>b</div></div><div>c</div>'
    >>> h[1:_akhir_elemen(h, 1)]
    '<div a="1"><div>b</div></div>'
    """
    nama = re.match(r"<([a-z]+)", html[awal:]).group(1)
    kedalaman = 0
    for m in re.compile(rf"<(/?){nama}\b[^>]*>").finditer(html, awal):
        kedalaman += -1 if m.group(1) else 1
        if kedalaman == 0:
            return m.end()
    return len(html)


def _potong(html: str, awal_tag: str) -> tuple[str, list[str]]:
    """`html` without each element whose start tag begins with `awal_tag`, and those
    elements in document order.

    >>> _potong('<p>a</p><div class="d">b<div>c</div></div><p>e</p>', '<div class="d"')
    ('<p>a</p><p>e</p>', ['<div class="d">b<div>c</div></div>'])
    """
    sisa, potongan, i = [], [], 0
    while (j := html.find(awal_tag, i)) >= 0:
        k = _akhir_elemen(html, j)
        sisa.append(html[i:j])
        potongan.append(html[j:k])
        i = k
    return "".join([*sisa, html[i:]]), potongan


def _cetak_bagian(cetak, html: str, nama: str, tambahan: str = "") -> tuple:
    """Print one part; the reader of its PDF and its named destinations."""
    return _halaman_tujuan(cetak(_bagian(html, nama, tambahan)))


def pilih_varian(html: str, cetak_tipis, varian: tuple[str, ...]) -> tuple:
    """Set each chapter with a near-empty page again with each class of `varian` in turn
    (``div.lk-bab``, `lkjip.ekspor_cetak.tandai_halaman`) until the page is gone; the setting
    with the fewest such pages is kept. ``cetak_tipis(html, bab=None, dasar=None)`` lays
    `html` out and returns ``(laid out, [(page, data-bab), …] near-empty)``; for a setting
    tried, `html` differs from the kept setting's only in chapter `bab`, laid out as `dasar`
    (Chromium prints only from that chapter on, `_cetak_isi`). Returns ``(html, laid out,
    near-empty)`` of the setting kept. Both engines use it (`lkjip.ekspor_cetak._susun_pdf`
    for WeasyPrint)."""
    terbaik = (html, *cetak_tipis(html))
    for nomor_bab in dict.fromkeys(b for _, b in terbaik[2] if b):
        for kelas in varian:
            baru = terbaik[0].replace(f'class="lk-bab" data-bab="{nomor_bab}"',
                                      f'class="lk-bab {kelas}" data-bab="{nomor_bab}"', 1)
            # the chapter already set in a setting kept (fewer such pages, some left): the
            # class is not put in again, the same document need not be laid out again
            lain = terbaik if baru == terbaik[0] else \
                (baru, *cetak_tipis(baru, nomor_bab, terbaik[1]))
            if len(lain[2]) < len(terbaik[2]):
                terbaik = lain
            if all(b != nomor_bab for _, b in lain[2]):
                break
    return terbaik


# ids the prints below give their parts, and the page numbers that stand in the lists of
# contents before the true ones are known (two digits: within the number's reserved width)
_UKUR, _SAMPUL_ID, _UTAMA, SELA = "lk-cetak-depan", "lk-cetak-sampul", "lk-cetak-utama", "00"


def _html_ukur(html: str) -> str:
    """The body's print (pages 1, 2, …) with the front matter after it, from a page of its
    own, its lists' numbers stood in by `SELA`: one print tells the body's pages and how the
    front matter falls on its pages (its own entries of the Daftar Isi), which the front
    matter's print then writes in. The front matter is moved by its ``div.lk-depan``
    (`lkjip.ekspor_cetak.tandai_halaman`), renamed so the sheet does not hide it."""
    tanpa, depan = _potong(html, '<div class="lk-depan">')
    if not depan:
        return html
    pindah = "".join('<div class="lk-cetak-diukur">' + d[len('<div class="lk-depan">'):]
                     for d in depan)
    akhir = tanpa.rfind("</main>")
    return (tanpa[:akhir] + f'<div id="{_UKUR}" class="lk-cetak-ukur">'
            f"{isi_daftar(pindah, {}, SELA)}</div>" + tanpa[akhir:])


def _cetak_isi(cetak, html: str, bab: dict, ttd: list, varian: tuple[str, ...]) -> tuple:
    """The body's print (`_html_ukur`, `pilih_varian`): its pages as parts ``(reader, named
    destinations, pages taken)`` (one print, or the first pages of one and the rest of a
    chapter's setting tried, `_cetak_ekor`), the named destinations on its pages, how many
    they are, and the front matter's own entries as numbered on its pages (i, ii, …, none
    without a front matter)."""
    tepi = _tepi(html)
    id_bab = {b: i for i, b in bab.items()}
    sasaran = "".join(f'<a href="#{i}"></a>'
                      for i in dict.fromkeys(m.group(3) for m in _TAUTAN.finditer(html)))

    def cetak_tipis(h: str, nomor_bab: str | None = None, dasar: tuple | None = None) -> tuple:
        if dasar is not None and id_bab.get(nomor_bab) in dasar[1]:
            hasil = _cetak_ekor(cetak, h, id_bab[nomor_bab], dasar, sasaran)
            if hasil is not None:
                ekor, awal = hasil
                return ekor, [*(t for t in dasar_tipis[id(dasar)] if t[0] <= awal),
                              *halaman_tipis(ekor[0][-1][0], ekor[1], bab, ttd, tepi,
                                             ekor[2], awal)]
        pembaca, tujuan = _cetak_bagian(cetak, h, "isi")
        n = tujuan.get(_UKUR, (len(pembaca.pages), 0))[0]
        isi = {i: t for i, t in tujuan.items() if t[0] < n}
        sendiri = {i: romawi(h - n + 1) for i, (h, _) in tujuan.items()
                   if h >= n and i != _UKUR}
        return ([(pembaca, isi, range(n))], isi, n, sendiri), \
            halaman_tipis(pembaca, tujuan, bab, ttd, tepi, n)

    dasar_tipis: dict[int, list] = {}

    def cetak_tipis_dicatat(h: str, nomor_bab: str | None = None,
                            dasar: tuple | None = None) -> tuple:
        cetakan, tipis = cetak_tipis(h, nomor_bab, dasar)
        dasar_tipis[id(cetakan)] = tipis
        return cetakan, tipis

    return pilih_varian(_html_ukur(html), cetak_tipis_dicatat, varian)[1]


def _html_ekor(html: str, id_awal: str, awal: int, sasaran: str) -> str | None:
    """The body's print `html` (`_html_ukur`) from the chapter whose heading has the id
    `id_awal` on: the chapters before it each replaced by nothing, the first page of that
    chapter put on page `awal` + 1 by as many empty pages before it (their numbers are
    printed: a page's glyphs are its text's and its margins'), the front matter measured
    after the body left out, and hidden links to every target of the lists of contents
    (`sasaran`), whose pages Chromium names only for an element a link points to. None when
    `html` is not laid out so.

    >>> _html_ekor('<div class="lk-isi"><div class="lk-bab" data-bab="1"><h1 id="a">A</h1>'
    ...            '</div><div class="lk-bab x" data-bab="2"><h1 id="b">B</h1></div></div>'
    ...            '<div id="lk-cetak-depan" class="lk-cetak-ukur">D</div></main></body>',
    ...            "b", 1, '<a href="#b"></a>')  # doctest: +NORMALIZE_WHITESPACE
    '<div class="lk-isi"><div class="lk-cetak-kosong"></div><div class="lk-bab x" \
data-bab="2"><h1 id="b">B</h1></div></div></main><nav style="display:none"><a \
href="#b"></a></nav></body>'
    """
    pertama = html.find('<div class="lk-bab')
    mulai = html.find(f' id="{id_awal}"')
    mulai = html.rfind('<div class="lk-bab', 0, mulai)
    ukur = html.find(f'<div id="{_UKUR}" class="lk-cetak-ukur">')
    if not 0 <= pertama <= mulai or "</body>" not in html:
        return None
    if ukur >= 0:
        html = html[:ukur] + html[_akhir_elemen(html, ukur):]
    html = html.replace("</body>", f'<nav style="display:none">{sasaran}</nav></body>', 1)
    return html[:pertama] + '<div class="lk-cetak-kosong"></div>' * awal + html[mulai:]


def _cetak_ekor(cetak, html: str, id_awal: str, dasar: tuple, sasaran: str):
    """A chapter's setting tried (`pilih_varian`), printed from that chapter on only
    (`_html_ekor`): the chapters start on a page of their own, so the pages before it are
    those of the print it was tried on (`dasar`, laid out as `_cetak_isi` returns it), and
    those from it on the new print's, numbered as in a print of the whole (its empty pages
    before them are not taken). Returns ``((parts, named destinations, pages, own entries),
    first page of the chapter)`` laid out so, or None when the print does not start the
    chapter on its page (the whole is printed then)."""
    bagian, tujuan, _, sendiri = dasar
    awal = tujuan[id_awal][0]
    h = _html_ekor(html, id_awal, awal, sasaran)
    if h is None:
        return None
    pembaca, tujuan_ekor = _cetak_bagian(cetak, h, "isi")
    if tujuan_ekor.get(id_awal, (None,))[0] != awal:
        return None
    n = len(pembaca.pages)
    ekor = {i: t for i, t in tujuan_ekor.items() if awal <= t[0] < n}
    bagian = [(p, {i: t for i, t in tj.items() if t[0] < min(r.stop, awal)},
               range(r.start, min(r.stop, awal)))
              for p, tj, r in bagian if r.start < awal] + [(pembaca, ekor, range(awal, n))]
    gabungan = {i: t for _, tj, _ in bagian for i, t in tj.items()}
    return (bagian, gabungan, n, sendiri), awal


def _cetak_depan(cetak, html: str, nomor_isi: dict[str, str], sendiri: dict[str, str]):
    """The front matter's print, its cover after it, every list entry's page number written
    in: the body's from `nomor_isi`, its own from `sendiri` (the body's print measured them,
    `_html_ukur`), then from the print before until they stay the same. Its reader, named
    destinations and the page its cover starts on."""
    h, sampul = _potong(tanpa_isi(html), '<section class="lk-sampul')
    kosong, hilang = _jangkar_kosong(h, html)
    akhir = h.rfind("</main>") if "</main>" in h else h.rfind("</body>")
    # the cover last, on a page of its own (`@page sampul`: unnumbered)
    sampul = "".join(sampul).replace("<section ", f'<section id="{_SAMPUL_ID}" ', 1)
    h = h[:akhir] + kosong + sampul + h[akhir:]
    for _ in range(ULANG_DEPAN):
        pembaca, tujuan = _cetak_bagian(cetak, isi_daftar(h, {**nomor_isi, **sendiri}),
                                        "depan", _DEPAN)
        awal_sampul = tujuan.get(_SAMPUL_ID, (len(pembaca.pages), 0))[0]
        baru = {i: romawi(hal + 1) for i, (hal, _) in tujuan.items() if i in sendiri}
        if baru == sendiri:
            break
        sendiri = baru
    return pembaca, {i: t for i, t in tujuan.items() if i not in hilang}, awal_sampul


def _jangkar_kosong(bagian: str, html: str) -> tuple[str, set[str]]:
    """Empty elements with the id of each list entry's target that `bagian`, what a print
    keeps of `html`, lacks (Chromium draws no link to an element that is not there), and
    those ids, whose places in that print mean nothing.

    >>> _jangkar_kosong('<h1 id="a">', '<li class="lk-tingkat-1"><a href="#a">A</a></li>'
    ...                 '<li class="lk-tingkat-1"><a href="#b">B</a></li>')
    ('<span id="b"></span>', {'b'})
    """
    ada = set(re.findall(r'\bid="([^"]*)"', bagian))
    hilang = dict.fromkeys(m.group(3) for m in _TAUTAN.finditer(html) if m.group(3) not in ada)
    return "".join(f'<span id="{i}"></span>' for i in hilang), set(hilang)


# the front matter numbered i, ii, …; the cover after it from a page of its own
# (Chromium lets the later of two @page rules win, whatever their selectors: the cover's
# page is named again after the universal rules of the sheet and the template)
_DEPAN = ("@page { @bottom-center { content: counter(page, lower-roman); } } "
          ".lk-sampul { break-before: page; break-after: auto; } "
          "@page sampul { @bottom-center { content: none; } @top-right { content: none; } }")


def _susun_utuh(html: str, cetak) -> list[tuple]:
    """The parts of a document without chapters (cover and all numbered 1, 2, …): one print
    with the lists' numbers stood in (`SELA`), then, when the lists stand before ``main``,
    only the pages up to it again with the numbers written in; else the whole again."""
    if not _TAUTAN.search(html):
        pembaca, tujuan = _cetak_bagian(cetak, html, "semua")
        return [("semua", pembaca, tujuan, range(len(pembaca.pages)))]
    html = html.replace("<main>", f'<main id="{_UTAMA}">', 1)
    pembaca, tujuan = _cetak_bagian(cetak, isi_daftar(html, {}, SELA), "semua")
    nomor = {i: str(h + 1) for i, (h, _) in tujuan.items()}
    utama = html.find(f'<main id="{_UTAMA}">')
    if 0 <= utama and html.rfind('<nav class="lk-daftar-bagian"', 0, utama) >= 0 \
            and html.find('<nav class="lk-daftar-bagian"', utama) < 0:
        kosong, hilang = _jangkar_kosong(html[:utama] + html[html.rfind("</main>"):], html)
        tanpa_utama = html[:html.find(">", utama) + 1] + kosong + html[html.rfind("</main>"):]
        depan, tujuan_depan = _cetak_bagian(cetak, isi_daftar(tanpa_utama, nomor), "semua")
        tujuan_depan = {i: t for i, t in tujuan_depan.items() if i not in hilang | {_UTAMA}}
        awal = len(depan.pages)
        if tujuan.get(_UTAMA, (-1,))[0] == awal and all(
                tujuan.get(i, (-1,))[0] == h for i, (h, _) in tujuan_depan.items()):
            return [("semua", depan, tujuan_depan, range(awal)),
                    ("semua", pembaca, tujuan, range(awal, len(pembaca.pages)))]
    pembaca, tujuan = _cetak_bagian(cetak, isi_daftar(html, nomor), "semua")
    return [("semua", pembaca, tujuan, range(len(pembaca.pages)))]


def susun(html: str, cetak, varian: tuple[str, ...] = ()) -> bytes:
    """The PDF of the reader's `html`, printed by `cetak` (HTML → PDF bytes, e.g.
    `lkjip.peramban.Peramban.cetak`) in parts and joined (see the module docstring); a
    chapter with a near-empty page is printed again with the classes of `varian`
    (`lkjip.ekspor_cetak.VARIAN`)."""
    html, bab, ttd = _penanda(html)
    if 'class="lk-isi"' not in html:  # no chapter: one document (cover too), numbered 1, 2, …
        return _gabung(html, _susun_utuh(html, cetak))
    isi, tujuan_isi, n, sendiri = _cetak_isi(cetak, html, bab, ttd, varian)
    bagian = [("isi", pembaca, tujuan, halaman) for pembaca, tujuan, halaman in isi]
    if 'class="lk-depan"' in html or 'class="lk-sampul' in html:
        nomor_isi = {i: str(h + 1) for i, (h, _) in tujuan_isi.items()}
        depan, tujuan_depan, c = _cetak_depan(cetak, html, nomor_isi, sendiri)
        if c:  # a part that is absent is not printed (a blank page)
            bagian.insert(0, ("depan", depan, tujuan_depan, range(c)))
        if c < len(depan.pages):
            bagian.insert(0, ("sampul", depan, {}, range(c, len(depan.pages))))
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


def _gabung(html: str, bagian: list[tuple[str, object, dict, range]]) -> bytes:
    """Join the parts' prints, each ``(kind, reader, named destinations, its pages taken)``:
    page labels, the lists' links and the outline pointing at the joined pages, the metadata
    of the head."""
    from pypdf import PdfWriter

    penulis, letak, awal = PdfWriter(), {}, 0
    for nama, pembaca, tujuan, halaman in bagian:
        penulis.append(pembaca, pages=list(halaman), import_outline=False)
        for i, (h, atas) in tujuan.items():
            if h in halaman:
                letak.setdefault(i, (awal + h - halaman.start, atas))
        mulai = halaman.start + 1  # the number its first page bears in its print
        label = {"sampul": {"prefix": "Sampul"}, "depan": {"style": "/r", "start": mulai},
                 "isi": {"style": "/D", "start": mulai},
                 "semua": {"style": "/D", "start": mulai}}[nama]
        penulis.set_page_label(awal, awal + len(halaman) - 1, **label)
        awal += len(halaman)
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
